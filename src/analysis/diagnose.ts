import type { Role, Term } from '../domain/index.js';
import { conceptLabel } from './concepts.js';
import { coverage, textFeatures, type FeatureSource } from './features.js';
import { roleProfiles, type GuideDocument, type GuideSection } from './role-profiles.js';
import type { TermSpotter } from './term-spotter.js';

export interface DiagnoseDeps {
  roles: readonly Role[];
  /** With a glossary, technologies named in the problem count as evidence too. */
  spotter?: TermSpotter;
  terms?: ReadonlyMap<string, Term>;
  /** How many roles to return; 5 unless told. */
  limit?: number;
}

/** A phrase from the problem and what we took it to mean. */
export interface Understood {
  said: string;
  means: string;
}

/** One part of a guide that matched the problem. */
export interface DiagnosisMatch {
  section: GuideSection | 'term';
  title?: string;
  text: string;
  /** The words of the problem that matched it. */
  said: string[];
  why: string;
  score: number;
}

export interface DiagnosedRole {
  taxonomy: string;
  code: string;
  name: string;
  /** 0-1: how well the role fits, relative to the best fit and to how much the text said. */
  score: number;
  matches: DiagnosisMatch[];
}

export interface Diagnosis {
  roles: DiagnosedRole[];
  understood: Understood[];
}

/** Signs are written for this; the other sections are weaker evidence. */
const SECTION_WEIGHT: Record<GuideSection, number> = {
  sign: 1,
  title: 0.3,
  benefit: 0.45,
  responsibility: 0.35,
  summary: 0.3,
  skill: 0.25,
};

const SECTION_NAME: Record<GuideSection, string> = {
  sign: 'the sign',
  benefit: 'the reason to hire',
  responsibility: 'what this role does:',
  summary: 'the summary of this role',
  skill: 'the skill',
  title: 'the role’s name and other titles',
};

/** A raw score at which a fit counts as fully confident. */
const CONFIDENT = 0.6;
const MIN_MATCH = 0.08;
const SECOND_SIGN = 0.3;
/** Technologies named in a problem hint at a role; the signs still decide. */
const TERM_WEIGHT = 0.15;
const OTHER_SECTIONS = 1.5;

const quote = (s: string) => `“${s}”`;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Phrases echoed for one match, and how long each may be: enough to show what was heard. */
const PHRASES_SHOWN = 5;
const PHRASE_LENGTH = 120;

/** Where each feature was said, read once per problem rather than once per matching guide part. */
const sourcesByFeature = (sources: readonly FeatureSource[]) => {
  const byFeature = new Map<string, FeatureSource[]>();
  for (const source of sources) {
    const list = byFeature.get(source.feature);
    if (list) list.push(source);
    else byFeature.set(source.feature, [source]);
  }
  return byFeature;
};

/** The problem's own words behind a set of features, merged into phrases. */
const saidFor = (
  text: string,
  byFeature: ReadonlyMap<string, readonly FeatureSource[]>,
  shared: readonly string[],
) => {
  const spans = shared
    .flatMap((feature) => byFeature.get(feature) ?? [])
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  const phrases = merged.map((m) => {
    const phrase = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    return phrase.length > PHRASE_LENGTH ? `${phrase.slice(0, PHRASE_LENGTH)}…` : phrase;
  });
  return [...new Map(phrases.map((p) => [p.toLowerCase(), p])).values()].slice(0, PHRASES_SHOWN);
};

const explain = (doc: GuideDocument, said: string[], shared: string[]): string => {
  const where = SECTION_NAME[doc.section];
  const what = doc.section === 'responsibility' || doc.section === 'skill' ? doc.text : doc.title;
  const concepts = shared.filter((f) => f.startsWith('c:')).map((f) => conceptLabel(f.slice(2)));
  const about = concepts.length > 0 ? `, which speaks of ${concepts.join(', ')}` : '';
  const target = what ? ` ${quote(what)}` : '';
  return `You mentioned ${said.map(quote).join(', ')}: this matches ${where}${target}${about}.`;
};

