import type { Role, Term } from '../domain/index.js';
import {
  featureLength,
  inverseFrequencies,
  textFeatures,
  vectorNorm,
  type Features,
} from './features.js';
import { foldText } from './text-chars.js';
import { words } from './words.js';
import type { TermSpotter } from './term-spotter.js';

/** The part of a guide a piece of evidence comes from. */
export type GuideSection = 'sign' | 'benefit' | 'responsibility' | 'skill' | 'summary' | 'title';

/** One section item of a guide, read into features. */
export interface GuideDocument {
  section: GuideSection;
  title?: string;
  text: string;
  features: Features;
  norm: number;
  length: number;
}

/** How a glossary term points at a role, and how strongly (1 is the role's own term list). */
export interface TermLink {
  weight: number;
  via: string;
}

export interface RoleProfile {
  role: Role;
  documents: GuideDocument[];
  /** All of the guide's words and concepts together. */
  whole: Features;
  wholeNorm: number;
  terms: Map<string, TermLink>;
  /** The role's name and alternative titles, folded. */
  titles: string[];
}

export interface RoleProfiles {
  profiles: RoleProfile[];
  /** Feature rarity across all guides' items: a word in most of them tells nothing apart. */
  idf: Map<string, number>;
  /** Term rarity across roles. */
  termIdf: Map<string, number>;
  /** Average feature weight of a guide section item. */
  averageLength: number;
  /** Every word the guides and the glossary are written in: words spelt as meant. */
  vocabulary: ReadonlySet<string>;
  /** Every two words the guides and the glossary join with a hyphen ("on-call"), in lower case. */
  compounds: ReadonlySet<string>;
  /** Every word of the roles' names and other titles, and each two words side by side in one. */
  titleWords: ReadonlySet<string>;
}

export interface Glossary {
  spotter: TermSpotter;
  terms: ReadonlyMap<string, Term>;
}

const documentsOf = (role: Role): Omit<GuideDocument, 'norm' | 'length'>[] => {
  const doc = (section: GuideSection, text: string, title?: string) => ({
    section,
    text,
    features: textFeatures(title ? `${title}. ${text}` : text).features,
    ...(title ? { title } : {}),
  });
  return [
    ...role.signs.map((s) => doc('sign', s.text, s.title)),
    ...role.benefits.map((b) => doc('benefit', b.text, b.title)),
    ...role.responsibilities.map((r) => doc('responsibility', r)),
    ...role.skills.map((s) => doc('skill', s.name)),
    ...(role.summary ? [doc('summary', role.summary)] : []),
    doc('title', [role.name, ...role.alternativeTitles].join('. ')),
  ];
};

const merge = (parts: readonly Features[]): Features => {
  const whole: Features = new Map();
  for (const part of parts) for (const [f, w] of part) whole.set(f, (whole.get(f) ?? 0) + w);
  return whole;
};

const termLinks = (role: Role, glossary: Glossary | undefined): Map<string, TermLink> => {
  const links = new Map<string, TermLink>();
  const link = (slug: string, weight: number, via: string) => {
    const known = links.get(slug);
    if (!known || known.weight < weight) links.set(slug, { weight, via });
  };
  const spot = (text: string, names = false) =>
    glossary?.spotter.spot(text, { names }).map((h) => h.slug) ?? [];
  for (const slug of role.terms) link(slug, 1, 'a term of this role');
  for (const tech of role.technologies) {
    for (const slug of spot(tech.name, true)) link(slug, 0.8, 'a technology of this role');
  }
  for (const slug of role.terms) {
    const term = glossary?.terms.get(slug);
    for (const example of term?.examples ?? []) link(example, 0.6, `an example of ${term!.name}`);
  }
  for (const skill of role.skills)
    for (const slug of spot(skill.name)) link(slug, 0.6, 'a skill of this role');
  const prose = [role.summary, ...role.responsibilities, ...role.signs.map((s) => s.text)];
  for (const slug of spot(prose.join('\n'))) link(slug, 0.4, 'named in this guide');
  return links;
};

