import {
  searchedFor,
  notFound,
  occupationGroup,
  occupationGroups,
  startsAWord,
  type OccupationGroup,
  type RoleSummary,
} from '../domain/index.js';
import type { ServiceContext } from './context.js';
import type { GroupedRole } from './role-groups.js';

/** The occupation group a filter names; an unknown one is not found, as an unknown taxonomy is. */
export const requireGroup = (id: string): OccupationGroup => {
  const group = occupationGroup(id);
  if (!group) throw notFound(`Occupation group ${id}`);
  return group;
};

export interface GroupedRoleQuery {
  taxonomy?: string | undefined;
  /** An occupation group's id (`onet-15`, `isco-2`). */
  group?: string | undefined;
  /** Words one of the role's titles holds. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

const summaryOf = ({ groups: _groups, titles: _titles, ...summary }: GroupedRole): RoleSummary =>
  summary;

/**
 * Published roles of one occupation group (and taxonomy, and holding some words in a title),
 * the built-in library's first, then by taxonomy and name.
 */
export const listRolesInGroup = async (
  ctx: ServiceContext,
  query: GroupedRoleQuery,
): Promise<{ items: RoleSummary[]; total: number }> => {
  const { roles } = await ctx.roleGroups.get();
  const folded = searchedFor(query.q);
  const found = roles.filter(
    (r) =>
      (query.taxonomy === undefined || r.taxonomy === query.taxonomy) &&
      (query.group === undefined || r.groups.includes(query.group)) &&
      (folded === undefined || (folded !== '' && startsAWord(r.titles, folded))),
  );
  return {
    items: found.slice(query.offset, query.offset + query.limit).map(summaryOf),
    total: found.length,
  };
};

export interface GroupCount {
  group: OccupationGroup;
  count: number;
}

/** The occupation groups the published roles (of one taxonomy, or all) sit in, with how many. */
export const countRolesByGroup = async (
  ctx: ServiceContext,
  taxonomy?: string,
): Promise<GroupCount[]> => {
  const { roles } = await ctx.roleGroups.get();
  const counts = new Map<string, number>();
  for (const role of roles) {
    if (taxonomy !== undefined && role.taxonomy !== taxonomy) continue;
    for (const group of role.groups) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return occupationGroups
    .filter((group) => counts.has(group.id))
    .map((group) => ({ group, count: counts.get(group.id)! }));
};
