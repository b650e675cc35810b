export {
  normalizeBatch,
  normalizeLines,
  normalizeTitle,
  requireTaxonomy,
  type NormalizeItem,
  type NormalizeOptions,
} from './normalize.service.js';
export { normalizeStream, type StreamOptions } from './title-worker-pool.js';
export {
  MAX_LINE_BYTES,
  readLines,
  type InputLine,
  type LineFormat,
  type TitleLine,
} from './title-lines.js';
export { publishedTitleSources } from './role-title-index.js';
export {
  DEFAULT_TITLE_COLUMN,
  normalizeCsv,
  normalizeCsvOnce,
  openCsvTitles,
} from './csv-titles.js';
