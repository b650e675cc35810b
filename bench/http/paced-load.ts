import { Agent, get } from 'node:http';

export interface PacedLoadOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:3999. */
  origin: string;
  /** Request paths, taken in turn. */
  paths: readonly string[];
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
  /** Keep-alive connections the requests share. */
  connections: number;
}

export interface LatencySummary {
  requests: number;
  /** Requests answered per second of the run. */
  perSecond: number;
  errors: number;
  /** Latency percentiles and maximum, in milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);

/**
 * Sends requests at an even pace (request i is due at start + i / rate) whether or not earlier
 * ones have been answered, and times each from the moment it was due to its last byte: a server
 * or a generator that falls behind shows as latency instead of hiding it. Load generators that
 * send each second's quota as fast as they can and then wait (autocannon's rate limit does)
 * measure a server at saturation for part of every second, not at the rate asked for.
 */
export const pacedLoad = async (options: PacedLoadOptions): Promise<LatencySummary> => {
  const { origin, paths, rate, seconds, connections } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  let answered = 0;
  let errors = 0;
  let settled = 0;
  let allSettled: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allSettled = resolve));
  const finish = (): void => {
    settled++;
    if (settled === total) allSettled();
  };

  const send = (i: number, due: number): void => {
    const request = get(`${origin}${paths[i % paths.length] as string}`, { agent }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode === 200) {
          latencies[answered++] = performance.now() - due;
        } else {
          errors++;
        }
        finish();
      });
    });
    request.on('error', () => {
      errors++;
      finish();
    });
  };

  const interval = 1000 / rate;
  const start = performance.now();
  let sent = 0;
  // This process has a core of its own: checking the clock on every turn of the event loop keeps
  // the pace to microseconds, where a timer would round every gap up to a millisecond. A plain
  // callback, not a promise per turn, so the spinning makes no garbage to collect mid-run.
  const pace = (): void => {
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      send(sent, start + sent * interval);
      sent++;
    }
    if (sent < total) setImmediate(pace);
  };
  pace();
  await done;
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.slice(0, answered).sort();
  return {
    requests: answered,
    perSecond: answered / elapsed,
    errors,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted.length === 0 ? NaN : (sorted[sorted.length - 1] as number),
  };
};
