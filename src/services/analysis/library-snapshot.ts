import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { BUILT_IN_TAXONOMY, type Role, type Term } from '../../domain/index.js';
import {
  linkGlossary,
  readGuides,
  TermSpotter,
  type GuideReading,
  type RoleProfiles,
} from '../../analysis/index.js';
import { allTerms, iterateRoles, type LoggedChange, type Store } from '../../store/index.js';
import type { Derivation } from '../derived/index.js';

export interface Library {
  spotter: TermSpotter;
  terms: ReadonlyMap<string, Term>;
  /** The published roles of the built-in library: the ones with guides to learn from. */
  roles: readonly Role[];
  /** The roles' guides as read against the glossary, for analysis and diagnosis. */
  profiles: RoleProfiles;
  /** The guides as read without the glossary: kept while no role changes. */
  guides: GuideReading;
}

type Glossary = Pick<Library, 'spotter' | 'terms'>;
type Guides = Pick<Library, 'roles' | 'guides'>;
type Parts = { glossary?: Glossary; guides?: Guides };

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

const readRoles = async (db: Store['db']): Promise<Guides> => {
  const roles: Role[] = [];
  for await (const role of iterateRoles(db, BUILT_IN_TAXONOMY)) {
    if (role.status === 'published') roles.push(role);
  }
  await yieldToRequests();
  return { roles, guides: readGuides(roles) };
};

/** The parts of a library that none of `changes` touched; they all concern the library. */
const unchangedParts = (library: Library, changes: readonly LoggedChange[]): Parts => {
  const termsChanged = changes.some((c) => c.entity === 'term');
  const rolesChanged = changes.some((c) => c.entity === 'role');
  return {
    ...(termsChanged ? {} : { glossary: library }),
    ...(rolesChanged ? {} : { guides: library }),
  };
};

/**
 * Reads and builds what analysis needs, keeping any part given, and lets queued requests run
 * between the steps: none of them holds the event loop for more than tens of milliseconds
 * with the built-in library. With the guides kept, only the glossary's links to them are made
 * again.
 */
const buildLibrary = async (db: Store['db'], kept: Parts = {}): Promise<Library> => {
  const glossary = kept.glossary ?? (await readGlossary(db));
  const { roles, guides } = kept.guides ?? (await readRoles(db));
  await yieldToRequests();
  const profiles = linkGlossary(guides, glossary);
  return { spotter: glossary.spotter, terms: glossary.terms, roles, guides, profiles };
};

/**
 * The glossary's term spotter and the built-in roles, for analysis, diagnosis and guides. A
 * change redoes only what it touched: a term write builds a new spotter and links it to the
 * guides already read; a role write of the built-in library rereads the guides. With the
 * built-in library an update takes 70–120 ms on the shared 2-core machine
 * (bench/term-spotting/rebuild.ts).
 */
export const librarySnapshot: Derivation<Library> = {
  build: (db) => buildLibrary(db),
  concerns: (change) =>
    change.entity === 'term' ||
    (change.entity === 'role' && change.key.startsWith(`${BUILT_IN_TAXONOMY}/`)),
  update: (library, changes, db) => buildLibrary(db, unchangedParts(library, changes)),
};
