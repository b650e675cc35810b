import {
  guideSectionOrder,
  type GuideSectionName,
  type GuideSections,
  type GuideView,
  type LinkedText,
  type PointView,
} from './guide-view.js';
import { escapeMarkdown, markdownLink } from './markdown.js';
import { linkedTextRuns } from './term-links.js';

const linked = (text: LinkedText): string =>
  linkedTextRuns(text)
    .map((run) => {
      if ('mention' in run) return markdownLink(run.text, run.mention.url);
      // Escape runs one by one, but keep the spaces that separate them from links.
      const lead = /^\s/.test(run.text) ? ' ' : '';
      const trail = /\s$/.test(run.text) && run.text.trim() !== '' ? ' ' : '';
      return lead + escapeMarkdown(run.text) + trail;
    })
    .join('');

/** "Title: text", without doubling the punctuation a title may already end with. */
const labelled = (title: string): string =>
  /[.:?!]$/.test(title) ? `**${escapeMarkdown(title)}**` : `**${escapeMarkdown(title)}:**`;

const pointList = (points: readonly PointView[]): string[] =>
  points.map((p) => `- ${p.title ? `${labelled(p.title)} ` : ''}${linked(p.text)}`.trimEnd());

type SectionLines = {
  [K in GuideSectionName]-?: (section: NonNullable<GuideSections[K]>, guide: GuideView) => string[];
};

const sectionLines: SectionLines = {
  summary: (s, guide) => [
    ...s.paragraphs.flatMap((p) => [linked(p), '']),
    ...(s.alsoKnownAs.length
      ? [`${labelled(guide.labels.alsoKnownAs)} ${s.alsoKnownAs.map(escapeMarkdown).join(', ')}`]
      : []),
  ],
  responsibilities: (s) => s.items.map((i) => `- ${linked(i)}`),
  benefits: (s) => pointList(s.points),
  signs: (s) => pointList(s.points),
  terms: (s, guide) =>
    s.terms.flatMap((t) => [
      `- **${markdownLink(t.name, t.url)}**${
        t.abbreviations.length ? ` (${t.abbreviations.map(escapeMarkdown).join(', ')})` : ''
      }: ${escapeMarkdown(t.definition)}`,
      ...(t.examples.length
        ? [
            `  - ${escapeMarkdown(guide.labels.examples)}: ${t.examples
              .map((e) => markdownLink(e.name, e.url))
              .join(', ')}`,
          ]
        : []),
    ]),
  skills: (s) =>
    s.groups.flatMap((g) => [
      ...(g.label === null ? [] : [`### ${escapeMarkdown(g.label)}`, '']),
      ...g.skills.map((name) => `- ${escapeMarkdown(name)}`),
      '',
    ]),
  technologies: (s, guide) =>
    s.groups.flatMap((g) => [
      `### ${escapeMarkdown(g.category)}`,
      '',
      ...g.technologies.map(
        (t) =>
          `- ${escapeMarkdown(t.name)}${[
            t.hot && guide.labels.hotTechnology,
            t.inDemand && guide.labels.inDemand,
          ]
            .filter(Boolean)
            .map((label) => ` *(${escapeMarkdown(label as string)})*`)
            .join('')}`,
      ),
      '',
    ]),
  related: (s) => s.roles.map((r) => `- ${markdownLink(r.name, r.url)}`),
  links: (s) => s.links.map((l) => `- ${markdownLink(l.title, l.url)}`),
  crosswalk: (s) =>
    s.codes.map((c) => {
      const label = c.name === null ? c.code : `${c.code} ${c.name}`;
      return `- ${labelled(c.taxonomyName)} ${c.url === null ? escapeMarkdown(label) : markdownLink(label, c.url)}`;
    }),
};

const footerLines = (guide: GuideView): string[] => {
  const { taxonomy, role, labels } = guide;
  const source =
    taxonomy.url === null
      ? escapeMarkdown(labels.source)
      : markdownLink(labels.source, taxonomy.url);
  return [
    '---',
    '',
    `${source}${taxonomy.version === null ? '' : ` (${escapeMarkdown(taxonomy.version)})`}`,
    ...(taxonomy.attribution === null ? [] : ['', escapeMarkdown(taxonomy.attribution)]),
    ...(taxonomy.license === null
      ? []
      : ['', `${escapeMarkdown(labels.license)}: ${escapeMarkdown(taxonomy.license)}`]),
    ...(role.updatedAt === null
      ? []
      : ['', `${escapeMarkdown(labels.updated)}: ${escapeMarkdown(role.updatedAt.slice(0, 10))}`]),
  ];
};

/**
 * The guide as CommonMark: the same sections as the page, in the same order, empty ones left
 * out; every edited text escaped, every link destination encoded. The heading comes first, since
 * a Markdown file is titled by its first line; the page's kicker follows it as a subtitle.
 * @example renderGuideMarkdown(guide).startsWith('# Backend Developer')
 */
export const renderGuideMarkdown = (guide: GuideView): string => {
  const lines = [
    `# ${escapeMarkdown(guide.heading)}`,
    '',
    `*${escapeMarkdown(guide.kicker)}*`,
    '',
    ...(guide.role.status === 'draft' ? [`> ${escapeMarkdown(guide.labels.draft)}`, ''] : []),
  ];
  for (const name of guideSectionOrder) {
    const section = guide.sections[name];
    if (section === undefined) continue;
    // TypeScript cannot pair a keyed function with its keyed argument; the mapped type does.
    const body = (sectionLines[name] as (s: typeof section, g: GuideView) => string[])(
      section,
      guide,
    );
    lines.push(`## ${escapeMarkdown(section.heading)}`, '', ...body, '');
  }
  lines.push(...footerLines(guide));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
};
