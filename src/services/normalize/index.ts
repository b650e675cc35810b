export {
  normalizeBatch,
  normalizeItem,
  normalizeTitle,
  type NormalizeItem,
  type NormalizeOptions,
} from './normalize.service.js';
export { RoleTitleIndex } from './role-title-index.js';
export { normalizeStream, type StreamOptions } from './title-worker-pool.js';
