export { analyzeText, diagnoseProblems } from './analysis.service.js';
export type { Library } from './library-snapshot.js';
