import { parse } from 'csv-parse/sync';
import { AppError, type ErrorCode } from '../domain/index.js';
import { csvQuoted, isTitleHeader, spreadsheetField } from '../services/index.js';
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
 * them under and which column holds the titles.
 */
export interface TitleTable {
  columns: string[];
  rows: string[][];
  titleAt: number;
}

/**
 * Reads a CSV file as a table of titles: the column named by its header (any case) or its
 * number from 1. A header that is not there is an error naming the headers that are. With no
 * column chosen, a column whose header names job titles ("Job Title", "Position") is read below
 * its header, and otherwise every row of the first column. Rows without a title are left out;
 * a file without such a header gets its columns numbered.
 * @example titleTableOf('id,title\n1,Sr Dev\n', 'title').rows // [['1', 'Sr Dev']]
 */
export const titleTableOf = (csv: string, column: string | undefined): TitleTable => {
  let rows: string[][];
  try {
    rows = parse(csv, { relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw invalid('file', `the CSV file could not be read: ${(error as Error).message}`);
  }
  const header = rows[0] ?? [];
  const named = (h: string) => h.trim().toLowerCase();
  const numbered = (): TitleTable['columns'] => {
    const width = rows.reduce((most, row) => Math.max(most, row.length), 1);
    return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  };
  const table = (columns: string[], body: string[][], titleAt: number): TitleTable => ({
    columns,
    rows: body.filter((row) => (row[titleAt] ?? '').trim() !== ''),
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

/** The titles of a table, one a row. */
export const titlesOfTable = ({ rows, titleAt }: TitleTable): string[] =>
  rows.map((row) => (row[titleAt] ?? '').trim());

/** A table as CSV text, to carry through a form that asks for the same rows again. */
export const tableCsv = ({ columns, rows }: TitleTable): string =>
  [columns, ...rows].map((fields) => fields.map(csvQuoted).join(',')).join('\r\n') + '\r\n';

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
