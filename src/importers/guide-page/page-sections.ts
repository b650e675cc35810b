import type { PageLine } from './page-lines.js';
import { translatedHeadings } from './heading-languages.js';
import type { SectionKind } from './section-kind.js';
import { stripEmphasis, unemphasize } from './page-lines.js';

export type { SectionKind } from './section-kind.js';

/**
 * A role as a heading names it before what it asks of the role: an acronym ("SRE") or up to
 * four words ending in a noun of a person's work ("data engineer", "QA analyst's"), not a
 * kind of skill ("Interview skills").
 */
const ROLE_NOUN = String.raw`(?:[Aa]n?\s+|[Tt]he\s+)?(?:[A-Z]{2,6}|(?:\S+\s+){0,3}\S*(?:er|or|ist|yst|ian|ant|ect|ager|lead|master|admin))(?:'s|s'|s)?`;

/** "a", "an", "the" or nothing before the role a heading names. */
const ARTICLE = String.raw`(?:(?:an?|the)\s+)?`;
/** Who hires, as pages say it: you, your company, your team, businesses … */
const HIRER = String.raw`(?:you|your (?:company|business|team|startup|organi[sz]ation)|(?:an? |my |our )(?:company|business|team|startup|organi[sz]ation)|companies|businesses|teams|i|we)`;
/** Words pages put between who hires and the verb: "you probably need one when…". */
const HEDGE = String.raw`(?:(?:probably|might|may|really|actually|definitely) )?`;

/**
 * How real recruiter pages word each section's heading, most specific first: "What are the
 * signs…" is a signs heading before it is a "What are…" one. A first group, when there is one,
 * is the role the heading names.
 */