/** What the guides say, apart from the glossary: the slow part, kept while the roles are. */
export interface GuideReading {
  profiles: Omit<RoleProfile, 'terms'>[];
  idf: Map<string, number>;
  averageLength: number;
  vocabulary: ReadonlySet<string>;
  compounds: ReadonlySet<string>;
  titleWords: ReadonlySet<string>;
}

const wordsOf = (texts: readonly string[]): Set<string> =>
  new Set(texts.flatMap((text) => words(text).map((t) => t.word)));

/** A run of letters with the hyphen and the run after it looked at, not taken: "end-to-end". */
const HYPHENATED = /\p{L}+(?=-(\p{L}+))/gu;

const compoundsOf = (texts: readonly string[]): Set<string> =>
  new Set(
    texts.flatMap((text) =>
      [...text.matchAll(HYPHENATED)].map((m) => `${m[0]}-${m[1]!}`.toLowerCase()),
    ),
  );

/** Each two words side by side in a title: "site reliability", "reliability engineer". */
const wordPairs = (title: string): string[] => {
  const said = words(title).map((t) => t.word);
  return said.slice(1).map((word, i) => `${said[i]} ${word}`);
};

export const readGuides = (roles: readonly Role[]): GuideReading => {
  const drafts = roles.map((role) => {
    const documents = documentsOf(role);
    return { role, documents, whole: merge(documents.map((d) => d.features)) };
  });
  // Rarity across every sign, reason and responsibility of every guide: the engines rank
  // those items, and a concept most guides touch somewhere is still rare among their items.
  const idf = inverseFrequencies(
    drafts.flatMap((d) => d.documents.map((doc) => new Set(doc.features.keys()))),
  );
  const profiles = drafts.map(({ role, documents, whole }) => ({
    role,
    documents: documents.map((d) => ({
      ...d,
      norm: vectorNorm(d.features, idf),
      length: featureLength(d.features),
    })),
    whole,
    wholeNorm: vectorNorm(whole, idf),
    titles: [role.name, ...role.alternativeTitles].map(foldText),
  }));
  const lengths = profiles.flatMap((p) => p.documents.map((d) => d.length));
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const written = drafts.flatMap((d) => [
    ...d.documents.flatMap((doc) => [doc.text, doc.title ?? '']),
    ...d.role.alternativeTitles,
  ]);
  const vocabulary = wordsOf(written);
  const compounds = compoundsOf(written);
  const titles = drafts.flatMap((d) => [d.role.name, ...d.role.alternativeTitles]);
  const titleWords = new Set([...wordsOf(titles), ...titles.flatMap(wordPairs)]);
  return { profiles, idf, averageLength, vocabulary, compounds, titleWords };
};

/**
 * Links guides already read to a glossary: the glossary terms that point at each role, and how
 * rare each term is across roles. A new glossary over the same roles needs only this step.
 */
export const linkGlossary = (reading: GuideReading, glossary?: Glossary): RoleProfiles => {
  const profiles = reading.profiles.map((p) => ({ ...p, terms: termLinks(p.role, glossary) }));
  const termIdf = inverseFrequencies(profiles.map((p) => new Set(p.terms.keys())));
  const glossaryTexts = [...(glossary?.terms.values() ?? [])].flatMap((t) => [
    t.name,
    ...t.aliases,
    t.definition,
  ]);
  return {
    profiles,
    idf: reading.idf,
    termIdf,
    averageLength: reading.averageLength,
    vocabulary: new Set([...reading.vocabulary, ...wordsOf(glossaryTexts)]),
    compounds: new Set([...reading.compounds, ...compoundsOf(glossaryTexts)]),
    titleWords: reading.titleWords,
  };
};

/**
 * Reads every guide into what the engines compare texts with: its sections as features, the
 * glossary terms that point at it, and how rare each feature and term is across roles. The
 * server keeps the result in its library snapshot; this is for a one-off reading.
 * @example roleProfiles(roles, { spotter, terms }).profiles[0].terms.get('api') // { weight: 1, ... }
 */
export const roleProfiles = (roles: readonly Role[], glossary?: Glossary): RoleProfiles =>
  linkGlossary(readGuides(roles), glossary);
