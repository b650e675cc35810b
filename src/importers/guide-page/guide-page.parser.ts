import {
  BUILT_IN_TAXONOMY,
  isAppError,
  limits,
  parse,
  RoleContentSchema,
  slugify,
  TermContentSchema,
  type Link,
  type Point,
  type RoleContent,
  type Skill,
  foldTitle,
  gendersPhrase,
} from '../../domain/index.js';
import {
  findPlaceholders,
  lintRole,
  type LintFinding,
  type LintRule,
  type LintSeverity,
  type RoleSection,
} from '../../lint/index.js';
import { importFailed, listLimit } from '../release/index.js';
import {
  alsoKnownAs,
  isProblem,
  nameFromSummary,
  namesKeptLower,
  parseLink,
  parsePoint,
  parseResponsibility,
  parseSkill,
  parseSkills,
  parseTerm,
  titleCase,
  type ItemProblem,
  type PageTerm,
} from './page-items.js';
import { HEADING_LANGUAGES } from './heading-languages.js';
import { htmlToMarkdown, looksLikeHtml } from './page-html.js';
import { classifyLines, stripEmphasis, subItemJoint, type PageLine } from './page-lines.js';
import { outline, type PageSection, type SectionKind } from './page-sections.js';

export interface GuidePageOptions {
  /** Where the page came from, for messages. */
  file?: string;
  /** The role's name, when the page's own is missing or a placeholder. */
  name?: string;
  /** The role's code; by default the slug of its name. */
  code?: string;
  /** The taxonomy the draft is for; the built-in one unless given. */
  taxonomy?: string;
  /**
   * Slugs the glossary already defines. The page may use them; its own definitions of them are
   * left out of `terms`, so importing a page never rewrites a curated definition.
   */
  knownTerms?: ReadonlySet<string>;
}

/** A role the page's "Related roles" section names, as it names it, with its line. */
export interface RelatedName {
  name: string;
  line: number;
}

export interface GuidePageImport {
  taxonomy: string;
  code: string;
  /**
   * The roles the page says are related, by name: a page knows no codes, so the import finds
   * them in the library (and reports those it does not find).
   */
  relatedNames: RelatedName[];
  /** A draft of the taxonomy. */
  content: RoleContent;
  /** Terms the page defines that the glossary does not have yet. */
  terms: PageTerm[];
  /** The page's defects, in page order, then what lint finds in the draft. */
  findings: LintFinding[];
}

/** The sections the recruiter-page layout has room for; the others are not its defects. */
const layoutSections: readonly RoleSection[] = [
  'summary',
  'alternativeTitles',
  'benefits',
  'signs',
  'terms',
  'links',
];

type Defect = Omit<LintFinding, 'taxonomy' | 'code'>;

const defect = (
  rule: LintRule,
  severity: LintSeverity,
  message: string,
  line: number,
  field?: string,
): Defect => ({
  rule,
  severity,
  message,
  ...(field ? { field } : {}),
  line,
});

/**
 * Bullets with their indented continuation lines and sub-items; unbulleted "Title: text" lines count too, and
 * in a section without bullets (a plain-text page, a document pasted without its list marks)
 * every line is an item.
 */
const itemsOf = (lines: readonly PageLine[]): { text: string; n: number }[] => {
  const items: { text: string; n: number }[] = [];
  const unbulleted = !lines.some((line) => line.kind === 'bullet');
  let previous: PageLine | undefined;
  /** The indent of the bullet that began the last item: one deeper is its sub-item. */
  let itemIndent = 0;
  for (const line of lines) {
    const last = items[items.length - 1];
    if (line.kind === 'bullet' && last && (line.indent ?? 0) > itemIndent) {
      last.text = `${last.text}${subItemJoint(last.text)}${line.text}`;
    } else if (line.kind === 'bullet') {
      items.push({ text: line.text, n: line.n });
      itemIndent = line.indent ?? 0;
    } else if (line.kind === 'text' && line.indented && previous?.kind === 'bullet' && last) {
      last.text = `${last.text} ${line.text}`;
    } else if (line.kind === 'text' && (unbulleted || /:\s*\S/.test(line.text)))
      items.push({ text: line.text, n: line.n });
    previous = line.kind === 'blank' ? undefined : line;
  }
  return items;
};

