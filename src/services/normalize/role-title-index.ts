import { TitleIndex, titleSourceOf, type TitleSource } from '../../matching/index.js';
import { findRole, iterateRoles, type Store } from '../../store/index.js';
import type { Derivation } from '../derived/index.js';

const sourcesIn = async (db: Store['db']): Promise<TitleSource[]> => {
  const sources: TitleSource[] = [];
  for await (const role of iterateRoles(db)) {
    if (role.status === 'published') sources.push(titleSourceOf(role));
  }
  return sources;
};

/** The titles of every published role, for worker threads that build an index of their own. */
export const publishedTitleSources = (ctx: { store: Store }): Promise<TitleSource[]> =>
  sourcesIn(ctx.store.db);

/** Past this many changed roles (an import), building anew is quicker than a lookup per role. */
const MOST_ROLES_PATCHED = 256;

const buildIndex = async (db: Store['db']) => TitleIndex.build(await sourcesIn(db));

/** The title index of every published role: a role write patches it in place. */
export const roleTitleIndex: Derivation<TitleIndex> = {
  build: buildIndex,
  concerns: (change) => change.entity === 'role',
  async update(index, changes, db) {
    const keys = new Set(changes.map((c) => c.key));
    if (keys.size > MOST_ROLES_PATCHED) return buildIndex(db);
    for (const key of keys) {
      const slash = key.indexOf('/');
      const [taxonomy, code] = [key.slice(0, slash), key.slice(slash + 1)];
      const role = await findRole(db, taxonomy, code);
      if (role && role.status === 'published') index.upsert(titleSourceOf(role));
      else index.remove(taxonomy, code);
    }
    return index;
  },
};
