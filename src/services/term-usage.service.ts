import type { Role, RoleSummary, Term } from '../domain/index.js';
import { allTerms, iterateRoles, latestRevisionId, type Store } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { getTerm } from './term.service.js';

interface TermUsage {
  /** The newest revision when the scan began: any later write makes the scan stale. */
  revision: number;
  roles: Map<string, RoleSummary[]>;
}

// Which roles name a term is only known by reading every role, so the answer is kept per store
// until the revision log moves on, which any write by any instance sharing the database does.
const usageByStore = new WeakMap<Store, Promise<TermUsage>>();

const summaryOf = (role: Role): RoleSummary => ({
  taxonomy: role.taxonomy,
  code: role.code,
  name: role.name,
  summary: role.summary,
  status: role.status,
  version: role.version,
  updatedAt: role.updatedAt,
});

const scanUsage = async (ctx: ServiceContext, revision: number): Promise<TermUsage> => {
  const roles = new Map<string, RoleSummary[]>();
  for await (const role of iterateRoles(ctx.store.db)) {
    if (role.status !== 'published') continue;
    for (const slug of new Set(role.terms)) {
      const users = roles.get(slug) ?? roles.set(slug, []).get(slug)!;
      users.push(summaryOf(role));
    }
  }
  for (const users of roles.values()) users.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { revision, roles };
};

/** The published roles whose guides list a term, by name. */
const rolesUsingTerm = async (ctx: ServiceContext, slug: string): Promise<RoleSummary[]> => {
  const revision = await latestRevisionId(ctx.store.db);
  let usage = usageByStore.get(ctx.store);
  if (!usage || (await usage).revision !== revision) {
    usage = scanUsage(ctx, revision);
    usageByStore.set(ctx.store, usage);
    void usage.catch(() => usageByStore.delete(ctx.store));
  }
  return (await usage).roles.get(slug) ?? [];
};

export interface TermDetails {
  term: Term;
  /** The term's examples, resolved, in its order. */
  examples: Term[];
  /** Terms that name this one among their examples, by name. */
  exampleOf: Term[];
  /** Published roles whose guides list the term, by name. */
  roles: RoleSummary[];
}

/** Everything a term's page shows: the term, its examples both ways, and the roles that use it. */
export const getTermDetails = async (ctx: ServiceContext, slug: string): Promise<TermDetails> => {
  const term = await getTerm(ctx, slug);
  const [terms, roles] = await Promise.all([allTerms(ctx.store.db), rolesUsingTerm(ctx, slug)]);
  const bySlug = new Map(terms.map((t) => [t.slug, t]));
  return {
    term,
    examples: term.examples.flatMap((s) => bySlug.get(s) ?? []),
    exampleOf: terms
      .filter((t) => t.examples.includes(slug))
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    roles,
  };
};
