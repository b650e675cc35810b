import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import {
  isAppError,
  textRuleProblem,
  type AppError,
  type ProblemLocation,
} from '../../domain/index.js';
import { importFailed } from './import-error.js';
import type { ProblemSink } from './release-problems.js';
import { utf8Text } from './utf8-text.js';

/**
 * `tsv`: tab-separated, one record per line (the O*NET text files); a field a spreadsheet wrapped
 * in double quotes when re-saving the file is read without them. O*NET itself quotes nothing,
 * and a quote inside a field is kept as it is.
 * `csv`: comma-separated, double quotes around fields that hold commas, quotes or line breaks
 * (the ESCO download); or separated by semicolons when its header row holds more of them than
 * commas, as a spreadsheet saves a CSV file where the comma is the decimal mark.
 */
export type TableDialect = 'tsv' | 'csv';

export interface ColumnSpec {
  /** The column's name in the header row as published, matched case aside. */
  header: string;
  /** Longest value accepted, in characters; longer ones fail the import. */
  maxLength: number;
  /** An optional column may be absent from the header; its values are then `undefined`. */
  optional?: boolean;
}

export type ColumnSpecs = Record<string, ColumnSpec>;

export interface TableSpec<C extends ColumnSpecs> {
  dialect: TableDialect;
  columns: C;
}

export type TableValues<C extends ColumnSpecs> = {
  [K in keyof C]: C[K]['optional'] extends true ? string | undefined : string;
};

export interface TableRow<C extends ColumnSpecs> {
  /** Line on which the record starts (1 is the header). */
  line: number;
  /** Values of the declared columns, trimmed, each line break a line feed. */
  values: TableValues<C>;
  /** Location of one cell. */
  at(column: keyof C): ProblemLocation;
  /** An `import_failed` error about one cell's value, naming its file, line, column and header. */
  fail(column: keyof C, problem: string): AppError;
}

/** Past this many characters a record is refused: it bounds memory and catches a wrong line ending. */
const MAX_RECORD_CHARS = 1_000_000;

const delimiterOf = { tsv: '\t', csv: ',' } as const;

/** The delimiter of a file of the dialect, judged from its first text when that can differ. */
const delimiterFor = (dialect: TableDialect, firstText: string): string => {
  if (dialect === 'tsv') return delimiterOf.tsv;
  const header = firstText.split('\n', 1)[0] ?? '';
  const count = (delimiter: string) => header.split(delimiter).length - 1;
  return count(';') > count(',') ? ';' : ',';
};

async function* startingWith(
  first: IteratorResult<string>,
  rest: AsyncGenerator<string>,
): AsyncGenerator<string> {
  if (!first.done) yield first.value;
  yield* rest;
}
const dialectName = { tsv: 'tab-separated', csv: 'comma-separated' } as const;

/**
 * The CRLF line breaks inside a record's quoted fields, each of which csv-parse counts as two
 * lines.
 */
const quotedCrlfs = (record: readonly string[]): number =>
  record.reduce((sum, value) => sum + (value.match(/\r\n/g)?.length ?? 0), 0);

interface InfoRecord {
  record: string[];
  info: Info;
}

/**
 * A parser whose records' `info.lines` count a CRLF inside quotes as one line break, as the file
 * has it; `overCounted` tells how far csv-parse's own count (an error's `lines`) has run ahead.
 */
const parserFor = (dialect: TableDialect, delimiter: string) => {
  let overCounted = 0;
  const parser = parse({
    delimiter,
    quote: '"',
    relax_quotes: dialect === 'tsv',
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    // With `info`, each record comes wrapped with what the parser knows of it, which csv-parse's
    // types of this hook do not say.
    on_record: (entry) => {
      const { record, info } = entry as unknown as InfoRecord;
      overCounted += quotedCrlfs(record);
      const counted: InfoRecord = { record, info: { ...info, lines: info.lines - overCounted } };
      return counted as unknown as string[];
    },
  });
  return { parser, overCounted: () => overCounted };
};

