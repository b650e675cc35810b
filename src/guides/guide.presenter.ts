import {
  BUILT_IN_TAXONOMY,
  roleNameNumberOf,
  type RoleContent,
  type TaxonomyInput,
  type Term,
  withArticle,
} from '../domain/index.js';
import { defaultGuideTemplate, guideTemplateFor } from './default-template.js';
import {
  fillTemplate,
  type GuideTemplate,
  type GuideTemplateKey,
  type PlaceholderValues,
} from './guide-template.js';
import type {
  CounterpartView,
  GuideSections,
  GuideView,
  SkillGroup,
  TechnologyGroup,
  TermView,
} from './guide-view.js';
import { absoluteUrl, rolePath, termPath } from './paths.js';
import { firstMentionLinker, type SpotTerms } from './term-links.js';

/** The role to present: its content plus where it lives. A stored `Role` fits. */
export interface GuideRole extends RoleContent {
  taxonomy: string;
  code: string;
  version?: number;
  updatedAt?: string;
}

export type GuideTerm = Pick<
  Term,
  'slug' | 'name' | 'abbreviations' | 'aliases' | 'definition' | 'examples' | 'category'
>;

export interface GuideInput {
  role: GuideRole;
  taxonomy: TaxonomyInput;
  /** The role's terms, resolved, in the role's order; unresolved ones are simply absent. */
  terms: readonly GuideTerm[];
  /** Terms named as examples by `terms`, by slug, to name and link them. */
  examples: ReadonlyMap<string, Pick<Term, 'slug' | 'name'>>;
  /** The role's related roles, resolved, in the role's order. */
  related: readonly { taxonomy: string; code: string; name: string }[];
  /** Codes of the role in other taxonomies; `name` when that role is in this library. */
  counterparts: readonly { taxonomy: string; code: string; name?: string; taxonomyName?: string }[];
  /** Origin for absolute URLs (`https://rolebook.example`); '' for site-relative paths. */
  baseUrl: string;
  /** Finds glossary terms in text, to link the first mention of each. */
  spotTerms?: SpotTerms;
  /** The wording of headings and labels, in `lang`; the one we have for `lang` unless given. */
  template?: GuideTemplate;
  /** The language of the guide; the taxonomy's unless given. */
  lang?: string;
}

/** Display names of the code sets we know, for "codes in other taxonomies". */
const codeSetNames: Record<string, string> = {
  onet: 'O*NET-SOC',
  esco: 'ESCO',
  isco: 'ISCO-08',
  [BUILT_IN_TAXONOMY]: 'Rolebook library',
};

const descriptionLength = 300;

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map(clean)
    .filter(Boolean);

/** Cuts text at a word boundary so a description fits a search result. */
const shorten = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
};

