export {
  normalizeBatch,
  normalizeLines,
  normalizeTitle,
  requireTaxonomy,
} from './normalize.service.js';
export type { NormalizeItem, NormalizeOptions } from './normalize-line.js';
export { normalizeStream, type StreamOptions } from './title-worker-pool.js';
export {
  MAX_LINE_BYTES,
  readLines,
  titleOfLine,
  type InputLine,
  type LineFormat,
  type TitleLine,
} from './title-lines.js';
export { titleIndexSnapshot } from './title-snapshot.js';
export {
  type CsvRow,
  type CsvTitles,
  RESULT_COLUMN_RULE,
  TITLE_COLUMN_RULE,
  csvHeaderLine,
  csvResultLine,
  normalizeCsv,
  normalizeCsvOnce,
  openCsvTitles,
  titleListTable,
} from './csv-titles.js';
export { SKIPPED_LINES_HEADER, skippedLinesNote } from './csv-header.js';
