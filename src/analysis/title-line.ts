import type { TextSpan } from './text-view.js';

const LABEL = /^(?:job title|position title|position|title|role|job|vacancy|opening)\s*[:\-–]\s*/i;
const ROLE_WORD =
  /\b(?:engineer|developer|designer|manager|analyst|scientist|architect|lead|administrator|admin|specialist|tester|writer|owner|master|advocate|researcher|officer|cto|cio|head|director|consultant|programmer|technician|sre|devops|intern|associate|strategist|coordinator|expert|evangelist|support)s?\b/i;
const NOT_A_TITLE =
  /^(?:about|we are|we're|who we are|our|at |join|description|overview|summary|responsibilities|requirements)/i;
const LONGEST_LINE = 300;
const DECORATION = /^[\s#>*_=\-•|]+|[\s*_=|:]+$/g;

/**
 * Finds the job title: a labelled line ("Job title: ...") or the first short line near the top
 * that names a kind of job.
 * @example findTitleLine('# Senior Data Engineer\nWe move data.')?.text === 'Senior Data Engineer'
 */
export const findTitleLine = (text: string): TextSpan | undefined => {
  const lines: TextSpan[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    if (!raw.trim()) continue;
    if (lines.length === 8) break;
    // A line this long is prose, never a title, and is not worth trimming.
    if (raw.length > LONGEST_LINE) {
      lines.push({ text: '', start, end: start });
      continue;
    }
    const trimmed = raw.replace(DECORATION, '');
    if (!trimmed) continue;
    const at = start + raw.indexOf(trimmed);
    lines.push({ text: trimmed, start: at, end: at + trimmed.length });
  }
  for (const line of lines) {
    const label = LABEL.exec(line.text);
    if (label && line.text.length - label[0].length > 2) {
      const value = line.text.slice(label[0].length).replace(DECORATION, '');
      const start = line.start + line.text.indexOf(value, label[0].length);
      return { text: value, start, end: start + value.length };
    }
  }
  const short = lines.filter(
    (l) =>
      l.text.length > 0 &&
      l.text.length <= 100 &&
      l.text.split(/\s+/).length <= 12 &&
      !/[.!?]$/.test(l.text) &&
      !NOT_A_TITLE.test(l.text),
  );
  return short.slice(0, 4).find((l) => ROLE_WORD.test(l.text));
};