/**
 * A quoted line break as a line feed: a spreadsheet saving on Windows writes CRLF inside quoted
 * fields too, and the stored text should not depend on where the file was last saved.
 */
const lineFeeds = (value: string): string => value.replace(/\r\n?/g, '\n');

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Guesses the delimiter of a header row that did not split, to say what is wrong. */
const delimiterInside = (header: string, dialect: TableDialect): string | undefined => {
  const candidates: [string, string][] = [
    ['\t', 'tab-separated'],
    [',', 'comma-separated'],
    [';', 'semicolon-separated'],
    ['|', 'pipe-separated'],
  ];
  return candidates.find(([d]) => d !== delimiterOf[dialect] && header.includes(d))?.[1];
};

interface Header<C extends ColumnSpecs> {
  width: number;
  /** Index of each declared column in the record, -1 when an optional one is absent. */
  positions: Record<keyof C, number>;
}

const readHeader = <C extends ColumnSpecs>(
  file: string,
  spec: TableSpec<C>,
  record: string[],
): Header<C> => {
  const names = record.map((name) => name.trim());
  // Columns are found case aside: a header a spreadsheet or a script rewrote is still the header.
  const keys = names.map((name) => name.toLowerCase());
  const positionOf = (header: string) => keys.indexOf(header.toLowerCase());
  const wanted = Object.values(spec.columns);
  const required = wanted.filter((c) => !c.optional).map((c) => c.header);
  if (names.length === 1 && wanted.length > 1) {
    const other = delimiterInside(names[0] ?? '', spec.dialect);
    if (other) {
      throw importFailed(
        { file, line: 1, column: 1 },
        `the file looks ${other}; it must be ${dialectName[spec.dialect]} with the columns ${quoted(required)}`,
      );
    }
  }
  const missing = required.filter((name) => positionOf(name) < 0);
  if (missing.length === required.length) {
    throw importFailed(
      { file, line: 1, column: 1 },
      `line 1 is not the expected header row: it must name the columns ${quoted(required)}, found ${quoted(names)}`,
    );
  }
  if (missing.length > 0) {
    throw importFailed(
      { file, line: 1, column: names.length + 1 },
      `the header row lacks the column(s) ${quoted(missing)}`,
    );
  }
  const positions = Object.fromEntries(
    Object.entries(spec.columns).map(([key, column]) => [key, positionOf(column.header)]),
  ) as Record<keyof C, number>;
  return { width: names.length, positions };
};

const quotingErrors: ReadonlySet<string> = new Set([
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
]);

const fromCsvError = (
  file: string,
  error: CsvError,
  startLine: number,
  overCounted: number,
): AppError => {
  const line = typeof error.lines === 'number' ? error.lines - overCounted : startLine;
  const column = typeof error.index === 'number' ? { column: error.index + 1 } : {};
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return importFailed(
      { file, line: startLine },
      `a record is longer than ${MAX_RECORD_CHARS} characters; check the delimiter and the line endings`,
    );
  }
  if (quotingErrors.has(error.code)) {
    return importFailed(
      { file, line, ...column },
      'a quoted field is not closed properly; double any quote inside a quoted field',
    );
  }
  return importFailed({ file, line }, error.message);
};

const fileErrors: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'the file cannot be read (permission denied)',
};

const fromFileError = (file: string, error: NodeJS.ErrnoException): AppError | undefined => {
  const message = error.code === undefined ? undefined : fileErrors[error.code];
  return message === undefined ? undefined : importFailed({ file }, message);
};

const noop = () => undefined;

const rethrow: ProblemSink = (problem) => {
  throw problem;
};

