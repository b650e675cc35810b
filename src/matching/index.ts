export { indexFormat } from './index-snapshot.js';
export { isPlace } from './places.js';
export { TitleIndex, titleSourceOf } from './title-index.js';
export type { ParsedTitle } from './title-parser.js';
export type { MatchOptions, TitleMatch, TitleMatchResult, TitleSource } from './match.types.js';
/** @public bench/normalize/run.ts reads it from the built engine in dist. */
export { DEFAULT_MIN_SCORE } from './calibration.js';