/**
 * The role names of a "Related roles" section: one a bullet or line, or several a line between
 * commas; a Markdown link counts by its text, and emphasis is no part of a name.
 */
const relatedNamesOf = (lines: readonly PageLine[]): RelatedName[] =>
  lines
    .filter((l) => l.kind === 'bullet' || l.kind === 'text')
    .flatMap((l) =>
      l.text
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .split(/\s*[,;]\s*/)
        .map((name) => stripEmphasis(name).replace(/[.:]$/, '').trim())
        .filter((name) => name !== '' && name.length <= limits.name)
        .map((name) => ({ name, line: l.n })),
    );

/** Lines joined into paragraphs, one blank line between paragraphs. */
const paragraphsOf = (lines: readonly PageLine[]): string[] => {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.kind === 'blank') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]!.push(line.text);
  }
  return paragraphs.map((p) => p.join(' ').trim()).filter(Boolean);
};

/** Who wrote a saved article and when: no part of what the role is. */
const BYLINE =
  /^(?:by\s+\S|written by|posted|published|updated|last (?:updated|reviewed|edited))\b|^(?:created|tags|owner|reviewed):|\b\d+\s*min(?:ute)?s?\s+read\b/i;

/**
 * A seller's boast about itself, as staffing pages print beside the role: "Trusted by 300+
 * companies", a row of stars, "4.9/5 from 1,200 reviews", "Join 2,000+ teams". A short line
 * of that shape says who sells, not what the role is.
 */
const SOCIAL_PROOF =
  /[★☆⭐]|\b\d(?:\.\d)?\s*(?:\/|out of)\s*5\b|\b(?:trusted|loved|used|chosen|relied on|backed|rated) by\b|^join (?:over |more than )?\d[\d,.]*\s*k?\+|\b\d[\d,.]*\s*k?\+\s*(?:happy |satisfied )?(?:companies|clients|customers|businesses|teams|startups|reviews)\b|^(?:as )?(?:seen|featured) (?:in|on)\b/i;

/**
 * A seller's ask of the reader, as blogs print between paragraphs: "Upgrade your resume. Try
 * free", "Book a demo", "Download the free template". It sells the site's product, and says
 * nothing of the role.
 */
const CALL_TO_ACTION =
  /\b(?:try (?:it )?(?:for )?free|free trial|book a (?:demo|call)|sign up|subscribe|download (?:the|our|a|your) |get started|upgrade (?:your|to)|request a (?:demo|quote)|start (?:hiring|now|today)|create (?:a|your) (?:free )?account)\b|[→➔»]\s*$/i;

/** Most words a line of social proof or a call to action runs to; a longer one is a sentence. */
const MAX_SELLING_WORDS = 12;

/** Whether a paragraph is the site selling itself rather than anything about the role. */
const sells = (paragraph: string): boolean =>
  paragraph.split(/\s+/).length <= MAX_SELLING_WORDS &&
  (SOCIAL_PROOF.test(paragraph) || CALL_TO_ACTION.test(paragraph));

/**
 * What a job ad offers the one who takes the job: the terms of employment and the perks around
 * them. A list of these under "Benefits" is a careers page's reasons to join, not reasons to hire.
 */
const PERK =
  /\b(?:holidays?|vacation|paid time off|pto|annual leave|(?:parental|maternity|paternity|sick) leave|pension|401\(?k\)?|retirement plan|salary|bonus(?:es)?|equity|stock options|(?:health|dental|life) (?:insurance|cover|plan)|gym|wellness|wellbeing|remote[- ]first|hybrid working|flexible (?:hours|working)|learning budget|days off|free (?:lunch|snacks|meals))\b/i;

