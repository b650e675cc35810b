import { BUILT_IN_TAXONOMY, type Role, type Term } from '../../domain/index.js';
import { TermSpotter } from '../../analysis/index.js';
import { allTerms, iterateRoles, latestRevisionId, type Store } from '../../store/index.js';

export interface Library {
  spotter: TermSpotter;
  terms: ReadonlyMap<string, Term>;
  /** The published roles of the built-in library: the ones with guides to learn from. */
  roles: readonly Role[];
}

/**
 * The glossary's term spotter and the built-in roles, rebuilt when the revision log has moved
 * on: every write, from this process or another instance, adds a revision. The check costs one
 * indexed query and runs at most once per `checkMs`.
 */
export class LibrarySnapshot {
  #library: Promise<Library> | undefined;
  #builtAt = -1;
  #checkedAt = 0;
  readonly #store: Store;
  readonly #checkMs: number;

  constructor(store: Store, options: { checkMs?: number } = {}) {
    this.#store = store;
    this.#checkMs = options.checkMs ?? 1_000;
  }

  /** Forgets the snapshot: the next `get` rebuilds it. */
  invalidate(): void {
    this.#checkedAt = 0;
  }

  async get(): Promise<Library> {
    const now = Date.now();
    if (this.#library && now - this.#checkedAt < this.#checkMs) return this.#library;
    this.#checkedAt = now;
    let revision: number;
    try {
      revision = await latestRevisionId(this.#store.db);
    } catch (error) {
      // The database is down: the snapshot held serves until the next check finds it back.
      if (this.#library) return this.#library;
      throw error;
    }
    if (!this.#library || revision !== this.#builtAt) {
      this.#builtAt = revision;
      this.#library = this.#build();
      this.#library.catch(() => {
        this.#library = undefined;
      });
    }
    return this.#library;
  }

  async #build(): Promise<Library> {
    const terms = await allTerms(this.#store.db);
    const roles: Role[] = [];
    for await (const role of iterateRoles(this.#store.db, BUILT_IN_TAXONOMY)) {
      if (role.status === 'published') roles.push(role);
    }
    return {
      spotter: TermSpotter.build(terms),
      terms: new Map(terms.map((t) => [t.slug, t])),
      roles,
    };
  }
}