const headingPatterns: [SectionKind, RegExp][] = [
  ['faq', /^(?:faqs?|frequently asked questions)\b/i],
  ['signs', /^(?:red flags|warning signs|signals|symptoms)\b/i],
  [
    'signs',
    new RegExp(
      String.raw`^(?:${HIRER} )?${HEDGE}(?:need|want) (?:one|them|${ARTICLE}\S.*) (?:if|when)\b`,
      'i',
    ),
  ],
  [
    'signs',
    new RegExp(
      String.raw`^(?:is it|it's|when is it) time to (?:hire|bring in|get)\s+${ARTICLE}(.+)$`,
      'i',
    ),
  ],
  ['signs', new RegExp(String.raw`^do (?:${HIRER}) (?:really )?need\s+${ARTICLE}(.+)$`, 'i')],
  ['signs', new RegExp(String.raw`\bsigns?\b.*\bneeds?\s+${ARTICLE}(.+)$`, 'i')],
  ['signs', /^(?:the |\d+ )?(?:tell-?tale |warning )?signs\b/i],
  [
    'signs',
    /^(?:indicators|triggers)\b|^(?:(?:is it |it's )?time|ready) to (?:hire|add|bring in|get) (?:one|them)$|^how (?:do|can|would) (?:i|we|you) tell (?:if |whether )?(?:we|you|i)(?:'re| are| am)? ready\b/i,
  ],
  [
    'signs',
    new RegExp(
      String.raw`^when (?:should ${HIRER} |do ${HIRER} |to |is it time to )?(?:hire|need|bring in|look for)\s+${ARTICLE}(.+)$`,
      'i',
    ),
  ],
  [
    'signs',
    new RegExp(
      String.raw`^how (?:do|can|would) ${HIRER} (?:know|tell)\b.*\bneeds?\s+${ARTICLE}(.+)$`,
      'i',
    ),
  ],
  [
    'responsibilities',
    /\bresponsib(?:le for|ilit(?:y|ies))\b|^what will (?:an? |the )?.+ (?:actually |really )?do\b|^what (?:you(?:'ll| will)|to) hand (?:them|over)\b|^(?:in )?a typical (?:day|week)\b|^a day in the life\b|\baccountabilit(?:y|ies)\b|\bduties\b|\bday[- ]to[- ]day\b|^(?:what )?(?:does|do) .+ do (?:all day|every day|daily)|^what (?:they|he or she|you(?:'ll| will)) (?:actually |really )?do\b|^what the (?:role|job) (?:involves|entails|looks like)\b|^what (?:does|will|would) (?:the|this) (?:role|job|position) (?:involve|entail|look like)\b|^(?:typical|main|key) (?:tasks|activities)\b/i,
  ],
  [
    'skills',
    /^(?:(?:key|core|essential|required|must[- ]have|technical|soft|top|important)\s+)*(?:skills|qualifications|competenc(?:y|ies))\b|\bskills (?:to look for|(?:does|do|should) .+ (?:need|have))\b|^what skills\b|^what (?:should (?:i|we|you) |to )look for\b|\bskills (?:and|&) (?:qualifications|requirements|experience)\b/i,
  ],
  // Told by case, not with the others' `i`: an acronym ("SRE skills") is in capitals.
  ['skills', new RegExp(String.raw`^${ROLE_NOUN}\s+[Ss]kills$`)],
  [
    'benefits',
    new RegExp(
      String.raw`^(?:so,?\s+)?why (?:should ${HIRER} |would ${HIRER} |do ${HIRER} (?:need to )?|you should |to |${HIRER} |(?:our |my )?clients )?(?:hire|need|want|employ|bring on)\s+${ARTICLE}(.+)$`,
      'i',
    ),
  ],
  ['benefits', new RegExp(String.raw`\bbenefits of (?:hiring|having)\s+${ARTICLE}(.+)$`, 'i')],
  ['benefits', /^(?:the |key )?benefits\b/i],
  // A template's heading with its role elided ("Why hire...?", whose dots go with the "?").
  ['benefits', /^why (?:hire|need|bring on|bring in)\s*…?$/i],
  [
    'benefits',
    /^(?:pros|advantages|reasons) (?:of|for|to) (?:hiring|having|hire)\b|^why (?:bother|you'd|we'd|would you|would we) (?:hiring|hire|with|want)\b/i,
  ],
  [
    'benefits',
    /^why (?:bring|get|have|hire|add) (?:one|them|on)\b|^why (?:it|this role|the role) matters\b|^what (?:they|one|it) (?:brings?|adds?)\b|^(?:the )?value (?:they|of)\b/i,
  ],
  [
    'relatedRoles',
    /^(?:related|similar|adjacent|neighbou?ring) (?:roles|positions|jobs|careers|occupations|professions)$/i,
  ],
  [
    'alternativeTitles',
    /^(?:(?:also |often |sometimes )?(?:known as|called|goes by)|a\.?k\.?a\.?|other (?:job )?(?:titles|names)|alternative (?:job )?titles|similar (?:job )?titles|related job titles|(?:job )?titles (?:to search|you(?:'ll| will) see)|(?:other |alternative )?job titles)$/i,
  ],
  [
    'terms',
    /\bterminolog(?:y|ies)\b|\bwords (?:will (?:i|we|you)|you(?:'ll| will)|we(?:'ll| will)) (?:hear|see|meet)\b|\bglossary\b|\bjargon\b|\bvocabulary\b|\bbuzzwords?\b|\blingo\b|\bacronyms\b|^(?:key |basic |important |common )?(?:terms|concepts|words)\b|\b(?:terms|concepts)(?: (?:to know|explained|defined|decoded))?$|^(?:tech )?terms? (?:to know|you(?:'ll| will) (?:hear|see|meet))\b|^what (?:terms|words|acronyms)\b/i,
  ],
  [
    'links',
    /\blinks\b|\bfurther (?:reading|learning)\b|^(?:resources|references|sources)\b|\badditional (?:learning|resources)\b|^(?:learn|read|find out) more\b|^(?:useful|helpful|more) (?:resources|reading|links)\b|^where (?:can|do|should|could) (?:i|we|you) (?:read|learn|find out) more\b/i,
  ],
  [
    'summary',
    new RegExp(
      String.raw`^what (?:does|do) ${ARTICLE}(.+?)\s+(?:(?:actually|really)\s+)?(?:do|does)\b`,
      'i',
    ),
  ],
  ['summary', new RegExp(String.raw`^(?:what|who) (?:is|are) ${ARTICLE}(.+)$`, 'i')],
  ['summary', new RegExp(String.raw`^(?:what|who)'s ${ARTICLE}(.+)$`, 'i')],
  ['summary', new RegExp(String.raw`^where ${ARTICLE}(.+?) fits?\b`, 'i')],
  [
    'summary',
    /\b(?:at a glance|in a nutshell|in one (?:paragraph|sentence)|in brief|in short)$|^the role\b/i,
  ],
  [
    'summary',
    /^(?:about the role|(?:role|job) (?:summary|overview|description|in brief)|summary|overview|introduction|tl;? ?dr|in (?:a nutshell|short|brief)|at a glance|the short version)$/i,
  ],
];

/** A trail of links to the page, as sites print above a title. */
const BREADCRUMB = /^[^>»›/]{1,40}(?:\s+[>»›/]\s+[^>»›/]{1,60}){1,6}$/;

/** A heading asked as an FAQ's question ("Q: What is …?"), whose answer opens "A:". */
const ASKED = /^Q(?:uestion)?\s*\d{0,2}\s*[:.]\s/i;
const ANSWER_MARK = /^A(?:nswer)?\s*[:.]\s*/i;

/** A line under a question heading without the "A:" that marks it as the answer. */
const answered = (section: PageSection, line: PageLine): PageLine => {
  if (!section.heading || !ASKED.test(section.heading.text) || !ANSWER_MARK.test(line.text))
    return line;
  const text = line.text.replace(ANSWER_MARK, '');
  return text ? { ...line, text } : { ...line, kind: 'blank', text: '' };
};

/** A question of an FAQ as plain text writes it: "Q: Do they need to code?". */
const QUESTION_LINE = /^Q(?:uestion)?\s*[:.]\s+\S.*\?$/;

/** A form's or role card's first line naming the role: "Role: Database Administrator". */
const TITLE_LABEL = /^(?:role|job title|role title|position|job)\s*:\s*(\S.{0,80})$/i;

/** Plain-text headings are short lines that do not read as a sentence of prose. */
const MAX_HEADING = 150;

interface HeadingMatch {
  kind: SectionKind;
  /** The role as the heading names it ("a {role_name}" → `{role_name}`), if it does. */
  role?: string;
}

/** Icons (emoji), numbering, emphasis and end punctuation are no part of what a heading says. */
const headingText = (text: string): string =>
  unemphasize(text.replace(/^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]+/u, ''))
    .replace(/^(?:\d{1,2}[.)]|[IVX]{1,4}\.|Q(?:uestion)?\s*\d{0,2}\s*[:.])\s+/i, '')
    .replace(/[:.?!]+$/, '')
    .trim();

/**
 * Recognises a section heading by its wording.
 * @example sectionOf('So, why hire a data scientist?') // { kind: 'benefits', role: 'data scientist' }
 */
const sectionOf = (text: string): HeadingMatch | undefined => {
  const heading = headingText(text);
  if (heading.length > MAX_HEADING) return undefined;
  for (const [kind, pattern] of headingPatterns) {
    const match = pattern.exec(heading);
    if (match) return { kind, ...(match[1] ? { role: match[1].trim() } : {}) };
  }
  const translated = translatedHeadings.find(([, pattern]) => pattern.test(heading));
  return translated && { kind: translated[0] };
};

export interface PageSection {
  /** `unknown` for a Markdown heading the layout does not know; `lead` for text before any heading. */
  kind: SectionKind | 'unknown' | 'lead';
  heading?: PageLine;
  role?: string;
  lines: PageLine[];
}

export interface PageOutline {
  title?: PageLine;
  sections: PageSection[];
}

/**
 * A plain line is a heading if it starts a paragraph, names a section and does not end like a
 * sentence: a line inside a list ("Communication skills") stays an item.
 */
const plainHeading = (line: PageLine, previous: PageLine | undefined): HeadingMatch | undefined =>
  line.kind === 'text' &&
  !line.indented &&
  !/\.$/.test(line.text) &&
  (previous === undefined || previous.kind === 'blank' || previous.kind === 'heading')
    ? sectionOf(line.text)
    : undefined;

/** "What they do: builds the APIs…": a label and what it heads, on one line of an email. */
const INLINE_LABEL = /^([^:]{3,60}):\s+(\S.*)$/;

/**
 * A line that opens a paragraph with a section's label ("Signs you need one: …"), as an email
 * writes a page without headings: the label heads a section holding the rest of the line.
 */
const inlineLabel = (
  line: PageLine,
  previous: PageLine | undefined,
): { match: HeadingMatch; heading: PageLine; rest: PageLine } | undefined => {
  if (line.kind !== 'text' || line.indented || (previous && previous.kind !== 'blank')) {
    return undefined;
  }
  const parts = INLINE_LABEL.exec(line.text);
  const match = parts && sectionOf(parts[1]!);
  if (!parts || !match) return undefined;
  return {
    match,
    heading: { ...line, kind: 'heading', text: parts[1]! },
    rest: { ...line, text: parts[2]! },
  };
};

/**
 * A row of a table laid out as a page, a section's heading in its first cell and the section in
 * its second: the heading, and the cell's lines as the section's (one line is text, more a list).
 */
const rowSection = (line: PageLine): PageSection | undefined => {
  const [label, cell] = line.cells ?? [];
  const match = line.cells?.length === 2 && label?.length === 1 ? sectionOf(label[0]!) : undefined;
  if (!match || !cell) return undefined;
  return {
    kind: match.kind,
    heading: { ...line, kind: 'heading', text: stripEmphasis(label![0]!) },
    ...(match.role ? { role: match.role } : {}),
    lines: cell.map((text) => ({
      n: line.n,
      kind: cell.length > 1 ? 'bullet' : 'text',
      text,
      indented: false,
    })),
  };
};

/**
 * A list item that names a section and has lines indented under it is a toggle, as notes apps
 * export one ("- Why hire one" over its points): it heads what it folds away.
 */
const toggleHeading = (lines: readonly PageLine[], at: number): HeadingMatch | undefined => {
  const line = lines[at]!;
  if (line.kind !== 'bullet' || line.indented) return undefined;
  const next = lines.slice(at + 1).find((l) => l.kind !== 'blank');
  return next?.indented ? sectionOf(line.text) : undefined;
};

/**
 * Inside an FAQ, questions are its own sub-headings: a deeper Markdown heading or a question
 * stays in it, and only a heading of the layout that asks nothing ends it.
 */
const staysInFaq = (current: PageSection, line: PageLine, match: HeadingMatch | undefined) =>
  current.kind === 'faq' &&
  ((line.kind === 'heading' && (line.level ?? 1) > (current.heading?.level ?? 1)) ||
    /\?\s*\**$/.test(line.text) ||
    !match);

/**
 * Cuts a page into its title line and its sections. The title is a first `#` heading, or a
 * first plain line that is no section heading; everything up to the first heading is the lead.
 * @example outline(classifyLines('Backend Developer\n\nWhy hire a backend developer?\n- Speed: …'))
 */
export const outline = (lines: readonly PageLine[]): PageOutline => {
  // A breadcrumb ("Home > Hiring > DevOps") or a date line above the title is no title.
  const content = lines.filter((l) => l.kind !== 'blank' && !BREADCRUMB.test(l.text));
  const first = content[0];
  const pageHeading = content.find((l) => l.kind === 'heading');
  const headings = content.filter((l) => l.kind === 'heading');
  // A page's one first-level heading over deeper ones is its title, even one that asks what the
  // role does ("What Does a Scrum Master Do? (And Do You Need One?)").
  const soleTop =
    headings.filter((l) => l.level === 1).length === 1 && headings.some((l) => l.level !== 1);
  const title =
    pageHeading?.level === 1 && (soleTop || !sectionOf(pageHeading.text))
      ? pageHeading
      : first &&
          ((first.kind === 'heading' && first.level === 1 && !sectionOf(first.text)) ||
            (first.kind === 'text' && !plainHeading(first, undefined)))
        ? first
        : undefined;
  const titleLabel = first && TITLE_LABEL.exec(first.text);
  const sections: PageSection[] = [{ kind: 'lead', lines: [] }];
  let previous: PageLine | undefined;
  for (const [at, line] of lines.entries()) {
    const before = previous;
    previous = line;
    if (line === title || (titleLabel && line === first)) continue;
    const current = sections[sections.length - 1]!;
    // A glossary's rows are its terms, whatever words they define; a row only heads its own.
    const glossary = current.kind === 'terms' && !current.heading?.cells;
    const row = glossary ? undefined : rowSection(line);
    if (row) {
      sections.push(row);
      continue;
    }
    const toggle = current.kind === 'faq' ? undefined : toggleHeading(lines, at);
    if (toggle) {
      sections.push({
        kind: toggle.kind,
        heading: { ...line, kind: 'heading' },
        ...(toggle.role ? { role: toggle.role } : {}),
        lines: [],
      });
      continue;
    }
    const plain = plainHeading(line, before);
    const labelled = plain ? undefined : inlineLabel(line, before);
    if (labelled && current.kind !== 'faq') {
      sections.push({
        kind: labelled.match.kind,
        heading: labelled.heading,
        ...(labelled.match.role ? { role: labelled.match.role } : {}),
        lines: [labelled.rest],
      });
      continue;
    }
    if (current.kind !== 'faq' && line.kind === 'text' && QUESTION_LINE.test(line.text)) {
      // "Q: Do they need to code?" starts the page's questions, headed or not.
      sections.push({ kind: 'faq', heading: line, lines: [] });
      continue;
    }
    if (line.kind === 'heading' || plain) {
      const match = plain ?? sectionOf(line.text);
      if (!staysInFaq(current, line, match)) {
        sections.push({
          kind: match?.kind ?? 'unknown',
          heading: line,
          ...(match?.role ? { role: match.role } : {}),
          lines: [],
        });
        continue;
      }
    }
    current.lines.push(answered(current, line));
  }
  const named =
    titleLabel && (title === undefined || title === first)
      ? { ...first, text: titleLabel[1]! }
      : title;
  return { ...(named ? { title: named } : {}), sections };
};
