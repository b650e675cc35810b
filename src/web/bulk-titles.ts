import { Readable } from 'node:stream';
import { AppError, type ErrorCode } from '../domain/index.js';
import { type CsvRow, csvRowsOf, isTitleHeader, spreadsheetField } from '../services/index.js';
import type { BulkRowView } from './views/index.js';
import { humanize } from './views/text.js';

/** The most titles one form post may send; the API's JSON batch takes as many. */
const MAX_FORM_TITLES = 10_000;

/**
 * Below this calibrated score a row is flagged for a person to check: about three matches in
 * ten that score lower name the wrong role.
 */
export const LOW_CONFIDENCE = 0.7;

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', message, [{ field, message }]);

/** The titles of a pasted list: one a line, blank lines left out. */
export const titlesOfList = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The rows of a CSV file that hold a title, every cell kept, with the column names to show
 * them under and which column holds the titles. A row that cannot be read keeps its place.
 */
export interface TitleTable {
  columns: string[];
  rows: CsvRow[];
  titleAt: number;
}

/** The rows of a CSV file as the API and the CLI read them, up to one that ends the reading. */
const csvRowsOfText = async (csv: string): Promise<CsvRow[]> => {
  const rows: CsvRow[] = [];
  for await (const row of csvRowsOf(Readable.from([csv]))) {
    rows.push(row);
    if ('problem' in row && row.ends) break;
  }
  return rows;
};

const cellsOf = (rows: readonly CsvRow[]): string[][] =>
  rows.flatMap((row) => ('cells' in row ? [row.cells] : []));

/**
 * Reads a CSV file as a table of titles: the column named by its header (any case) or its
 * number from 1. A header that is not there is an error naming the headers that are. With no
 * column chosen, a column whose header names job titles ("Job Title", "Position") is read below
 * its header, and otherwise every row of the first column. Rows without a title are left out;
 * a file without such a header gets its columns numbered.
 * @example (await titleTableOf('id,title\n1,Sr Dev\n', 'title')).rows // [{ cells: ['1', 'Sr Dev'] }]
 */
export const titleTableOf = async (
  csv: string,
  column: string | undefined,
): Promise<TitleTable> => {
  const rows = await csvRowsOfText(csv);
  const first = rows[0];
  if (first !== undefined && 'problem' in first) {
    throw invalid('file', `the CSV file could not be read: ${first.problem}`);
  }
  const header = first?.cells ?? [];
  const named = (h: string) => h.trim().toLowerCase();
  const numbered = (): TitleTable['columns'] => {
    const width = cellsOf(rows).reduce((most, cells) => Math.max(most, cells.length), 1);
    return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  };
  const table = (columns: string[], body: CsvRow[], titleAt: number): TitleTable => ({
    columns,
    rows: body.filter((row) => !('cells' in row) || (row.cells[titleAt] ?? '').trim() !== ''),
    titleAt,
  });
  if (column === undefined) {
    const titles = header.findIndex(isTitleHeader);
    return titles >= 0 ? table(header, rows.slice(1), titles) : table(numbered(), rows, 0);
  }
  const byName = header.findIndex((h) => named(h) === named(column));
  const byNumber = /^\d+$/.test(column.trim()) ? Number(column) - 1 : -1;
  if (byName < 0 && (byNumber < 0 || byNumber >= Math.max(header.length, 1))) {
    throw invalid(
      'column',
      `the file has no column “${column}”; its columns are ${header.map((h, i) => `${i + 1} “${h}”`).join(', ')}`,
    );
  }
  return byName >= 0 ? table(header, rows.slice(1), byName) : table(numbered(), rows, byNumber);
};

/** The titles of a table, one a readable row. */
export const titlesOfTable = ({ rows, titleAt }: TitleTable): string[] =>
  cellsOf(rows).map((cells) => (cells[titleAt] ?? '').trim());

