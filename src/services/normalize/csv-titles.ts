import { pipeline, type Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { AppError, separatorOf, utf8Bytes, type CsvSeparator } from '../../domain/index.js';
import type { TitleIndex } from '../../matching/index.js';
import type { Store } from '../../store/index.js';
import { headerLineOf, heldWhereHeaderLooked, MAX_LINES_ABOVE_HEADER } from './csv-header.js';
import { linesAheadOf } from './lines-ahead.js';
import { normalizeLine, type NormalizeItem, type NormalizeOptions } from './normalize-line.js';
import { sliceClock } from './normalize.service.js';
import { titleIndexOf, titleIndexSnapshot } from './title-snapshot.js';
import { MAX_LINE_BYTES } from './title-lines.js';

/** Headers that name a column of job titles, as exports from job boards and trackers call it. */
const TITLE_HEADERS = new Set([
  'title',
  'titles',
  'job title',
  'job_title',
  'jobtitle',
  'job',
  'job name',
  'position',
  'position title',
  'role',
  'role title',
  'posting title',
  'vacancy',
  'vacancy title',
  'requisition title',
]);

/**
 * Whether a CSV header names a column of job titles ("Job Title", "position"): the column read
 * when none is chosen, by the API, the CLI and the site alike.
 */
const isTitleHeader = (header: string): boolean => TITLE_HEADERS.has(header.trim().toLowerCase());

/** How the title column is found when none is chosen, for help texts and errors. */
export const TITLE_COLUMN_RULE =
  'the first column whose header names job titles: title, job title, position, role, vacancy…';

/** What each output row adds after the input row's own cells: the first match and the facts. */
const RESULT_COLUMNS = [
  'code',
  'name',
  'score',
  'matched_title',
  'taxonomy',
  'seniority',
  'level',
  'work_mode',
  'location',
  'team',
  'technologies',
  'shift',
  'contract',
  'error',
] as const;

/** How the added columns are named, for the API's description of a CSV answer. */
export const RESULT_COLUMN_RULE = `${RESULT_COLUMNS.join(', ')}; all prefixed rolebook_ when any would share its name with an input column (case aside), rolebook2_ when those are taken too`;

/**
 * The names of the result columns added to a CSV with this header. A spreadsheet, like most
 * readers of a CSV, finds a column by its name, case aside: a result column named as an input
 * column (`code` beside the input's `Code`) would make one of the two unreachable by name. When
 * any collides, all are prefixed together (`rolebook_code`, `rolebook_name`, …) so they still
 * read as one group; output fed back in collides again, and takes a numbered prefix.
 */
export const resultColumnsFor = (header: readonly string[]): string[] => {
  const taken = new Set(header.map((name) => name.trim().toLowerCase()));
  for (let n = 1; ; n++) {
    const prefix = n === 1 ? '' : n === 2 ? 'rolebook_' : `rolebook${n - 1}_`;
    const names = RESULT_COLUMNS.map((name) => `${prefix}${name}`);
    if (!names.some((name) => taken.has(name))) return names;
  }
};

/**
 * A row of a CSV upload: its cells, or why it could not be read, naming the line it starts on.
 * After a row too long to read (`ends`), what follows cannot be told apart into rows any more.
 */
export type CsvRow = { cells: string[] } | { problem: string; ends: boolean };

/** A CSV upload opened: its header, where the title is, and the rows still to read. */
export interface CsvTitles {
  header: string[];
  titleAt: number;
  /** What the upload separates its cells with; the answer uses the same. */
  separator: CsvSeparator;
  /** The lines above the header (a spreadsheet's title line), left out of the answer. */
  skipped: string[];
  rows: AsyncIterator<CsvRow>;
}

/** A CSV field as it is, quoted when it must be. */
const csvQuoted = (text: string, separator: CsvSeparator): string =>
  /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;

/**
 * A CSV field for a spreadsheet. Text a spreadsheet would run as a formula (=, +, -, @, a tab
 * or a carriage return first) gets a leading apostrophe: these files go to recruiters who open
 * them in Excel, and their cells come from uploads anyone may have written.
 */
const spreadsheetField = (text: string, separator: CsvSeparator): string =>
  csvQuoted(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text, separator);

const cell = (value: string | number | undefined, separator: CsvSeparator): string =>
  typeof value === 'number' ? String(value) : spreadsheetField(value ?? '', separator);

const csvLine = (
  cells: ReadonlyArray<string | number | undefined>,
  separator: CsvSeparator,
): string => `${cells.map((value) => cell(value, separator)).join(separator)}\n`;

/** The header line of a CSV answer: the input's header with the result columns added. */
export const csvHeaderLine = (header: readonly string[], separator: CsvSeparator): string =>
  csvLine([...header, ...resultColumnsFor(header)], separator);

/** One row of a CSV answer: the row's own cells, `width` of them, then its answer's. */
export const csvResultLine = (
  cells: readonly string[],
  width: number,
  item: NormalizeItem,
  separator: CsvSeparator,
): string =>
  csvLine(
    [...Array.from({ length: width }, (_, i) => cells[i] ?? ''), ...resultCells(item)],
    separator,
  );

const resultCells = (item: NormalizeItem): Array<string | number | undefined> => {
  if ('error' in item) return [...RESULT_COLUMNS.slice(0, -1).map(() => ''), item.error.message];
  const top = item.matches[0];
  return [
    top?.code,
    top?.name,
    top?.score,
    top?.matchedTitle,
    top?.taxonomy,
    item.seniority,
    item.level,
    item.workMode,
    item.location,
    item.team,
    item.technologies?.join('; '),
    item.shift,
    item.contract,
    '',
  ];
};

/**
 * The upload's rows in order, a malformed one in its place as a problem. A quote inside an
 * unquoted field (`Tech "lead"`, `15" laptop`, `=HYPERLINK("…")`) is read as the character it
 * is: spreadsheets write such cells unquoted, and refusing them would cost the row its cells
 * and its place. The parser skips a row it cannot read and says so beside the rows it hands out, so
 * each problem is held until the reader has had the rows before it: a bad quote 3,000 rows in
 * costs that row, not the 3,000 before it.
 */
const rowsOf = (
  input: Readable,
  separator: CsvSeparator,
  linesBefore: number,
): AsyncIterator<CsvRow> => {
  const parser = parse({
    bom: true,
    delimiter: separator,
    // Every row ends where its line does, however the line ends: the parser would otherwise take
    // the first row's ending for all, and read the rows of a file pasted together from Windows and
    // Unix lines as one row each time the ending changes.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_LINE_BYTES,
    skip_records_with_error: true,
    info: true,
  });
  // Not pipe(): it leaves a failing upload (a client hanging up) with no one to hear it, which
  // ends the process. Here the parser fails with it, and the reader of the rows is told.
  pipeline(input, parser, () => undefined);
  const problems: { line: number; problem: string; ends: boolean }[] = [];
  parser.on('skip', (error: CsvError) => {
    problems.push({
      line: Number(error.lines),
      problem: error.message,
      ends: error.code === 'CSV_MAX_RECORD_SIZE',
    });
  });
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number };
  }>;
  let held: IteratorResult<{ record: string[]; info: { lines: number } }> | undefined;
  // The parser tells where it gave up on a row, which for a quote never closed is the end of
  // the file; the row itself starts on the line after the last one read.
  let linesRead = 0;
  return {
    next: async () => {
      held ??= await records.next();
      const first = problems[0];
      const before =
        held.done === true || (first !== undefined && first.line < held.value.info.lines);
      if (first !== undefined && before) {
        problems.shift();
        const line = linesBefore + linesRead + 1;
        linesRead = first.line;
        const problem = first.ends
          ? `the CSV stops parsing at line ${line}: ${first.problem}`
          : `line ${line} cannot be read: ${first.problem}`;
        return { done: false, value: { problem, ends: first.ends } };
      }
      const current = held;
      held = undefined;
      if (current.done === true) return current;
      linesRead = current.value.info.lines;
      return { done: false, value: { cells: current.value.record } };
    },
  };
};