/**
 * Which role to hire for problems told in plain words, ranked, with the parts of each guide
 * (its signs first, then its reasons to hire and responsibilities) that matched and why.
 * @example
 * diagnose('pages take ten seconds and the site fell over during the sale', { roles })
 *   .roles[0].code // 'backend-developer' or 'site-reliability-engineer'
 */
export const diagnose = (text: string, deps: DiagnoseDeps): Diagnosis => {
  const glossary =
    deps.spotter && deps.terms ? { spotter: deps.spotter, terms: deps.terms } : undefined;
  const { profiles, idf, termIdf, averageLength } = roleProfiles(deps.roles, glossary);
  const { features, sources } = textFeatures(text);
  const byFeature = sourcesByFeature(sources);
  const hits = glossary ? glossary.spotter.spot(text) : [];
  const spotted = [...new Set(hits.map((h) => h.slug))];
  const termMass = spotted.reduce((sum, s) => sum + (termIdf.get(s) ?? 0), 0);

  const ranked = profiles.map((profile) => {
    const bySection = new Map<
      GuideSection,
      { doc: GuideDocument; score: number; shared: string[] }[]
    >();
    for (const doc of profile.documents) {
      const { score, shared } = coverage(features, doc.features, idf, doc.length, averageLength);
      if (score <= 0) continue;
      const list = bySection.get(doc.section) ?? [];
      list.push({ doc, score, shared });
      bySection.set(doc.section, list);
    }
    // The best-fitting sign counts most; a second sign and each other section's best match add to it.
    let sign = 0;
    let other = 0;
    const matches: DiagnosisMatch[] = [];
    for (const [section, list] of bySection) {
      list.sort((a, b) => b.score - a.score);
      const [best, second] = list;
      const weight = SECTION_WEIGHT[section];
      if (section === 'sign') sign = (best?.score ?? 0) + SECOND_SIGN * (second?.score ?? 0);
      else other += weight * (best?.score ?? 0);
      for (const m of list.slice(0, 2)) {
        if (m.score * weight < MIN_MATCH) continue;
        const said = saidFor(text, byFeature, m.shared);
        matches.push({
          section,
          ...(m.doc.title ? { title: m.doc.title } : {}),
          text: m.doc.text,
          said,
          why: explain(m.doc, said, m.shared),
          score: round(m.score * weight),
        });
      }
    }
    let raw = sign + OTHER_SECTIONS * other;
    const linked = spotted.filter((s) => profile.terms.has(s));
    if (termMass > 0 && linked.length > 0) {
      const explained = linked.reduce(
        (sum, s) => sum + profile.terms.get(s)!.weight * (termIdf.get(s) ?? 0),
        0,
      );
      const termScore = (TERM_WEIGHT * explained) / termMass;
      raw += termScore;
      const names = linked.map((s) => deps.terms?.get(s)?.name ?? s);
      matches.push({
        section: 'term',
        text: names.join(', '),
        said: hits.filter((h) => linked.includes(h.slug)).map((h) => h.text),
        why: `You named ${names.map(quote).join(', ')}, which this role works with.`,
        score: round(termScore),
      });
    }
    matches.sort((a, b) => b.score - a.score);
    return { role: profile.role, raw, matches: matches.slice(0, 4) };
  });

  ranked.sort((a, b) => b.raw - a.raw);
  const top = ranked[0]?.raw ?? 0;
  const confidence = Math.min(1, top / CONFIDENT);
  const roles = ranked
    .filter((r) => r.raw > 0 && r.matches.length > 0)
    .slice(0, deps.limit ?? 5)
    .map((r) => ({
      taxonomy: r.role.taxonomy,
      code: r.role.code,
      name: r.role.name,
      score: round((r.raw / top) * confidence),
      matches: r.matches,
    }));

  const understood = new Map<string, Understood>();
  for (const s of sources) {
    if (!s.feature.startsWith('c:')) continue;
    const said = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const means = conceptLabel(s.feature.slice(2));
    understood.set(`${said.toLowerCase()}|${means}`, { said, means });
  }
  return { roles, understood: [...understood.values()] };
};
