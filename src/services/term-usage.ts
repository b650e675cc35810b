import { roleSummaryOf, type RoleSummary } from '../domain/index.js';
import { iterateRoles } from '../store/index.js';
import type { Derivation } from './derived/index.js';

/** The published roles whose guides list each term, by name. */
export type TermUsage = ReadonlyMap<string, readonly RoleSummary[]>;

/** Which roles name a term is only known by reading every role, so the answer is kept. */
export const termUsage: Derivation<TermUsage> = {
  async build(db) {
    const usage = new Map<string, RoleSummary[]>();
    for await (const role of iterateRoles(db)) {
      if (role.status !== 'published') continue;
      for (const slug of new Set(role.terms)) {
        const users = usage.get(slug) ?? usage.set(slug, []).get(slug)!;
        users.push(roleSummaryOf(role));
      }
    }
    for (const users of usage.values()) users.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    return usage;
  },
  concerns: (change) => change.entity === 'role',
};
