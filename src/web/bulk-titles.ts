import { Readable } from 'node:stream';
import { AppError, type ErrorCode } from '../domain/index.js';
import { type CsvRow, openCsvTitles } from '../services/index.js';
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

const tooManyTitles = (count: string) =>
  invalid('titles', `${count} titles were sent; one request takes at most ${MAX_FORM_TITLES}`);

/** The titles of a pasted list: one a line, blank lines left out. */
export const titlesOfList = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** How much of a file the CSV reader is handed at once. */
const CSV_SLICE_BYTES = 16 * 1024;

/**
 * A CSV file held in memory as a stream of small slices. Handed over whole, the reader parses
 * every row of it before the first is taken: a million blank lines held every other request
 * for twenty seconds, although reading stops at the first row a page cannot show.
 */
export const csvStream = (csv: string): Readable => {
  const bytes = Buffer.from(csv);
  return Readable.from(
    (function* slices() {
      for (let at = 0; at < bytes.length; at += CSV_SLICE_BYTES) {
        yield bytes.subarray(at, at + CSV_SLICE_BYTES);
      }
    })(),
  );
};

/**
 * The rows of a CSV file, every cell kept, with its header and which column holds the titles.
 * A row that cannot be read keeps its place.
 */
export interface TitleTable {
  columns: string[];
  rows: CsvRow[];
  titleAt: number;
  /** The lines above the header, left out. */
  skipped: string[];
}

/**
 * Reads a CSV file as the API reads an upload (see openCsvTitles): the title column is the one
 * named, by its header in any case, or with none named the one whose header names job titles;
 * a file where none does is refused. Every row is kept, up to one that ends the reading.
 * @example (await titleTableOf('id,title\n1,Sr Dev\n', 'title')).rows // [{ cells: ['1', 'Sr Dev'] }]
 */
export const titleTableOf = async (
  csv: string,
  column: string | undefined,
): Promise<TitleTable> => {
  const { header, titleAt, rows, skipped } = await openCsvTitles(csvStream(csv), column);
  const body: CsvRow[] = [];
  for (let next = await rows.next(); next.done !== true; next = await rows.next()) {
    body.push(next.value);
    // Refused at the first row a page cannot show: 5 MiB of blank lines, read to their end,
    // held every other request for five minutes.
    if (body.length > MAX_FORM_TITLES) throw tooManyTitles(`more than ${MAX_FORM_TITLES}`);
    if ('problem' in next.value && next.value.ends) break;
  }
  return { columns: header, rows: body, titleAt, skipped };
};

/** The titles of a table, one a readable row. */
export const titlesOfTable = ({ rows, titleAt }: TitleTable): string[] =>
  rows.flatMap((row) => ('cells' in row ? [(row.cells[titleAt] ?? '').trim()] : []));

/** The titles of a batch, refused when there are none or more than one page shows. */
export const checkedTitles = (titles: string[]): string[] => {
  if (titles.length === 0) throw invalid('titles', 'no title was given');
  if (titles.length > MAX_FORM_TITLES) throw tooManyTitles(String(titles.length));
  return titles;
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
        matchedTechnology?: string;
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
            ...(best.matchedTechnology !== undefined
              ? { matchedTechnology: best.matchedTechnology }
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