/** Whether at least half of a section's items, and one at least, are perks of a job. */
const listsPerks = (lines: readonly PageLine[]): boolean => {
  const items = itemsOf(lines);
  const perks = items.filter((item) => PERK.test(item.text)).length;
  return perks > 0 && perks * 2 >= items.length;
};

/** Lines that read as prose: no bullets, and each a sentence of some length. */
const isProse = (lines: readonly PageLine[]): boolean => {
  const content = lines.filter((l) => l.kind !== 'blank');
  return (
    content.length > 0 &&
    content.every(
      (l) => l.kind === 'text' && /[.!?]$/.test(l.text) && l.text.split(/\s+/).length >= 8,
    )
  );
};

const heading = (section: PageSection) => section.heading?.text ?? 'the opening text';
const lineOf = (section: PageSection) => section.heading?.n ?? section.lines[0]?.n ?? 1;

/** Role names are singular: "Machine Learning Engineers" → "Machine Learning Engineer". */
const singular = (name: string): string =>
  name.replace(/(?<=(?:er|or|ist|ian|ant|ent|ect|dev))s$/i, '').replace(/\bdev$/i, 'Developer');

/**
 * A part of a page title that says what kind of page it is, or whose site, not which role:
 * "Hiring Guide", "the recruiter's cheat sheet", "Acme Talent Blog".
 */
const PAGE_KIND =
  /\b(?:guide|cheat ?sheet|primer|handbook|playbook|explained|overview|brief|blog|job description|everything you need to know|what you need to know|for recruiters|recruiter'?s?|hiring)\b/i;

/** "Data Engineer (m/w/d)": a German or French careers page copies its ad's title whole. */
const TRAILING_GENDERS = new RegExp(
  String.raw`\s*(?:\((?:${gendersPhrase})\)|${gendersPhrase})$`,
  'i',
);

/** Acronyms kept in capitals when a title written all in capitals is set in title case. */
const ACRONYMS = new Set([
  'AI',
  'ML',
  'QA',
  'UX',
  'UI',
  'SRE',
  'ETL',
  'BI',
  'IT',
  'ERP',
  'CRM',
  'SEO',
  'API',
  'SQL',
  'SAP',
  'SOC',
  'GRC',
  'RPA',
  'CTO',
  'CISO',
  'VP',
  'DBA',
]);

const unshouted = (name: string): string =>
  /[a-z]/.test(name)
    ? name
    : name
        .split(/\s+/)
        .map((word) => (ACRONYMS.has(word) ? word : `${word[0]}${word.slice(1).toLowerCase()}`))
        .join(' ');

/** Words a heading stands in for the role with. */
const PRONOUN = /^(?:one|ones|them|someone|somebody|it)$/i;

/** Whether a text names a role, as whole words, letter case and plural aside. */
const names = (text: string, role: string): boolean =>
  ` ${foldTitle(text)} `.includes(` ${foldTitle(singular(role))} `);

/**
 * The role a page title names, as its summary (`about`) does when given: "Talent Hub : Platform
 * Engineer - hiring guide" is about a platform engineer, not the wiki space it is kept in.
 */
const usableName = (
  text: string | undefined,
  about = '',
  lower: ReadonlySet<string> = new Set(),
): string | undefined => {
  if (text === undefined) return undefined;
  // "Hiring Guide – Data Engineer", "Site Reliability Engineer: the recruiter's hiring guide |
  // Acme": the role is the first part that is no kind of page.
  const parts = stripEmphasis(text)
    .split(/\s+[|–—-]\s+|[:?]\s+/)
    .map((part) => ({ part, asked: /^what (?:does|do)\s/i.test(part) }))
    .map(({ part, asked }) =>
      part
        .replace(
          /^(?:understanding|about|meet|introducing|hiring|hire|how to hire|what (?:is|are|does)|who (?:is|are))\s+(?:the\s+)?(?:role\b\s*(?:of\s+)?)?[:–—-]?\s*(?:an?\s+|(?:your|our|my)\s+(?:(?:first|next|new)\s+)?)?/i,
          '',
        )
        .replace(/[.:!?]+$/, '')
        // "(role profile)", "(2026)", "101": what kind of page, or when, not which role.
        .replace(/\s*\((?:[^)]*\b(?:profile|guide|overview)\b[^)]*|\d{4})\)$/i, '')
        .replace(/\s+(?:hiring guide|job description|role guide|guide|101)$/i, '')
        .replace(TRAILING_GENDERS, '')
        // "What does a scrum master do": the role is between the question's words.
        .replace(/^(.+?)\s+do$/i, (whole, role: string) => (asked ? role : whole))
        .trim(),
    )
    .filter(Boolean);
  const roles = parts.filter((part) => !PAGE_KIND.test(part));
  const stripped = roles.find((part) => names(about, part)) ?? roles[0] ?? parts[0];
  const name = stripped && singular(unshouted(stripped));
  if (!name || name.length > limits.name || findPlaceholders(name).length > 0) return undefined;
  // "Signs you need one", "Why hire them": the heading stands for the role without naming it.
  if (PRONOUN.test(name)) return undefined;
  return /[A-Z]/.test(name) ? name : titleCase(name, lower);
};

