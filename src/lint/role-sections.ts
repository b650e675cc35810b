import { BUILT_IN_TAXONOMY, type RoleContent } from '../domain/index.js';

export type RoleSection = keyof Pick<
  RoleContent,
  | 'summary'
  | 'alternativeTitles'
  | 'responsibilities'
  | 'benefits'
  | 'signs'
  | 'terms'
  | 'skills'
  | 'technologies'
  | 'relatedRoles'
  | 'links'
>;

/** Every section a full guide has, in reading order. */
export const roleSections: readonly RoleSection[] = [
  'summary',
  'alternativeTitles',
  'responsibilities',
  'benefits',
  'signs',
  'terms',
  'skills',
  'technologies',
  'relatedRoles',
  'links',
];

/**
 * The sections a role of a taxonomy must have: every one for the curated library; none for an
 * imported taxonomy, whose guides show what the source gives.
 * @example requiredSectionsOf('onet') // []
 */
export const requiredSectionsOf = (taxonomy: string): readonly RoleSection[] =>
  taxonomy === BUILT_IN_TAXONOMY ? roleSections : [];

export const sectionIsMissing = (content: RoleContent, section: RoleSection): boolean => {
  const value = content[section];
  return typeof value === 'string' ? value.trim() === '' : value.length === 0;
};
