import { foldTitle } from '../domain/index.js';
import type { LintableRole } from './lint-finding.js';

/** For each taxonomy, which roles claim each folded title (by name or alternative title). */
export type TitleClaims = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

/**
 * Collects who claims which title, to find a title that two roles of one taxonomy both claim.
 * @example lintRole(role, { titleClaims: claimTitles(rolesOfTheTaxonomy) })
 */
export const claimTitles = (
  roles: Iterable<Pick<LintableRole, 'taxonomy' | 'code' | 'name' | 'alternativeTitles'>>,
): TitleClaims => {
  const claims = new Map<string, Map<string, string[]>>();
  for (const role of roles) {
    let byTitle = claims.get(role.taxonomy);
    if (!byTitle) claims.set(role.taxonomy, (byTitle = new Map<string, string[]>()));
    for (const title of [role.name, ...role.alternativeTitles]) {
      const folded = foldTitle(title);
      if (!folded) continue;
      const codes = byTitle.get(folded);
      if (!codes) byTitle.set(folded, [role.code]);
      else if (!codes.includes(role.code)) codes.push(role.code);
    }
  }
  return claims;
};
