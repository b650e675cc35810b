import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { BUILT_IN_TAXONOMY, type Role, type Term } from '../../domain/index.js';
import { roleProfiles, TermSpotter } from '../../analysis/index.js';
import {
  allTerms,
  changedSince,
  iterateRoles,
  latestRevisionId,
  type Store,
} from '../../store/index.js';
import type { ChangeFeed } from '../change-feed.js';

export interface Library {
  spotter: TermSpotter;
  terms: ReadonlyMap<string, Term>;
  /** The published roles of the built-in library: the ones with guides to learn from. */
  roles: readonly Role[];
}

type Glossary = Pick<Library, 'spotter' | 'terms'>;
type Parts = { glossary?: Glossary; roles?: readonly Role[] };

const readGlossary = async (db: Store['db']): Promise<Glossary> => {
  const terms = await allTerms(db);
  await yieldToRequests();
  const prepared = TermSpotter.prepare(terms);
  await yieldToRequests();
  return {
    spotter: TermSpotter.fromPrepared(prepared),
    terms: new Map(terms.map((t) => [t.slug, t])),
  };
};

const readRoles = async (db: Store['db']): Promise<Role[]> => {
  const roles: Role[] = [];
  for await (const role of iterateRoles(db, BUILT_IN_TAXONOMY)) {
    if (role.status === 'published') roles.push(role);
  }
  return roles;
};

/** The parts of a library that none of `changes` touched. */
const unchangedParts = (
  library: Library,
  changes: readonly { entity: string; key: string }[],
): Parts => {
  const builtIn = `${BUILT_IN_TAXONOMY}/`;
  const termsChanged = changes.some((c) => c.entity === 'term');
  const rolesChanged = changes.some((c) => c.entity === 'role' && c.key.startsWith(builtIn));
  return {
    ...(termsChanged ? {} : { glossary: library }),
    ...(rolesChanged ? {} : { roles: library.roles }),
  };
};

/**
 * Reads and builds what analysis needs, keeping any part given, and lets queued requests run
 * between the steps: none of them holds the event loop for more than tens of milliseconds
 * with the built-in library.
 */
const buildLibrary = async (db: Store['db'], kept: Parts = {}): Promise<Library> => {
  const glossary = kept.glossary ?? (await readGlossary(db));
  const roles = kept.roles ?? (await readRoles(db));
  const library = { spotter: glossary.spotter, terms: glossary.terms, roles };
  await yieldToRequests();
  // Analysis and diagnosis read every guide into profiles on first use, cached per roles array
  // and spotter: doing it here keeps that off the first request after a rebuild. With the
  // roles kept, only the glossary's links to them are made again.
  roleProfiles(library.roles, library);
  return library;
};

/**
 * The glossary's term spotter and the built-in roles, for analysis, diagnosis and guides.
 *
 * No request waits for a rebuild. Only the first build is awaited (`warmUp` runs it before the
 * server listens); after that `get` answers at once with the library it has, while a newer one
 * is built beside it and swapped in when complete. A rebuild starts when this process commits a
 * change (the change feed), and when a `get` finds that the revision log has moved on, which is
 * how writes by other instances sharing the database arrive; that check is one indexed query,
 * run in the background at most once per `checkMs`. Changes that arrive during a rebuild are
 * gathered into one more. A rebuild redoes only what the changes touched: a term write builds
 * a new spotter and links it to the guides already read; a role write rereads the guides.
 *
 * Freshness: a write through this process reaches analysis and guides when the rebuild it
 * started ends: within 1 s for the built-in library, and 70–120 ms on the shared 2-core machine
 * (bench/term-spotting/rebuild.ts). A write by another instance arrives with the first request
 * `checkMs` or more after it, plus that rebuild.
 */
export class LibrarySnapshot {
  #library: Library | undefined;
  #builtFrom = -1;
  #checkedAt = 0;
  #rebuilding: Promise<void> | undefined;
  /** Set by every request for a refresh; the rebuild loop runs until a pass begins without one. */
  #refreshAsked = false;
  readonly #store: Store;
  readonly #checkMs: number;

  constructor(ctx: { store: Store; changes: ChangeFeed }, options: { checkMs?: number } = {}) {
    this.#store = ctx.store;
    this.#checkMs = options.checkMs ?? 1_000;
    // Until a request wants the library, a write has nothing to refresh.
    ctx.changes.subscribe(() => {
      if (this.#library || this.#rebuilding) this.#refreshInBackground();
    });
  }

  async get(): Promise<Library> {
    if (!this.#library) await this.#refresh();
    else if (Date.now() - this.#checkedAt >= this.#checkMs) this.#refreshInBackground();
    return this.#library!;
  }

  // A failed rebuild leaves the library as it was, and a later check tries again.
  #refreshInBackground(): void {
    this.#refresh().catch(() => undefined);
  }

  #refresh(): Promise<void> {
    this.#refreshAsked = true;
    this.#rebuilding ??= this.#rebuildUntilCurrent().finally(() => {
      this.#rebuilding = undefined;
    });
    return this.#rebuilding;
  }

  async #rebuildUntilCurrent(): Promise<void> {
    const db = this.#store.db;
    while (this.#refreshAsked) {
      this.#refreshAsked = false;
      this.#checkedAt = Date.now();
      // Revisions are read before the library, so a write in between is built in again later.
      if (!this.#library) {
        const revision = await latestRevisionId(db);
        this.#library = await buildLibrary(db);
        this.#builtFrom = revision;
        continue;
      }
      const changes = await changedSince(db, this.#builtFrom);
      const last = changes.at(-1);
      if (!last) continue;
      this.#library = await buildLibrary(db, unchangedParts(this.#library, changes));
      this.#builtFrom = last.id;
    }
  }
}
