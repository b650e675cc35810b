import { setImmediate as yieldToIo } from 'node:timers/promises';
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
  /** Runs CPU-bound work on a text once the analyses before it are done. */
  run<T>(characters: number, work: () => T): Promise<T>;
}

/**
 * Analyses run one at a time, each after a turn of the event loop: an analysis of a long text
 * holds the thread for a fraction of a second, and run together a burst of them would hold it
 * for tens of seconds, health checks and cheap reads waiting behind them. One at a time, the
 * server answers everything else between two analyses.
 */
export const analysisQueue = (maxWaiting = MAX_WAITING_CHARACTERS): AnalysisQueue => {
  const limit = pLimit(1);
  let waiting = 0;
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
        await yieldToIo();
        try {
          return work();
        } finally {
          waiting -= characters;
        }
      });
    },
  };
};
