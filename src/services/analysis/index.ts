export { analyzeText, diagnoseProblems, readableText } from './analysis.service.js';
export type { Library } from './library-snapshot.js';
