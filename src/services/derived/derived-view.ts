import { setTimeout as delay } from 'node:timers/promises';
import {
  changedSince,
  latestRevisionId,
  type LoggedChange,
  type Store,
} from '../../store/index.js';
import type { ChangeFeed } from './change-feed.js';

/** How a value is made from the store and kept up to date with the revision log. */
export interface Derivation<T> {
  /** Reads everything the value is made of. */
  build(db: Store['db']): Promise<T>;
  /** Whether a logged change can alter the value; others pass it by. */
  concerns(change: LoggedChange): boolean;
  /**
   * The value brought up to date with the changes that concern it, read from the store as it is
   * now. Without it, such changes rebuild the value. Applying a change twice must be harmless: a
   * pass cut short by a failure is applied again in full.
   */
  update?(value: T, changes: readonly LoggedChange[], db: Store['db']): Promise<T>;
}

/**
 * How long a request waits for a write of this process to reach a view before it is served the
 * value the view had: the guarantee below holds for any update that finishes within it.
 */
const DEFAULT_MAX_WAIT_MS = 1_000;

/**
 * A value derived from the store (an index, a snapshot, a usage table), built on first use and
 * kept current off the request path, the one way every derived value in Rolebook stays fresh.
 *
 * Freshness: a request that starts after a write through this process has answered sees that
 * write, unless updating the view takes longer than `maxWaitMs`, when it is served the previous
 * value while the update finishes. A write by another instance sharing the database is seen
 * within the feed's poll interval plus the update. An update never blocks a request beyond
 * that wait; one that fails (the database is away) leaves the value as it was, and the next
 * signal tries again from the same point of the log.
 */
export class DerivedView<T> {
  readonly #store: Store;
  readonly #changes: ChangeFeed;
  readonly #derivation: Derivation<T>;
  readonly #maxWaitMs: number;
  #current: { value: T } | undefined;
  /** The newest revision the value includes. */
  #seen = 0;
  #refreshing: Promise<void> | undefined;
  /** Set by every signal; the refresh loop runs until a pass begins without one. */
  #asked = false;

  constructor(
    ctx: { store: Store; changes: ChangeFeed },
    derivation: Derivation<T>,
    options: { maxWaitMs?: number } = {},
  ) {
    this.#store = ctx.store;
    this.#changes = ctx.changes;
    this.#derivation = derivation;
    this.#maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  }

  /** The value, built on first use; a first build that fails rejects, and the next call retries. */
  async get(): Promise<T> {
    if (!this.#current) await this.#refresh();
    else if (this.#refreshing) {
      const settled = this.#refreshing.catch(() => undefined);
      await Promise.race([settled, delay(this.#maxWaitMs, undefined, { ref: false })]);
    }
    return this.#current!.value;
  }

  #refresh(): Promise<void> {
    this.#asked = true;
    this.#refreshing ??= this.#catchUp().finally(() => {
      this.#refreshing = undefined;
      // A signal heard after the loop's last check is not left for the next one.
      if (this.#asked && this.#current) this.#refreshInBackground();
    });
    return this.#refreshing;
  }

  #refreshInBackground(): void {
    this.#refresh().catch(() => undefined);
  }

  async #catchUp(): Promise<void> {
    const db = this.#store.db;
    const derivation = this.#derivation;
    while (this.#asked) {
      this.#asked = false;
      if (!this.#current) {
        // The log is read before the data, so a write in between is applied again later.
        const seen = await latestRevisionId(db);
        this.#current = { value: await derivation.build(db) };
        this.#seen = seen;
        this.#changes.subscribe(() => this.#refreshInBackground());
        continue;
      }
      const changes = await changedSince(db, this.#seen);
      const last = changes.at(-1);
      if (!last) continue;
      const concerning = changes.filter((c) => derivation.concerns(c));
      if (concerning.length > 0) {
        const value = derivation.update
          ? await derivation.update(this.#current.value, concerning, db)
          : await derivation.build(db);
        this.#current = { value };
      }
      this.#seen = last.id;
    }
  }
}
