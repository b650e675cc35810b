import type { PageLine } from './page-lines.js';
import { unemphasize } from './page-lines.js';

export type SectionKind =
  'summary' | 'alternativeTitles' | 'benefits' | 'signs' | 'terms' | 'links';

/** How the common recruiter-page layout words each section's heading. */
const headingPatterns: [SectionKind, RegExp][] = [
  ['summary', /^what (?:does|do) (?:an?|the)\s+(.+?)\s+do\b/i],
  ['summary', /^(?:about the role|role (?:summary|overview)|summary|overview)$/i],
  ['alternativeTitles', /^(?:also known as|other (?:job )?titles|alternative (?:job )?titles)$/i],
  ['benefits', /^why (?:should you |you should )?hire (?:an?|the)\s+(.+?)\??$/i],
  ['benefits', /^(?:the )?benefits of hiring\b/i],
  [
    'signs',
    /^(?:what are )?(?:the )?signs (?:that )?you (?:might |may )?need (?:an?|the)\s+(.+?)\??$/i,
  ],
  ['signs', /^when (?:should you|to) hire\b/i],
  ['terms', /\bterminolog(?:y|ies)\b|\bglossary\b|^(?:key |basic |important )?terms\b/i],
  [
    'links',
    /\blinks\b|\bfurther (?:reading|learning)\b|^resources\b|\badditional learning\b|^learn more\b/i,
  ],
];

/** Plain-text headings are short lines that do not read as a sentence of prose. */
const MAX_HEADING = 150;

export interface HeadingMatch {
  kind: SectionKind;
  /** The role as the heading names it ("a {role_name}" → `{role_name}`), if it does. */
  role?: string;
}

/**
 * Recognises a section heading of the layout by its wording.
 * @example sectionOf('Why hire a {role_name}?') // { kind: 'benefits', role: '{role_name}' }
 */
const sectionOf = (text: string): HeadingMatch | undefined => {
  const heading = unemphasize(text).replace(/[:.]$/, '').trim();
  if (heading.length > MAX_HEADING) return undefined;
  for (const [kind, pattern] of headingPatterns) {
    const match = pattern.exec(heading);
    if (match) return { kind, ...(match[1] ? { role: match[1].trim() } : {}) };
  }
  return undefined;
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

/** A plain line is a heading if it names a section and does not end like a sentence. */
const plainHeading = (line: PageLine): HeadingMatch | undefined =>
  line.kind === 'text' && !line.indented && !/\.$/.test(line.text)
    ? sectionOf(line.text)
    : undefined;

/**
 * Cuts a page into its title line and its sections. The title is a first `#` heading, or a
 * first plain line that is no section heading; everything up to the first heading is the lead.
 * @example outline(classifyLines('Backend Developer\n\nWhy hire a backend developer?\n- Speed: …'))
 */
export const outline = (lines: readonly PageLine[]): PageOutline => {
  const content = lines.filter((l) => l.kind !== 'blank');
  const first = content[0];
  const title =
    first &&
    ((first.kind === 'heading' && first.level === 1) ||
      (first.kind === 'text' && !plainHeading(first)))
      ? first
      : undefined;
  const sections: PageSection[] = [{ kind: 'lead', lines: [] }];
  for (const line of lines) {
    if (line === title) continue;
    const plain = plainHeading(line);
    if (line.kind === 'heading' || plain) {
      const match = plain ?? sectionOf(line.text);
      sections.push({
        kind: match?.kind ?? 'unknown',
        heading: line,
        ...(match?.role ? { role: match.role } : {}),
        lines: [],
      });
      continue;
    }
    sections[sections.length - 1]!.lines.push(line);
  }
  return { ...(title ? { title } : {}), sections };
};
