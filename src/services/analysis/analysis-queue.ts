import { setTimeout as rest } from 'node:timers/promises';
import pLimit from 'p-limit';
import { AppError } from '../../domain/index.js';

/**
 * How many characters of text may wait for analysis on one instance: about ten of the largest
 * job descriptions, several seconds of work. Past it a request is turned away with 503 and
 * Retry-After rather than queued behind work it would wait on for longer than a client waits.
 */
const MAX_WAITING_CHARACTERS = 2_000_000;

/** Seconds a client turned away should wait: about what the queue takes to drain. */
const RETRY_AFTER_SECONDS = 5;

export interface AnalysisQueue {
  /** Runs work on a text once the analyses before it are done. */
  run<T>(characters: number, work: () => T | Promise<T>): Promise<T>;
}

/** The longest rest between two analyses, however long the last one held the thread. */
const MAX_REST_MS = 100;

/**
 * Analyses run one at a time. When they run on the thread that serves requests (`rests`), the
 * thread rests before each for half as long as the last one held it (at most MAX_REST_MS): an
 * analysis of a long text holds the thread for up to a
 * second, and run together a burst of them would hold it for tens of seconds, health checks and
 * cheap reads waiting behind them. A request takes several turns of the event loop (reading,
 * hooks, writing); a single turn between two analyses let it take only one per analysis, so a
 * burst of twenty still held a health check for as long as the whole burst. In the rest it
 * finishes.
 */
export const analysisQueue = (
  maxWaiting = MAX_WAITING_CHARACTERS,
  { rests = true }: { rests?: boolean } = {},
): AnalysisQueue => {
  const limit = pLimit(1);
  let waiting = 0;
  let lastMs = 0;
  return {
    run(characters, work) {
      if (waiting > 0 && waiting + characters > maxWaiting) {
        return Promise.reject(
          new AppError(
            'unavailable',
            'The server is busy with other analyses; try again in a few seconds.',
            [],
            { retryAfterSeconds: RETRY_AFTER_SECONDS },
          ),
        );
      }
      waiting += characters;
      return limit(async () => {
        if (rests) await rest(Math.min(lastMs / 2, MAX_REST_MS));
        const started = performance.now();
        try {
          return await work();
        } finally {
          waiting -= characters;
          // The next analysis after a quiet spell has nothing to make up for.
          lastMs = waiting > 0 ? performance.now() - started : 0;
        }
      });
    },
  };
};
