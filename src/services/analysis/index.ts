export {
  analyzeText,
  diagnoseProblems,
  readableText,
  wordDocumentText,
} from './analysis.service.js';
export type { Library } from './library-snapshot.js';