const cut = <T>(items: T[], field: Parameters<typeof listLimit>[0]): T[] =>
  items.slice(0, listLimit(field));

/** Refuses what the domain would refuse, as an import error about the page. */
const checked = <T>(check: () => T, file: string | undefined): T => {
  try {
    return check();
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw importFailed({ ...(file ? { file } : {}) }, error.message);
  }
};

/**
 * Reads one role page in the layout recruiters' sites use (a title line, "What is / What does
 * a … do?", responsibilities, "Why hire a …?", "Signs you need a …" or "When to hire …",
 * skills, a terminology section of "Term (ABBR): definition" bullets, a reference-links
 * section, perhaps an FAQ), in plain text, Markdown or HTML, into a draft (of the built-in taxonomy
 * unless another is given) and the glossary terms it defines. The page's defects
 * come back as findings: placeholders left in it (each once, with its lines), sections with
 * nothing in them, headings the layout does not know, bullets that cannot be read, and what
 * `lintRole` finds in the draft for the sections the layout has. Throws `import_failed` only
 * for a page that is not of this layout or names no role.
 * @example
 * const page = parseGuidePage(text, { file: 'backend.md', knownTerms: new Set(['api']) });
 * page.content.benefits[0] // { title: 'Enhanced Performance', text: '…' }
 */
