import {
  html,
  type ArticleOverrides,
  type GuideSections,
  type GuideView,
  type SafeHtml,
} from '../../guides/index.js';

/** How many titles, tasks, skills and technologies an imported guide shows before "show all". */
export const GLANCE = { titles: 10, responsibilities: 6, skills: 12, technologies: 12 } as const;

/** The glossary page of a technology or skill, when the glossary has that term. */
export type TermPageOf = (name: string) => string | undefined;

type Technology = NonNullable<
  GuideSections['technologies']
>['groups'][number]['technologies'][number];

/** Where the text of a licence an importer names can be read. */
const licenceUrls: Readonly<Record<string, string>> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'European Commission reuse policy (Decision 2011/833/EU)':
    'https://eur-lex.europa.eu/eli/dec/2011/833/oj',
};

/** A lone word is mostly a certification or a bare acronym ("CCNP", "Developer"): it tells little. */
const LONE_WORD_WEIGHT = 4;

const titleWeight = (title: string): number => {
  const words = title.split(/\s+/).length;
  return words === 1 ? LONE_WORD_WEIGHT : words;
};

/**
 * The titles a recruiter meets most in postings come first: sources list long descriptive
 * variants ("Applications Developer, Computer Software") beside the short ones people write,
 * so two- and three-word titles lead and the source's order breaks ties.
 */
const tellingTitles = (titles: readonly string[]): string[] =>
  titles
    .map((title, index) => ({ title, index, words: titleWeight(title) }))
    .sort((a, b) => a.words - b.words || a.index - b.index)
    .map((t) => t.title);

/**
 * In-demand technologies (employers ask for them) before hot ones (often named), then the rest;
 * within each, those the glossary explains first, as they are the ones that set roles apart.
 */
const techRank = (t: Technology, termPageOf: TermPageOf): number =>
  (t.inDemand ? 0 : t.hot ? 2 : 4) + (termPageOf(t.name) === undefined ? 1 : 0);

const moreDisclosure = (label: string, body: SafeHtml): SafeHtml =>
  html`<details class="more">
    <summary>${label}</summary>
    ${body}
  </details>`;

const tagList = (items: readonly SafeHtml[]): SafeHtml =>
  html`<ul class="tags">
    ${items.map((i) => html`<li>${i}</li>`)}
  </ul>`;

const namedTag = (name: string, termPageOf: TermPageOf): SafeHtml => {
  const url = termPageOf(name);
  return url === undefined ? html`${name}` : html`<a href="${url}">${name}</a>`;
};

const techTag = (t: Technology, guide: GuideView, termPageOf: TermPageOf): SafeHtml =>
  html`${namedTag(t.name, termPageOf)}${t.hot && html` <span class="badge">${guide.labels.hotTechnology}</span>`}${t.inDemand && html` <span class="badge">${guide.labels.inDemand}</span>`}`;

const summaryAtAGlance: NonNullable<ArticleOverrides['bodies']>['summary'] = (
  s,
  guide,
  standard,
) => {
  const titles = tellingTitles(s.alsoKnownAs);
  const first = titles.slice(0, GLANCE.titles);
  return html`${standard({ ...s, alsoKnownAs: [] })}${
    first.length > 0 &&
    html`<p class="aka"><strong>${guide.labels.alsoKnownAs}:</strong> ${first.join(', ')}</p>`
  }${
    titles.length > first.length &&
    moreDisclosure(`All ${titles.length} titles`, html`<p>${titles.join(', ')}</p>`)
  }`;
};

const responsibilitiesAtAGlance: NonNullable<ArticleOverrides['bodies']>['responsibilities'] = (
  s,
  _guide,
  standard,
) =>
  s.items.length <= GLANCE.responsibilities
    ? standard(s)
    : html`${standard({ ...s, items: s.items.slice(0, GLANCE.responsibilities) })}${moreDisclosure(
        `All ${s.items.length} tasks`,
        standard({ ...s, items: s.items.slice(GLANCE.responsibilities) }),
      )}`;

const skillsAtAGlance =
  (termPageOf: TermPageOf): NonNullable<ArticleOverrides['bodies']>['skills'] =>
  (s) => {
    // Essential skills come first in the groups, so the first ones are the telling ones.
    const all = s.groups.flatMap((g) => g.skills);
    if (all.length <= GLANCE.skills) {
      return tagList(all.map((name) => namedTag(name, termPageOf)));
    }
    return html`${tagList(all.slice(0, GLANCE.skills).map((name) => namedTag(name, termPageOf)))}${moreDisclosure(
      `All ${all.length} skills`,
      html`${s.groups.map(
        (g) =>
          html`${g.label !== null && html`<h3>${g.label}</h3>`}${tagList(
            g.skills.map((name) => namedTag(name, termPageOf)),
          )}`,
      )}`,
    )}`;
  };

const technologiesAtAGlance =
  (termPageOf: TermPageOf): NonNullable<ArticleOverrides['bodies']>['technologies'] =>
  (s, guide) => {
    const all = s.groups.flatMap((g) => g.technologies);
    const first = all
      .map((t, index) => ({ t, index }))
      .map(({ t, index }) => ({ t, index, rank: techRank(t, termPageOf) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, GLANCE.technologies)
      .map(({ t }) => t);
    return html`${tagList(first.map((t) => techTag(t, guide, termPageOf)))}${
      all.length > first.length &&
      moreDisclosure(
        `All ${all.length} technologies by kind`,
        html`${s.groups.map(
          (g) =>
            html`<h3>${g.category}</h3>
              ${tagList(g.technologies.map((t) => techTag(t, guide, termPageOf)))}`,
        )}`,
      )
    }`;
  };

const linkOrText = (url: string | null | undefined, text: string): SafeHtml =>
  url ? html`<a href="${url}" rel="external">${text}</a>` : html`${text}`;

/** Source, release and licence as links, then the attribution the source asks for. */
const sourceFooter = (guide: GuideView): SafeHtml => {
  const { taxonomy, labels } = guide;
  return html`<footer class="guide-footer">
    <p>
      ${labels.source}:
      ${linkOrText(taxonomy.url, taxonomy.name)}${
        taxonomy.version !== null && html`, release ${linkOrText(taxonomy.url, taxonomy.version)}`
      }${
        taxonomy.license !== null &&
        html`. ${labels.license}: ${linkOrText(licenceUrls[taxonomy.license], taxonomy.license)}`
      }
    </p>
    ${taxonomy.attribution !== null && html`<p>${taxonomy.attribution}</p>`}
  </footer>`;
};

/**
 * How the site shows a guide imported from a large taxonomy (O*NET, ESCO): the few titles,
 * tasks, skills and technologies that tell the role apart first, everything else one click away
 * in a disclosure that needs no JavaScript, tags linked to the glossary, and the source, its
 * release and its licence as links.
 */
export const importedGuideOverrides = (termPageOf: TermPageOf): ArticleOverrides => ({
  bodies: {
    summary: summaryAtAGlance,
    responsibilities: responsibilitiesAtAGlance,
    skills: skillsAtAGlance(termPageOf),
    technologies: technologiesAtAGlance(termPageOf),
  },
  footer: sourceFooter,
});
