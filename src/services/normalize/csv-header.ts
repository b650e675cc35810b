import { parse } from 'csv-parse/sync';
import { separatorOf } from '../../domain/index.js';

/** How many lines a title block above a CSV's header may take ("Open roles Q3", a date…). */
export const MAX_LINES_ABOVE_HEADER = 5;

/** The cells of one line, as its own separator splits them; undefined when it cannot be read. */
const cellsOf = (line: string): string[] | undefined => {
  const text = line.replace(/^\uFEFF/, '');
  try {
    const records: string[][] = parse(text, {
      delimiter: separatorOf(text),
      relax_quotes: true,
      relax_column_count: true,
    });
    return records[0] ?? [];
  } catch {
    return undefined;
  }
};

/**
 * Which of a CSV's first lines is its header: the first that holds a cell `isTitleColumn`
 * accepts, when every line above it holds at most one cell with text, as a spreadsheet's title
 * line or a blank line does. A line above that reads as data (two cells or more) or cannot be
 * read keeps the first line as the header, so the upload is refused for what that line lacks.
 * @example headerLineOf(['Open roles Q3\n', 'Title,Location\n'], (c) => c === 'Title') // 1
 */
export const headerLineOf = (
  lines: readonly string[],
  isTitleColumn: (cell: string) => boolean,
): number => {
  for (const [at, line] of lines.entries()) {
    const cells = cellsOf(line);
    if (cells === undefined) return 0;
    if (cells.some(isTitleColumn)) return at;
    if (cells.filter((cell) => cell.trim() !== '').length > 1) return 0;
  }
  return 0;
};

/** How many of a CSV's first lines a refusal quotes when none of them is a header. */
const LINES_QUOTED = 3;

/**
 * What a refusal says the CSV holds where a header was looked for: the columns of the line read
 * as its header, unless that line holds one cell at most. Such a line is a title line with no
 * header under it ("Open roles Q3"), and calling it the columns would send the reader looking for
 * a column of that name, so the first lines are quoted as they are instead.
 * @example heldWhereHeaderLooked(['Open roles Q3'], ['Open roles Q3\n', 'Functie,Afdeling\n']) // 'its first lines hold "Open roles Q3", "Functie,Afdeling"'
 */
export const heldWhereHeaderLooked = (
  header: readonly string[],
  lines: readonly string[],
): string => {
  if (header.filter((cell) => cell.trim() !== '').length > 1) {
    return `its columns are ${header.map((cell) => `"${cell}"`).join(', ')}`;
  }
  const quoted = lines
    .map((line) => line.replace(/^\uFEFF/, '').trim())
    .filter((line) => line !== '')
    .slice(0, LINES_QUOTED)
    .map((line) => `"${line}"`);
  return `its first ${quoted.length === 1 ? 'line holds' : 'lines hold'} ${quoted.join(', ')}`;
};

/**
 * What a batch says of the lines it skipped above a CSV's header, beside its results; nothing
 * when it skipped none.
 * @example skippedLinesNote(['Open roles Q3']) // 'The line above the CSV header was left out: "Open roles Q3".'
 */
export const skippedLinesNote = (skipped: readonly string[]): string | undefined => {
  if (skipped.length === 0) return undefined;
  const texts = skipped.filter((line) => line.trim() !== '').map((line) => `"${line.trim()}"`);
  const lines = skipped.length === 1 ? 'The line' : `The ${skipped.length} lines`;
  const were = skipped.length === 1 ? 'was' : 'were';
  return `${lines} above the CSV header ${were} left out${texts.length > 0 ? `: ${texts.join(', ')}` : ''}.`;
};

/** The response header a CSV answer counts the lines skipped above its header in. */
export const SKIPPED_LINES_HEADER = 'rolebook-skipped-lines';
