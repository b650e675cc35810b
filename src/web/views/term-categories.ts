import { termCategories, type TermCategory } from '../../domain/index.js';

/** Plural headings of term categories; a new category without a heading fails to compile. */
const categoryHeadings: Record<TermCategory, string> = {
  concept: 'Concepts',
  practice: 'Practices',
  language: 'Programming languages',
  framework: 'Frameworks',
  library: 'Libraries',
  database: 'Databases',
  cloud: 'Cloud',
  platform: 'Platforms',
  tool: 'Tools',
  protocol: 'Protocols',
  data: 'Data',
  security: 'Security',
  design: 'Design',
  role: 'Roles and teams',
};

const isCategory = (value: string): value is TermCategory =>
  (termCategories as readonly string[]).includes(value);

export const categoryHeading = (category: string): string =>
  isCategory(category) ? categoryHeadings[category] : 'Other terms';

/** Categories in the domain's order, unknown ones last. */
export const categoryRank = (category: string): number =>
  isCategory(category) ? termCategories.indexOf(category) : termCategories.length;