/**
 * Streams the records of a delimited text file with a header row, one at a time, so memory
 * stays flat whatever the file's size. Columns are found by their header names, so a release
 * that adds or reorders columns still reads. Every problem is an `import_failed` error naming
 * the file, line and column, given to `onProblem` (which by default throws it). A record with
 * the wrong number of fields, an over-long value or one holding a character no stored text may
 * hold (see textRuleProblem) is skipped and reading goes on; a problem
 * with the file itself (missing, empty, a wrong or missing header, a wrong delimiter, invalid
 * UTF-8, a quote never closed) ends the reading, since nothing after it can be trusted.
 * @example
 * const spec = { dialect: 'tsv', columns: { code: { header: 'O*NET-SOC Code', maxLength: 20 } } } as const;
 * for await (const row of readTable('Occupation Data.txt', spec, problems.add)) console.log(row.values.code);
 */
export async function* readTable<C extends ColumnSpecs>(
  file: string,
  spec: TableSpec<C>,
  onProblem: ProblemSink = rethrow,
): AsyncGenerator<TableRow<C>> {
  const text = utf8Text(createReadStream(file), file);
  let parsing: ReturnType<typeof parserFor> | undefined;
  let header: Header<C> | undefined;
  let nextLine = 1;
  let emptyLines = 0;
  const entries = Object.entries(spec.columns) as [keyof C & string, ColumnSpec][];
  try {
    const first = await text.next();
    parsing = parserFor(spec.dialect, delimiterFor(spec.dialect, first.done ? '' : first.value));
    pipeline(Readable.from(startingWith(first, text)), parsing.parser, noop);
    records: for await (const { record, info } of parsing.parser as AsyncIterable<InfoRecord>) {
      // A record that spans lines (a quoted line break) is placed where it starts.
      const line = nextLine + info.empty_lines - emptyLines;
      nextLine = info.lines + 1;
      emptyLines = info.empty_lines;
      if (!header) {
        header = readHeader(file, spec, record);
        continue;
      }
      if (record.length !== header.width) {
        onProblem(
          importFailed(
            { file, line, column: Math.min(record.length, header.width) + 1 },
            `the record has ${record.length} field(s); the header has ${header.width}`,
          ),
        );
        continue;
      }
      const positions = header.positions;
      const at = (column: keyof C): ProblemLocation => ({
        file,
        line,
        column: positions[column] + 1,
      });
      const values: Record<string, string | undefined> = {};
      for (const [key, column] of entries) {
        const position = positions[key];
        const value = position < 0 ? undefined : lineFeeds(record[position]!).trim();
        if (value !== undefined && value.length > column.maxLength) {
          onProblem(
            importFailed(
              at(key),
              `column "${column.header}": the value is ${value.length} characters long; at most ${column.maxLength} are accepted`,
            ),
          );
          continue records;
        }
        // Checked here, where the cell is known, rather than when the role is stored: there
        // the whole release would be refused, unlocated, one such character per run.
        const unprintable = value === undefined ? undefined : textRuleProblem(value);
        if (unprintable !== undefined) {
          onProblem(importFailed(at(key), `column "${column.header}": the value ${unprintable}`));
          continue records;
        }
        values[key] = value;
      }
      const fail = (column: keyof C, problem: string): AppError =>
        importFailed(at(column), `column "${spec.columns[column]!.header}": ${problem}`);
      yield { line, values: values as TableValues<C>, at, fail };
    }
  } catch (error) {
    onProblem(fileProblem(file, error, nextLine, parsing?.overCounted() ?? 0));
    return;
  } finally {
    parsing?.parser.destroy();
  }
  if (!header) {
    onProblem(
      importFailed(
        { file, line: 1 },
        `the file is empty; it must start with a header row naming ${quoted(
          entries.filter(([, c]) => !c.optional).map(([, c]) => c.header),
        )}`,
      ),
    );
  }
}

/** The problem that ended a file's reading; anything that is not one is a fault of ours. */
const fileProblem = (file: string, error: unknown, line: number, overCounted: number): AppError => {
  if (isAppError(error)) return error;
  if (error instanceof CsvError) return fromCsvError(file, error, line, overCounted);
  const problem = fromFileError(file, error as NodeJS.ErrnoException);
  if (problem) return problem;
  throw error;
};
