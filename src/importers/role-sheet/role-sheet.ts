import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import {
  emptyRoleContent,
  limits,
  separatorOf,
  textRuleProblem,
  type CsvSeparator,
  type RoleContent,
  type TaxonomyInput,
} from '../../domain/index.js';
import {
  importFailed,
  listLimit,
  releaseProblems,
  uniqueBy,
  type ImportedRole,
  type ImportNote,
  type ProblemSink,
  type RoleRelease,
} from '../release/index.js';
import {
  missingFields,
  sheetColumns,
  type SheetColumns,
  type SheetField,
} from './sheet-columns.js';

/** Largest sheet read: a company's architecture is thousands of roles, not megabytes of them. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
/** Most roles one sheet may hold, past which it is refused before anything is checked. */
export const MAX_SHEET_ROWS = 10_000;

/** Several other titles share one cell, as HR systems export a list. */
const TITLE_SEPARATORS = /[;|]/;

const MAX_LENGTH: Readonly<Record<SheetField, number>> = {
  code: limits.code,
  title: limits.name,
  alternativeTitles: limits.longText,
  summary: limits.longText,
};

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

const fileErrors: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'the file cannot be read (permission denied)',
};

/** A sheet over this size is refused unread, so its refusal names the limit. */
const tooLarge = (file: string, size: number) =>
  importFailed(
    { file },
    `the file is ${size.toLocaleString('en')} bytes; at most ${MAX_SHEET_BYTES.toLocaleString('en')} are read`,
  );

/** The sheet's bytes, refused when too large or unreadable. */
const sheetBytes = async (file: string): Promise<Uint8Array> => {
  try {
    const { size } = await stat(file);
    if (size > MAX_SHEET_BYTES) throw tooLarge(file, size);
    return await readFile(file);
  } catch (error) {
    const message = fileErrors[(error as NodeJS.ErrnoException).code ?? ''];
    if (message === undefined) throw error;
    throw importFailed({ file }, message);
  }
};

/** The sheet's bytes as text, refused when not UTF-8. */
const sheetText = (file: string, bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw importFailed(
      { file },
      'the file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"',
    );
  }
};

interface SheetRecord {
  record: string[];
  /** Line on which the record starts (1 is the header). */
  line: number;
}

const lineBreaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** How a note names a separator other than the comma. */
const SEPARATOR_NAMES: Readonly<Record<Exclude<CsvSeparator, ','>, string>> = {
  ';': 'semicolons',
  '\t': 'tabs',
};

/**
 * The records of the sheet, its cells separated as its header row's are, each placed on the line
 * it starts on, a quoted line break counted.
 */
const sheetRecords = (file: string, text: string, separator: CsvSeparator): SheetRecord[] => {
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? { line: error.lines } : {};
    throw importFailed(
      { file, ...line },
      'a quoted field is not closed properly; double any quote inside a quoted field',
    );
  }
  // csv-parse counts both characters of a CRLF inside quotes as line breaks, so a record's line
  // is counted here from where it starts in the text, after the empty lines it skipped.
  let offset = 0;
  let line = 1;
  return parsed.map(({ record, info }) => {
    const span = text.slice(offset, info.bytes);
    const skipped = /^(?:\r\n|\r|\n)*/.exec(span)![0];
    line += lineBreaks(skipped);
    const start = line;
    line += lineBreaks(span.slice(skipped.length));
    offset = info.bytes;
    return { record, line: start };
  });
};

const headerColumns = (file: string, header: readonly string[]): SheetColumns => {
  const columns = sheetColumns(header);
  const missing = missingFields(columns);
  if (missing.length > 0) {
    // Each missing column gets headers that would name it, so a sheet lacking only its code
    // column is not told to add a title header it already has.
    const named = missing.map((field) =>
      field === 'code'
        ? 'a job code (such as "Job Code", "ID" or "Code")'
        : 'a job title (such as "Job Title", "Title" or "Name")',
    );
    throw importFailed(
      { file, line: 1 },
      `the header row has no column for ${named.join(' or ')}; found ${quoted(header.map((h) => h.trim()))}`,
    );
  }
  return columns;
};

interface RowContext {
  file: string;
  columns: SheetColumns;
  onProblem: ProblemSink;
}

/** One row's cells by field, each checked; undefined when any is refused. */
const rowCells = (
  { file, columns, onProblem }: RowContext,
  { record, line }: SheetRecord,
): Partial<Record<SheetField, string>> | undefined => {
  const cells: Partial<Record<SheetField, string>> = {};
  let ok = true;
  for (const [field, position] of Object.entries(columns.positions) as [SheetField, number][]) {
    const header = columns.headers[field]!;
    const fail = (message: string) => {
      onProblem(importFailed({ file, line, field: header }, message));
      ok = false;
    };
    const raw = (record[position] ?? '').replace(/\r\n?/g, '\n');
    const value = field === 'code' ? raw : raw.trim();
    const problem = textRuleProblem(value);
    if (problem !== undefined) fail(`the value ${problem}`);
    else if (value.length > MAX_LENGTH[field])
      fail(
        `the value is ${value.length} characters long; at most ${MAX_LENGTH[field]} are accepted`,
      );
    else if ((field === 'code' || field === 'title') && value.trim() === '') fail('is empty');
    else if (field === 'code' && value !== value.trim()) fail(`"${value}" has spaces at its ends`);
    else cells[field] = value;
  }
  return ok ? cells : undefined;
};