/**
 * Opens a CSV upload: reads its header row and finds the title column by name (case and
 * surrounding spaces ignored), by its position when no column has that name (`2`: the second),
 * or with none named by its header (see isTitleHeader). The header is the first of the first
 * lines that names the column asked for or job titles, so that a spreadsheet's title line
 * above it ("Open roles Q3") is skipped; see headerLineOf. A missing column, or one found by a name
 * that heads other columns too, is a `validation_failed` naming them, raised before any result
 * is written. `source` names the input as its sender knows it: an API client sent an upload, a
 * command line read a file or its standard input.
 */
export const openCsvTitles = async (
  input: Readable,
  column: string | undefined,
  source = 'the CSV upload',
): Promise<CsvTitles> => {
  const ahead = await linesAheadOf(utf8Bytes(input), MAX_LINE_BYTES, MAX_LINES_ABOVE_HEADER + 1);
  const asked = column === undefined ? undefined : folded(column);
  const at = headerLineOf(ahead.lines, (cell) => folded(cell) === asked || isTitleHeader(cell));
  const above = ahead.lines.slice(0, at);
  const separator = separatorOf(ahead.lines[at] ?? '');
  const rows = rowsOf(ahead.from(Buffer.byteLength(above.join(''))), separator, at);
  const skipped = above.map((line) => line.replace(/^\uFEFF/, '').trimEnd());
  // A header missing or unreadable is the upload's fault; a title column not found is the
  // column option's, which can name it.
  const failed = (message: string, field: 'column' | 'body' = 'column') =>
    new AppError('validation_failed', message, [{ field, message }]);
  const headerRow = await rows.next();
  if (headerRow.done === true) {
    throw failed(`${source} is empty: a CSV needs a header row`, 'body');
  }
  if ('problem' in headerRow.value) {
    throw failed(`the CSV header cannot be read: ${headerRow.value.problem}`, 'body');
  }
  const header = headerRow.value.cells;
  const held = heldWhereHeaderLooked(header, ahead.lines);
  if (column === undefined) {
    const titleAt = header.findIndex(isTitleHeader);
    if (titleAt < 0) {
      throw failed(
        `no column header of the CSV names job titles (title, job title, position, role, vacancy…); say which column holds them with the column option (--column on the command line); ${held}`,
      );
    }
    return { header, titleAt: onlyColumnNamed(header, titleAt, failed), separator, rows, skipped };
  }
  const titleAt = header.findIndex((name) => folded(name) === asked);
  if (titleAt >= 0) {
    return { header, titleAt: onlyColumnNamed(header, titleAt, failed), separator, rows, skipped };
  }
  const position = /^\d+$/.test(column.trim()) ? Number(column) : 0;
  if (position >= 1 && position <= header.length) {
    return { header, titleAt: position - 1, separator, rows, skipped };
  }
  throw failed(`the CSV has no "${column}" column; ${held}`);
};