export const parseGuidePage = (text: string, options: GuidePageOptions = {}): GuidePageImport => {
  const { file } = options;
  const markdown = looksLikeHtml(text) ? htmlToMarkdown(text) : undefined;
  const lines = markdown ? classifyLines(markdown.text, markdown.lines) : classifyLines(text);
  const page = outline(lines);
  const known = page.sections.filter((s) => s.kind !== 'lead' && s.kind !== 'unknown');
  if (known.length === 0) {
    throw importFailed(
      { ...(file ? { file } : {}), line: 1 },
      `no section of the recruiter-page layout ("What does a … do?", "Why hire a …?", …) was found; headings are read in ${HEADING_LANGUAGES.slice(0, -1).join(', ')} and ${HEADING_LANGUAGES.at(-1)!}, and "Label: text" lines that open a paragraph as headings`,
    );
  }

  const defects: Defect[] = [];
  const placeholders = new Map<string, number[]>();
  for (const line of lines) {
    for (const token of findPlaceholders(line.text)) {
      const at = placeholders.get(token) ?? [];
      if (!at.includes(line.n)) at.push(line.n);
      placeholders.set(token, at);
    }
  }
  for (const [token, at] of placeholders) {
    const where = at.length === 1 ? `line ${at[0]}` : `lines ${at.join(', ')}`;
    defects.push(
      defect(
        'placeholder',
        'error',
        `the placeholder ${token} was never filled in (${where})`,
        at[0]!,
      ),
    );
  }

  const summary: string[] = [];
  const listedTitles: string[] = [];
  const points: Record<'benefits' | 'signs', Point[]> = { benefits: [], signs: [] };
  const responsibilities: string[] = [];
  const skills: Skill[] = [];
  const terms: PageTerm[] = [];
  const links: Link[] = [];
  const relatedNames: RelatedName[] = [];
  const emptied = new Set<SectionKind>();
  const empty = (section: PageSection, kind: SectionKind) => {
    emptied.add(kind);
    defects.push(
      defect(
        'empty-section',
        'warning',
        `the section "${heading(section)}" (line ${lineOf(section)}) has nothing in it`,
        lineOf(section),
        kind,
      ),
    );
  };
  const readItems = <T>(
    section: PageSection,
    kind: SectionKind,
    read: (item: string) => T | ItemProblem,
    rule: LintRule = 'malformed-item',
    note?: (value: T) => string | undefined,
  ): T[] => {
    const items = itemsOf(section.lines);
    const kept: T[] = [];
    for (const item of items) {
      const value = read(item.text);
      const remark = isProblem(value) ? undefined : note?.(value);
      if (remark !== undefined) {
        defects.push(
          defect(
            rule,
            'warning',
            `line ${item.n} of "${heading(section)}" ${remark}`,
            item.n,
            kind,
          ),
        );
      }
      if (isProblem(value)) {
        defects.push(
          defect(
            rule,
            'error',
            `line ${item.n} of "${heading(section)}" ${value.problem}; it was left out`,
            item.n,
            kind,
          ),
        );
      } else kept.push(value);
    }
    if (items.length === 0) empty(section, kind);
    return kept;
  };

  const hasSummary = page.sections.some(
    (s) => s.kind === 'summary' && s.lines.some((l) => l.kind === 'text'),
  );
  for (const section of page.sections) {
    const kind = section.kind;
    if (kind === 'unknown') {
      defects.push(
        defect(
          'unknown-section',
          'warning',
          `the section "${heading(section)}" is not part of the layout; it was left out`,
          lineOf(section),
        ),
      );
      continue;
    }
    if (kind === 'lead') {
      // Above a section that says what the role is, the opening lines are the page's own:
      // an export's properties, a call-out, a byline, a banner the reader missed.
      if (!hasSummary)
        summary.push(
          ...paragraphsOf(section.lines).filter(
            (p) => !BYLINE.test(stripEmphasis(p)) && !sells(stripEmphasis(p)),
          ),
        );
      continue;
    }
    if (kind === 'faq') {
      defects.push(
        defect(
          'unknown-section',
          'warning',
          `the questions under "${heading(section)}" (line ${lineOf(section)}) have no place in a guide; they were left out`,
          lineOf(section),
        ),
      );
      continue;
    }
    if (!section.lines.some((l) => l.kind !== 'blank')) {
      empty(section, kind);
      continue;
    }
    switch (kind) {
      case 'summary':
        // "What does a … actually do?" over a list, not a paragraph: the role's work.
        if (section.lines.some((l) => l.kind === 'text'))
          summary.push(...paragraphsOf(section.lines).filter((p) => !sells(stripEmphasis(p))));
        else responsibilities.push(...readItems(section, 'responsibilities', parseResponsibility));
        break;
      case 'alternativeTitles':
        listedTitles.push(
          ...section.lines
            .filter((l) => l.kind !== 'blank')
            .flatMap((l) => stripEmphasis(l.text).split(/\s*[,;]\s*/))
            .filter(Boolean),
        );
        break;
      case 'benefits':
      case 'signs':
        if (kind === 'benefits' && listsPerks(section.lines)) {
          defects.push(
            defect(
              'unknown-section',
              'warning',
              `the section "${heading(section)}" (line ${lineOf(section)}) lists what the job offers a candidate (holidays, pension, …), not why a company hires the role; it was left out`,
              lineOf(section),
              'benefits',
            ),
          );
          break;
        }
        points[kind].push(
          ...readItems(section, kind, parsePoint, 'malformed-item', (point) =>
            point.untitled
              ? `has no title of its own; "${point.title}" was made from its words: review it`
              : undefined,
          ).map(({ untitled: _, ...point }) => point),
        );
        break;
      case 'responsibilities':
        // "What they do:" over a paragraph, not a list, says what the role is: the summary.
        if (isProse(section.lines)) summary.push(...paragraphsOf(section.lines));
        else responsibilities.push(...readItems(section, kind, parseResponsibility));
        break;
      case 'skills': {
        // A paragraph lists skills between commas; a bullet is one skill however it is worded.
        const paragraph = !section.lines.some((l) => l.kind === 'bullet');
        skills.push(
          ...readItems<Skill | Skill[]>(section, kind, paragraph ? parseSkills : parseSkill).flat(),
        );
        break;
      }
      case 'terms':
        terms.push(...readItems(section, kind, parseTerm));
        break;
      case 'links':
        links.push(...readItems(section, kind, parseLink, 'malformed-link'));
        break;
      case 'relatedRoles':
        relatedNames.push(...relatedNamesOf(section.lines));
        break;
    }
  }

  const summaryText = summary.join('\n\n');
  const lower = namesKeptLower(lines.map((l) => l.text));
  const name =
    options.name ??
    usableName(page.title?.text, summaryText, lower) ??
    page.sections.map((s) => usableName(s.role, '', lower)).find(Boolean) ??
    usableName(markdown?.title, '', lower) ??
    nameFromSummary(summaryText);
  if (!name) {
    throw importFailed(
      { ...(file ? { file } : {}), line: page.title?.n ?? 1 },
      "the page does not say which role it is about; give the role's name",
    );
  }
  const code = options.code ?? slugify(name);
  const taxonomy = options.taxonomy ?? BUILT_IN_TAXONOMY;

  const foldedName = foldTitle(name);
  const seenTitles = new Set<string>([foldedName]);
  const alternativeTitles = [
    ...alsoKnownAs(summaryText, lower),
    ...listedTitles.map((t) => (/[A-Z]/.test(t) ? t : titleCase(t, lower))),
  ].filter((title) => {
    const folded = foldTitle(title);
    if (!folded || seenTitles.has(folded)) return false;
    seenTitles.add(folded);
    return true;
  });

  const bySlug = new Map<string, PageTerm>();
  for (const term of terms) if (!bySlug.has(term.slug)) bySlug.set(term.slug, term);
  const knownTerms = options.knownTerms ?? new Set<string>();
  const content: RoleContent = checked(
    () =>
      parse(RoleContentSchema, {
        name,
        summary: summaryText,
        alternativeTitles: cut(alternativeTitles, 'alternativeTitles'),
        responsibilities: cut(responsibilities, 'responsibilities'),
        benefits: cut(points.benefits, 'benefits'),
        signs: cut(points.signs, 'signs'),
        terms: cut([...bySlug.keys()], 'terms'),
        skills: cut(skills, 'skills'),
        technologies: [],
        relatedRoles: [],
        links: cut(links, 'links'),
        crosswalk: [],
        status: 'draft',
      }),
    file,
  );
  const newTerms = [...bySlug.values()].filter((t) => !knownTerms.has(t.slug));
  for (const term of newTerms)
    checked(() => parse(TermContentSchema, term.content, {}, `terms.${term.slug}`), file);

  const required = layoutSections.filter((s) => !emptied.has(s as SectionKind));
  const linted = lintRole(
    { taxonomy, code, ...content },
    { requiredSections: required, glossary: new Set([...knownTerms, ...bySlug.keys()]) },
  ).filter((f) => f.rule !== 'placeholder');

  return {
    taxonomy,
    code,
    content,
    relatedNames: cut(
      relatedNames.filter((r) => foldTitle(r.name) !== foldedName),
      'relatedRoles',
    ),
    terms: newTerms,
    findings: [
      ...defects
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((d) => ({ ...d, taxonomy, code })),
      ...linted,
    ],
  };
};