/** The other titles of one cell: split, trimmed, without repeats or the role's own title. */
const otherTitles = (cell: string | undefined, title: string): string[] =>
  uniqueBy(
    (cell ?? '')
      .split(TITLE_SEPARATORS)
      .map((t) => t.trim())
      .filter((t) => t !== '' && t.toLowerCase() !== title.toLowerCase()),
    (t) => t,
  );

const roleContent = (cells: Partial<Record<SheetField, string>>): RoleContent => {
  const name = cells.title!;
  return {
    ...emptyRoleContent(name),
    summary: cells.summary ?? '',
    alternativeTitles: otherTitles(cells.alternativeTitles, name),
    status: 'published',
  };
};

/** Checks one row past its cells: a code used twice, other titles too long or too many. */
const rowProblem = (
  cells: Partial<Record<SheetField, string>>,
  firstLines: ReadonlyMap<string, number>,
): { field: SheetField; message: string } | undefined => {
  const code = cells.code!;
  const first = firstLines.get(code);
  if (first !== undefined) return { field: 'code', message: `repeats line ${first} (${code})` };
  const titles = otherTitles(cells.alternativeTitles, cells.title!);
  const long = titles.find((t) => t.length > limits.title);
  if (long !== undefined) {
    return {
      field: 'alternativeTitles',
      message: `a title is ${long.length} characters long; at most ${limits.title} are accepted`,
    };
  }
  if (titles.length > listLimit('alternativeTitles')) {
    return {
      field: 'alternativeTitles',
      message: `${titles.length} titles; at most ${listLimit('alternativeTitles')} are accepted`,
    };
  }
  return undefined;
};

export interface RoleSheetOptions {
  /** The taxonomy the roles go into, as it is to be stored. */
  taxonomy: TaxonomyInput;
}

/**
 * Reads a company's job architecture exported as CSV (one role a row, a header row naming its
 * columns) as a release of its taxonomy. Columns are found by the headers HR systems use for
 * them (see sheetColumns); a job code and a job title are required; columns a role has no place
 * for are named in a note. Every row is checked before anything is returned, and all the
 * problems are reported together as one `import_failed` error, each with its line and column,
 * under `file`: the file's name, or what names the bytes an API client sent.
 */
export const readRoleSheet = (
  bytes: Uint8Array,
  file: string,
  options: RoleSheetOptions,
): RoleRelease => {
  if (bytes.length > MAX_SHEET_BYTES) throw tooLarge(file, bytes.length);
  const text = sheetText(file, bytes).replace(/^\uFEFF/, '');
  const separator = separatorOf(/^[^\r\n]*/.exec(text)![0]);
  const records = sheetRecords(file, text, separator);
  const [header, ...rows] = records;
  if (!header)
    throw importFailed({ file, line: 1 }, 'the file is empty; it must start with a header row');
  const columns = headerColumns(file, header.record);
  if (rows.length > MAX_SHEET_ROWS) {
    throw importFailed(
      { file },
      `the file has ${rows.length.toLocaleString('en')} rows; at most ${MAX_SHEET_ROWS.toLocaleString('en')} are imported at once`,
    );
  }
  const problems = releaseProblems();
  const context: RowContext = { file, columns, onProblem: problems.add };
  const firstLines = new Map<string, number>();
  const roles: ImportedRole[] = [];
  for (const row of rows) {
    const cells = rowCells(context, row);
    if (!cells) continue;
    const problem = rowProblem(cells, firstLines);
    if (problem) {
      problems.add(
        importFailed(
          { file, line: row.line, field: columns.headers[problem.field]! },
          problem.message,
        ),
      );
      continue;
    }
    firstLines.set(cells.code!, row.line);
    roles.push({ taxonomy: options.taxonomy.id, code: cells.code!, content: roleContent(cells) });
  }
  problems.throwIfAny();
  const notes: ImportNote[] = [];
  // A European spreadsheet's semicolons are told from the header row; saying so lets a reader
  // see why a sheet read wrongly was split as it was.
  if (separator !== ',') {
    notes.push({
      file,
      message: `the cells are read as separated by ${SEPARATOR_NAMES[separator]}, as in the header row`,
    });
  }
  if (columns.ignored.length > 0) {
    notes.push({
      file,
      message: `not imported: the column(s) ${quoted(columns.ignored)}, which a role has no place for`,
    });
  }
  return {
    taxonomy: options.taxonomy,
    total: roles.length,
    notes,
    roles: () => Readable.from(roles),
  };
};

/**
 * Opens a company's job architecture exported as a CSV file; see readRoleSheet.
 * @example
 * const release = await openRoleSheet('job-architecture.csv', { taxonomy: { id: 'acme', name: 'Acme' } });
 */
export const openRoleSheet = async (
  file: string,
  options: RoleSheetOptions,
): Promise<RoleRelease> => readRoleSheet(await sheetBytes(file), file, options);
