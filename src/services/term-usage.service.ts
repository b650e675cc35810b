import { compareText, type RoleSummary, type Term } from '../domain/index.js';
import type { ServiceContext } from './context.js';
import { getTerm } from './term.service.js';

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
  // The glossary kept in memory, not read again for every page.
  const [{ terms: bySlug }, usage] = await Promise.all([ctx.library.get(), ctx.termUsage.get()]);
  const terms = [...bySlug.values()];
  return {
    term,
    examples: term.examples.flatMap((s) => bySlug.get(s) ?? []),
    exampleOf: terms
      .filter((t) => t.examples.includes(slug))
      .sort((a, b) => compareText(a.name, b.name)),
    roles: [...(usage.get(slug) ?? [])],
  };
};
