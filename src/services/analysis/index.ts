export { analyzeText, diagnoseProblems } from './analysis.service.js';
export { LibrarySnapshot, type Library } from './library-snapshot.js';
