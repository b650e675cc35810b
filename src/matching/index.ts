export { TitleIndex, titleSourceOf } from './title-index.js';
export { parseTitle, MAX_TITLE_LENGTH } from './title-parser.js';
export type { ParsedTitle } from './title-parser.js';
export { normalizeTitleText } from './text-normalizer.js';
export { DEFAULT_MIN_SCORE } from './calibration.js';
export type { MatchOptions, TitleMatch, TitleMatchResult, TitleSource } from './match.types.js';
