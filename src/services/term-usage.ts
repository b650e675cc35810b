import { BUILT_IN_TAXONOMY, foldTitle, roleSummaryOf, type RoleSummary } from '../domain/index.js';
import { allTerms, iterateRoles } from '../store/index.js';
import type { Derivation } from './derived/index.js';

/** The published roles whose guides list each term, by name. */
export type TermUsage = ReadonlyMap<string, readonly RoleSummary[]>;

/**
 * Which roles name a term is only known by reading every role, so the answer is kept. A guide
 * lists a term among its terms, or names it as one of its technologies ("Kubernetes" under
 * technologies is the glossary's Kubernetes, as the guide page links it). Only the curated
 * guides count their technologies: an imported occupation tags hundreds of tools, and a term's
 * page would drown in them.
 */
export const termUsage: Derivation<TermUsage> = {
  async build(db) {
    const slugByName = new Map<string, string>();
    for (const term of await allTerms(db)) {
      for (const name of [term.name, ...term.abbreviations, ...term.aliases]) {
        if (!slugByName.has(foldTitle(name))) slugByName.set(foldTitle(name), term.slug);
      }
    }
    const usage = new Map<string, RoleSummary[]>();
    for await (const role of iterateRoles(db)) {
      if (role.status !== 'published') continue;
      const named =
        role.taxonomy === BUILT_IN_TAXONOMY
          ? role.technologies.flatMap((t) => slugByName.get(foldTitle(t.name)) ?? [])
          : [];
      for (const slug of new Set([...role.terms, ...named])) {
        const users = usage.get(slug) ?? usage.set(slug, []).get(slug)!;
        users.push(roleSummaryOf(role));
      }
    }
    for (const users of usage.values()) users.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    return usage;
  },
  concerns: (change) => change.entity === 'role' || change.entity === 'term',
};