/** A header as the title column is looked up by: case and surrounding spaces aside. */
const folded = (name: string): string => name.trim().toLowerCase();

/**
 * The title column found by its header, if no other column has that header: of two columns
 * named alike, which holds the titles is the sender's to say, by position (`column` 1, 2…).
 */
const onlyColumnNamed = (
  header: readonly string[],
  titleAt: number,
  failed: (message: string) => AppError,
): number => {
  const name = folded(header[titleAt]!);
  const positions = header.flatMap((h, i) => (folded(h) === name ? [i + 1] : []));
  if (positions.length === 1) return titleAt;
  const listed = `${positions.slice(0, -1).join(', ')} and ${String(positions.at(-1))}`;
  throw failed(
    `columns ${listed} of the CSV are all headed "${header[titleAt]!.trim()}"; say which holds the titles with the column option (--column on the command line) by its position: ${positions.join(' or ')}`,
  );
};

/**
 * A list of titles, one an entry, as the rows of a CSV headed `title`: a pasted list is written
 * out as that file would be, so it gets the same columns.
 */
export const titleListTable = (titles: readonly string[]): CsvTitles => {
  const rows = titles[Symbol.iterator]();
  return {
    header: ['title'],
    titleAt: 0,
    separator: ',',
    skipped: [],
    rows: {
      next: () => {
        const title = rows.next();
        return Promise.resolve(
          title.done === true ? title : { done: false, value: { cells: [title.value] } },
        );
      },
    },
  };
};

/**
 * Normalizes an opened CSV upload into CSV: the header with the result columns added, then
 * every input row, in order, with its first match and what its title says. A row whose
 * title is missing or unreadable keeps its place with the reason in `error`; a file that
 * stops parsing midway ends with a row saying where. Returns what could not be read, for a
 * caller whose reader cannot see inside the file (a script checking an exit code).
 */
export async function* normalizeCsv(
  index: TitleIndex,
  { header, titleAt, separator, rows }: CsvTitles,
  options: NormalizeOptions,
): AsyncGenerator<string, string[]> {
  yield csvHeaderLine(header, separator);
  const width = header.length;
  let out = '';
  const unread: string[] = [];
  const clock = sliceClock();
  const problemRow = (problem: string) => {
    unread.push(problem);
    return csvLine(
      [...Array.from({ length: width + RESULT_COLUMNS.length - 1 }, () => ''), problem],
      separator,
    );
  };
  for (;;) {
    let next: IteratorResult<CsvRow>;
    try {
      next = await rows.next();
    } catch (error) {
      yield `${out}${problemRow(`the CSV stops parsing here: ${(error as Error).message}`)}`;
      return unread;
    }
    if (next.done === true) break;
    const row = next.value;
    if ('problem' in row) {
      if (row.ends) {
        yield `${out}${problemRow(row.problem)}`;
        return unread;
      }
      out += problemRow(row.problem);
      continue;
    }
    out += csvResultLine(
      row.cells,
      width,
      normalizeLine(index, row.cells[titleAt] ?? '', options),
      separator,
    );
    if (!clock.due()) continue;
    yield out;
    out = '';
    await clock.pause();
  }
  if (out) yield out;
  return unread;
}

/**
 * A CSV stream normalized on this thread with an index of its own, as the CLI runs it: the
 * header is checked before the index is built, so a wrong column fails at once. Gives the lines
 * skipped above the header with the rows.
 */
export const normalizeCsvOnce = async (
  ctx: { store: Store },
  input: Readable,
  column: string | undefined,
  options: NormalizeOptions,
  source: string,
): Promise<{ skipped: string[]; rows: AsyncGenerator<string, string[]> }> => {
  const table = await openCsvTitles(input, column, source);
  const index = titleIndexOf(await titleIndexSnapshot(ctx));
  return { skipped: table.skipped, rows: normalizeCsv(index, table, options) };
};
