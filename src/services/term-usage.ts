import {
  BUILT_IN_TAXONOMY,
  compareText,
  foldTitle,
  roleSummaryOf,
  type RoleSummary,
} from '../domain/index.js';
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
        const folded = foldTitle(name);
        if (!slugByName.has(folded)) slugByName.set(folded, term.slug);
      }
    }
    // Guides that list the term among their terms come first: for them it is part of the work,
    // not one tool among many.
    const listing = new Map<string, RoleSummary[]>();
    const naming = new Map<string, RoleSummary[]>();
    const add = (to: Map<string, RoleSummary[]>, slug: string, role: RoleSummary) => {
      const users = to.get(slug) ?? to.set(slug, []).get(slug)!;
      users.push(role);
    };
    for await (const role of iterateRoles(db)) {
      if (role.status !== 'published') continue;
      const summary = roleSummaryOf(role);
      const listed = new Set(role.terms);
      for (const slug of listed) add(listing, slug, summary);
      if (role.taxonomy !== BUILT_IN_TAXONOMY) continue;
      const named = new Set(
        role.technologies.flatMap((t) => slugByName.get(foldTitle(t.name)) ?? []),
      );
      for (const slug of named) if (!listed.has(slug)) add(naming, slug, summary);
    }
    const byName = (a: RoleSummary, b: RoleSummary) => compareText(a.name, b.name);
    const usage = new Map<string, RoleSummary[]>();
    for (const slug of new Set([...listing.keys(), ...naming.keys()])) {
      usage.set(slug, [
        ...(listing.get(slug) ?? []).sort(byName),
        ...(naming.get(slug) ?? []).sort(byName),
      ]);
    }
    return usage;
  },
  concerns: (change) => change.entity === 'role' || change.entity === 'term',
};
