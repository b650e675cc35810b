import type { RoleSummary, Term } from '../domain/index.js';
import type { RoleListItem, TermListItem } from './views/index.js';

/** A role as lists show it, naming its taxonomy when one is known. */
export const roleListItem =
  (taxonomyNames: ReadonlyMap<string, string>) =>
  (
    role: Pick<RoleSummary, 'taxonomy' | 'code' | 'name' | 'summary'> & {
      matched?: string;
      uses?: string;
    },
  ): RoleListItem => {
    const taxonomyName = taxonomyNames.get(role.taxonomy);
    return {
      taxonomy: role.taxonomy,
      code: role.code,
      name: role.name,
      summary: role.summary,
      ...(taxonomyName !== undefined ? { taxonomyName } : {}),
      ...(role.matched !== undefined ? { matched: role.matched } : {}),
      ...(role.uses !== undefined ? { uses: role.uses } : {}),
    };
  };

/** A term's abbreviations without its name: "API" names itself and would read "API (API)". */
export const shownAbbreviations = (term: Pick<Term, 'name' | 'abbreviations'>): string[] =>
  term.abbreviations.filter((a) => a.toLowerCase() !== term.name.toLowerCase());

/** A term as lists show it. */
export const termListItem = (term: Term): TermListItem & { category: string } => ({
  slug: term.slug,
  name: term.name,
  abbreviations: shownAbbreviations(term),
  definition: term.definition,
  category: term.category,
});
