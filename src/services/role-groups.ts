import {
  BUILT_IN_TAXONOMY,
  compareText,
  foldTitle,
  majorGroupOf,
  roleSummaryOf,
  type Role,
  type RoleSummary,
} from '../domain/index.js';
import { iterateRoles } from '../store/index.js';
import type { Derivation } from './derived/index.js';

/** A published role with the occupation groups it sits in and its titles, folded for search. */
export interface GroupedRole extends RoleSummary {
  groups: readonly string[];
  /** Its name and other titles, folded, one a line. */
  titles: string;
}

export interface RoleGroups {
  /** Every published role with its groups, the built-in library first, then by taxonomy and name. */
  roles: readonly GroupedRole[];
  /** The groups of a published role; none for another. */
  groupsOf(taxonomy: string, code: string): readonly string[];
}

const keyOf = (taxonomy: string, code: string) => `${taxonomy}\u0000${code}`;

/**
 * The groups a role's own code and its crosswalk name. An ESCO occupation names its ISCO group
 * in its crosswalk; a role that points at an ESCO occupation gets that occupation's ISCO group.
 */
const groupsOf = (role: Role, iscoOfEsco: ReadonlyMap<string, string>): string[] => {
  const groups = new Set<string>();
  const add = (group: string | undefined) => group !== undefined && groups.add(group);
  if (role.taxonomy === 'onet') add(majorGroupOf('onet', role.code));
  for (const ref of role.crosswalk) {
    if (ref.taxonomy === 'onet' || ref.taxonomy === 'isco')
      add(majorGroupOf(ref.taxonomy, ref.code));
    if (ref.taxonomy === 'esco') add(iscoOfEsco.get(ref.code));
  }
  return [...groups].sort();
};

const rank = (taxonomy: string) => (taxonomy === BUILT_IN_TAXONOMY ? 0 : 1);

/**
 * Which occupation groups each published role sits in is only known by reading every role (an
 * ESCO occupation's group lies in its crosswalk), so the answer is kept.
 */
export const roleGroups: Derivation<RoleGroups> = {
  async build(db) {
    const roles: Role[] = [];
    const iscoOfEsco = new Map<string, string>();
    for await (const role of iterateRoles(db)) {
      if (role.status !== 'published') continue;
      roles.push(role);
      const isco = role.crosswalk.find((ref) => ref.taxonomy === 'isco');
      const group = isco && majorGroupOf('isco', isco.code);
      if (role.taxonomy === 'esco' && group !== undefined) iscoOfEsco.set(role.code, group);
    }
    const grouped = roles
      .map((role) => ({
        ...roleSummaryOf(role),
        groups: groupsOf(role, iscoOfEsco),
        titles: [role.name, ...role.alternativeTitles].map(foldTitle).join('\n'),
      }))
      .sort(
        (a, b) =>
          rank(a.taxonomy) - rank(b.taxonomy) ||
          compareText(a.taxonomy, b.taxonomy) ||
          compareText(a.name, b.name) ||
          compareText(a.code, b.code),
      );
    const byKey = new Map(grouped.map((r) => [keyOf(r.taxonomy, r.code), r.groups]));
    return { roles: grouped, groupsOf: (taxonomy, code) => byKey.get(keyOf(taxonomy, code)) ?? [] };
  },
  concerns: (change) => change.entity === 'role',
};
