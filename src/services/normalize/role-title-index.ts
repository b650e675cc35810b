import { TitleIndex, titleSourceOf, type TitleSource } from '../../matching/index.js';
import { changedSince, findRole, iterateRoles, latestRevisionId } from '../../store/index.js';
import type { ChangeEvent, ChangeFeed } from '../change-feed.js';
import type { Store } from '../../store/index.js';

/**
 * The title index of every published role, built once from the store and kept current: changes
 * made through this process arrive on the change feed; changes made by other instances sharing
 * the database are picked up from the revision log, checked at most once per `pollMs`.
 */
export class RoleTitleIndex {
  #index: TitleIndex | undefined;
  #building: Promise<TitleIndex> | undefined;
  #seenRevision = 0;
  #lastPoll = 0;
  #polling = false;
  /** Changes heard but not yet applied; a query waits for them, so a write is seen at once. */
  #pending: Promise<void> = Promise.resolve();
  readonly #ctx: { store: Store; changes: ChangeFeed };
  readonly #pollMs: number;

  constructor(ctx: { store: Store; changes: ChangeFeed }, options: { pollMs?: number } = {}) {
    this.#ctx = ctx;
    this.#pollMs = options.pollMs ?? 2_000;
    ctx.changes.subscribe((changes) => {
      if (this.#index)
        this.#pending = this.#pending.then(() => this.#apply(changes)).catch(() => undefined);
    });
  }

  /** The current index, built on first use. */
  async get(): Promise<TitleIndex> {
    const index = this.#index ?? (await (this.#building ??= this.#build()));
    await this.#pending;
    const now = Date.now();
    if (now - this.#lastPoll >= this.#pollMs) {
      this.#lastPoll = now;
      if (!this.#polling) {
        this.#polling = true;
        // A failed poll is retried on a later query; the index serves what it has meanwhile.
        void this.#poll()
          .catch(() => undefined)
          .finally(() => {
            this.#polling = false;
          });
      }
    }
    return index;
  }

  /** Every source the index holds, for worker threads that build their own copy. */
  async sources(): Promise<TitleSource[]> {
    const sources: TitleSource[] = [];
    for await (const role of iterateRoles(this.#ctx.store.db)) {
      if (role.status === 'published') sources.push(titleSourceOf(role));
    }
    return sources;
  }

  async #build(): Promise<TitleIndex> {
    try {
      const seen = await latestRevisionId(this.#ctx.store.db);
      const index = TitleIndex.build(await this.sources());
      this.#seenRevision = seen;
      this.#index = index;
      return index;
    } finally {
      // A build that failed (the database was down) is tried again by the next query.
      this.#building = undefined;
    }
  }

  async #poll(): Promise<void> {
    const changes = await changedSince(this.#ctx.store.db, this.#seenRevision);
    const last = changes.at(-1);
    if (!last) return;
    // Marked seen only once applied: a poll cut short by an outage is read again in full.
    await this.#apply(
      changes.flatMap((c): ChangeEvent[] => {
        if (c.entity !== 'role') return [];
        const slash = c.key.indexOf('/');
        return [{ entity: 'role', taxonomy: c.key.slice(0, slash), code: c.key.slice(slash + 1) }];
      }),
    );
    this.#seenRevision = last.id;
  }

  async #apply(changes: readonly ChangeEvent[]): Promise<void> {
    const index = this.#index;
    if (!index) return;
    for (const change of changes) {
      if (change.entity !== 'role') continue;
      const role = await findRole(this.#ctx.store.db, change.taxonomy, change.code);
      if (role && role.status === 'published') index.upsert(titleSourceOf(role));
      else index.remove(change.taxonomy, change.code);
    }
  }
}
