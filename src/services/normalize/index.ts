export {
  normalizeBatch,
  normalizeItem,
  normalizeLine,
  normalizeLines,
  normalizeTitle,
  type NormalizeItem,
  type NormalizeOptions,
} from './normalize.service.js';
export { RoleTitleIndex } from './role-title-index.js';
export { normalizeStream, type StreamOptions } from './title-worker-pool.js';
export {
  MAX_LINE_BYTES,
  readLines,
  titleOfLine,
  type InputLine,
  type LineFormat,
  type TitleLine,
} from './title-lines.js';