const uniqueBy = <T>(items: readonly T[], keyOf: (item: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const skillGroups = (role: GuideRole, say: (key: GuideTemplateKey) => string): SkillGroup[] => {
  const skills = uniqueBy(
    role.skills.map((s) => ({ ...s, name: clean(s.name) })).filter((s) => s.name),
    (s) => s.name.toLowerCase(),
  );
  if (!skills.some((s) => s.importance)) {
    return skills.length
      ? [{ importance: null, label: null, skills: skills.map((s) => s.name) }]
      : [];
  }
  const groups: SkillGroup[] = [
    {
      importance: 'essential',
      label: say('labels.essentialSkills'),
      skills: skills.filter((s) => s.importance === 'essential').map((s) => s.name),
    },
    {
      importance: 'optional',
      label: say('labels.optionalSkills'),
      skills: skills.filter((s) => s.importance === 'optional').map((s) => s.name),
    },
    {
      importance: null,
      label: say('labels.otherSkills'),
      skills: skills.filter((s) => !s.importance).map((s) => s.name),
    },
  ];
  return groups.filter((g) => g.skills.length > 0);
};

const technologyGroups = (role: GuideRole, otherLabel: string): TechnologyGroup[] => {
  const groups = new Map<string, TechnologyGroup>();
  const other: TechnologyGroup = { category: otherLabel, uncategorised: true, technologies: [] };
  const seen = new Set<string>();
  for (const tech of role.technologies) {
    const name = clean(tech.name);
    const category = clean(tech.category ?? '');
    const key = `${category.toLowerCase()}\u0000${name.toLowerCase()}`;
    if (!name || seen.has(key)) continue;
    seen.add(key);
    const group =
      category === ''
        ? other
        : (groups.get(category) ??
          groups
            .set(category, { category, uncategorised: false, technologies: [] })
            .get(category)!);
    group.technologies.push({ name, hot: tech.hot === true, inDemand: tech.inDemand === true });
  }
  return [...groups.values(), other].filter((g) => g.technologies.length > 0);
};

const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url.trim());

/**
 * The one presenter of a role guide: decides every word and link that HTML, Markdown, JSON and
 * JSON-LD show, fills the template (throwing `template_invalid` on a missing value) and leaves
 * out every section with nothing in it. The guide is in the taxonomy's language: its headings
 * and labels are worded in it when there is a template for it (English otherwise, as
 * `labelsLang` says), and the wording follows the grammatical number of the taxonomy's role
 * names: "Why hire a Backend Developer?", "Why hire Software Developers?".
 * @example renderGuideHtml(presentGuide({ role, taxonomy, terms, examples, related: [], counterparts: [], baseUrl: '' }))
 */
export const presentGuide = (input: GuideInput): GuideView => {
  const { role, taxonomy, baseUrl } = input;
  const lang = input.lang ?? taxonomy.language ?? 'en';
  const wording = input.template ?? guideTemplateFor(lang);
  const template = wording ?? defaultGuideTemplate;
  const name = clean(role.name);
  const number = roleNameNumberOf(taxonomy);
  // A plural name takes no article, so plural wordings have no {a_role_name} to fill.
  const values: PlaceholderValues = {
    role_name: name,
    ...(number === 'singular' ? { a_role_name: name && withArticle(name) } : {}),
    taxonomy_name: clean(taxonomy.name),
  };
  const say = (key: GuideTemplateKey): string => fillTemplate(template, key, values, number);
  const termUrl = (slug: string): string => absoluteUrl(baseUrl, termPath(slug));
  const roleUrl = (taxonomyId: string, code: string): string =>
    absoluteUrl(baseUrl, rolePath(taxonomyId, code));
  const link = firstMentionLinker(input.spotTerms, termUrl);

  const sections: GuideSections = {};

  // Texts are linked in reading order, so "first mention" means first on the page.
  const paragraphs = paragraphsOf(role.summary).map(link);
  const alsoKnownAs = uniqueBy(
    role.alternativeTitles.map(clean).filter((t) => t && t.toLowerCase() !== name.toLowerCase()),
    (t) => t.toLowerCase(),
  );
  if (paragraphs.length || alsoKnownAs.length) {
    sections.summary = { heading: say('sections.summary'), paragraphs, alsoKnownAs };
  }

  const items = role.responsibilities.map(clean).filter(Boolean).map(link);
  if (items.length)
    sections.responsibilities = { heading: say('sections.responsibilities'), items };

  for (const kind of ['benefits', 'signs'] as const) {
    const points = role[kind]
      .map((p) => ({ title: clean(p.title), text: clean(p.text) }))
      .filter((p) => p.title || p.text)
      .map((p) => ({ title: p.title, text: link(p.text) }));
    if (points.length) sections[kind] = { heading: say(`sections.${kind}`), points };
  }

  const terms: TermView[] = uniqueBy(input.terms, (t) => t.slug).map((term) => ({
    slug: term.slug,
    name: clean(term.name),
    // A name that is its own abbreviation (API) would read "API (API)".
    abbreviations: term.abbreviations
      .map(clean)
      .filter((a) => a && a.toLowerCase() !== clean(term.name).toLowerCase()),
    aliases: term.aliases.map(clean).filter(Boolean),
    definition: clean(term.definition),
    category: term.category,
    url: termUrl(term.slug),
    examples: term.examples.flatMap((slug) => {
      const example = input.examples.get(slug);
      return example ? [{ slug, name: clean(example.name), url: termUrl(slug) }] : [];
    }),
  }));
  if (terms.length) sections.terms = { heading: say('sections.terms'), terms };

  const groups = skillGroups(role, say);
  if (groups.length) sections.skills = { heading: say('sections.skills'), groups };

  const techGroups = technologyGroups(role, say('labels.otherTechnologies'));
  if (techGroups.length) {
    sections.technologies = { heading: say('sections.technologies'), groups: techGroups };
  }

  const related = uniqueBy(input.related, (r) => `${r.taxonomy}\u0000${r.code}`)
    .filter((r) => !(r.taxonomy === role.taxonomy && r.code === role.code))
    .map((r) => ({
      taxonomy: r.taxonomy,
      code: r.code,
      name: clean(r.name),
      url: roleUrl(r.taxonomy, r.code),
    }));
  if (related.length) sections.related = { heading: say('sections.related'), roles: related };

  const links = uniqueBy(
    role.links
      .map((l) => ({ title: clean(l.title), url: l.url.trim() }))
      .filter((l) => l.title && isWebUrl(l.url)),
    (l) => l.url,
  );
  if (links.length) sections.links = { heading: say('sections.links'), links };

  const codes: CounterpartView[] = uniqueBy(
    input.counterparts,
    (c) => `${c.taxonomy}\u0000${c.code}`,
  ).map((c) => ({
    taxonomy: c.taxonomy,
    taxonomyName: clean(c.taxonomyName ?? '') || codeSetNames[c.taxonomy] || c.taxonomy,
    code: c.code,
    name: c.name ? clean(c.name) : null,
    url: c.name ? roleUrl(c.taxonomy, c.code) : null,
  }));
  if (codes.length) sections.crosswalk = { heading: say('sections.crosswalk'), codes };

  const firstParagraph = paragraphs[0]?.text;
  return {
    format: 'rolebook.guide/1',
    lang,
    labelsLang: wording ? lang : 'en',
    url: roleUrl(role.taxonomy, role.code),
    role: {
      taxonomy: role.taxonomy,
      code: role.code,
      name,
      status: role.status,
      version: role.version ?? null,
      updatedAt: role.updatedAt ?? null,
    },
    taxonomy: {
      id: taxonomy.id,
      name: clean(taxonomy.name),
      builtIn: taxonomy.id === BUILT_IN_TAXONOMY,
      version: taxonomy.version ?? null,
      url: taxonomy.url && isWebUrl(taxonomy.url) ? taxonomy.url : null,
      license: taxonomy.license ? clean(taxonomy.license) : null,
      attribution: taxonomy.attribution ? clean(taxonomy.attribution) : null,
    },
    pageTitle: say('page.title'),
    kicker: say('page.kicker'),
    heading: say('page.heading'),
    description: firstParagraph
      ? shorten(firstParagraph, descriptionLength)
      : say('page.description'),
    sections,
    labels: {
      alsoKnownAs: say('labels.alsoKnownAs'),
      examples: say('labels.examples'),
      hotTechnology: say('labels.hotTechnology'),
      inDemand: say('labels.inDemand'),
      onThisPage: say('labels.onThisPage'),
      source: say('labels.source'),
      license: say('labels.license'),
      updated: say('labels.updated'),
      draft: say('labels.draft'),
    },
  };
};