/** Refuses an empty batch or one over the limit. */
export const checkTitleCount = (titles: readonly string[]): void => {
  if (titles.length === 0) throw invalid('titles', 'no title was given');
  if (titles.length > MAX_FORM_TITLES) {
    throw invalid(
      'titles',
      `${titles.length} titles were sent; one request takes at most ${MAX_FORM_TITLES}`,
    );
  }
};

/** What the normalize service answers for one title of a batch. */
type NormalizedItem =
  | {
      input: string;
      matches: {
        taxonomy: string;
        code: string;
        name: string;
        score: number;
        matchedTitle: string;
      }[];
      seniority?: string;
    }
  | { input: string; error: { code: ErrorCode; message: string } };

/** Fields that are not qualifiers: the input, its roles, and what the table shows elsewhere. */
const notQualifiers = new Set(['input', 'matches', 'core', 'seniority', 'noise', 'error']);

const qualifierValue = (value: unknown): string | undefined => {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(qualifierValue).filter((v) => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value).flatMap(([k, v]) => {
      const shown = qualifierValue(v);
      return shown === undefined ? [] : [`${humanize(k)}: ${shown}`];
    });
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
};

/**
 * One table row of a normalized title. Every other field of the answer (level, work mode,
 * place, and any the normalizer learns to read) is shown as a qualifier.
 */
export const bulkRow = (item: NormalizedItem): BulkRowView => {
  if ('error' in item) {
    return { input: item.input, error: item.error.message, qualifiers: [], lowConfidence: true };
  }
  const best = item.matches[0];
  const qualifiers = Object.entries(item).flatMap(([key, value]) => {
    if (notQualifiers.has(key)) return [];
    const shown = qualifierValue(value);
    return shown === undefined ? [] : [`${humanize(key)}: ${shown}`];
  });
  return {
    input: item.input,
    ...(best !== undefined
      ? {
          role: {
            taxonomy: best.taxonomy,
            code: best.code,
            name: best.name,
            score: best.score,
            ...(best.matchedTitle.toLowerCase() !== best.name.toLowerCase()
              ? { matchedTitle: best.matchedTitle }
              : {}),
          },
        }
      : {}),
    ...(item.seniority !== undefined ? { seniority: item.seniority } : {}),
    qualifiers,
    lowConfidence: best === undefined || best.score < LOW_CONFIDENCE,
  };
};

/**
 * The rows of a table with what the normalizer made of its titles (`items`, one a readable
 * row, in order): a row that could not be read keeps its place, saying why.
 */
export const bulkRowsOfTable = (
  { rows }: TitleTable,
  items: readonly NormalizedItem[],
): BulkRowView[] => {
  const answers = items[Symbol.iterator]();
  return rows.map((row) => {
    if ('problem' in row) {
      return { input: '', error: row.problem, qualifiers: [], lowConfidence: true };
    }
    return { ...bulkRow(answers.next().value as NormalizedItem), cells: row.cells };
  });
};

/**
 * The rows as a CSV file, with a header line: the input's own columns (or the title alone, for
 * a pasted list), then what the normalizer made of each.
 */
export const bulkCsv = (rows: readonly BulkRowView[], columns?: readonly string[]): string =>
  [
    [
      ...(columns ?? ['input']),
      'taxonomy',
      'code',
      'role',
      'score',
      'matched_title',
      'seniority',
      'qualifiers',
      'check',
    ],
    ...rows.map((r) => [
      ...(columns !== undefined ? columns.map((_, i) => r.cells?.[i] ?? '') : [r.input]),
      r.role?.taxonomy ?? '',
      r.role?.code ?? '',
      r.role?.name ?? r.error ?? '',
      r.role !== undefined ? r.role.score.toFixed(2) : '',
      r.role?.matchedTitle ?? '',
      r.seniority ?? '',
      r.qualifiers.join('; '),
      r.lowConfidence ? 'check' : 'ok',
    ]),
  ]
    .map((fields) => fields.map(spreadsheetField).join(','))
    .join('\r\n') + '\r\n';
