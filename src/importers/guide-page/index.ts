export {
  parseGuidePage,
  type GuidePageImport,
  type GuidePageOptions,
} from './guide-page.parser.js';
export { readGuidePage } from './guide-page.reader.js';
export type { PageTerm } from './page-items.js';
