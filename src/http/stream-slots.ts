import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/index.js';
import { clientOf } from './plugins/rate-limit.plugin.js';
import { holdToUploadRate, type UploadRate } from './upload-rate.js';

export interface StreamLimits extends UploadRate {
  /** Streams one client (an API key, or an address without one) may have open at once. */
  perClient: number;
  /** Streams the whole server runs at once. */
  total: number;
}

/** Long enough for a running stream to end, short enough that a client does not give up. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Counts the streaming requests in progress, so a few clients cannot take every turn of the
 * event loop: a client over its share is told to slow down (429), and when the server runs all
 * it can, new streams are told to come back (503).
 */
export class StreamSlots {
  readonly #open = new Map<string, number>();
  #total = 0;
  readonly #limits: StreamLimits;

  constructor(limits: StreamLimits) {
    this.#limits = limits;
  }

  /** Streams one client may have open at once. */
  get perClient(): number {
    return this.#limits.perClient;
  }

  /** Takes a slot for the request's client (see acquire), or throws; it is freed with the answer. */
  hold(request: FastifyRequest, reply: FastifyReply): void {
    reply.raw.once('close', this.acquire(clientOf(request), request.raw));
  }

  /**
   * Takes a slot for `client`, or throws; call the returned function once the stream ends. While
   * the upload is still arriving, its connection is closed (and the slot freed) if a window
   * passes that brings it less than its share: a slot is no place to sit idle in.
   */
  acquire(client: string, upload: IncomingMessage): () => void {
    const release = this.#take(client);
    const unwatch = holdToUploadRate(upload, this.#limits);
    return () => {
      unwatch();
      release();
    };
  }

  #take(client: string): () => void {
    const mine = this.#open.get(client) ?? 0;
    if (mine >= this.#limits.perClient) {
      throw new AppError(
        'rate_limited',
        `This client already has ${mine} streams open; the limit is ${this.#limits.perClient}.`,
        [],
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    if (this.#total >= this.#limits.total) {
      throw new AppError(
        'unavailable',
        `The server is running ${this.#total} streams, its limit; try again shortly.`,
        [],
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    this.#open.set(client, mine + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#open.get(client) ?? 1) - 1;
      if (left === 0) this.#open.delete(client);
      else this.#open.set(client, left);
    };
  }
}
