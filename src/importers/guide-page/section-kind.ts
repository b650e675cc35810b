/** The sections of a role page the layout knows. */
export type SectionKind =
  | 'summary'
  | 'alternativeTitles'
  | 'responsibilities'
  | 'benefits'
  | 'signs'
  | 'skills'
  | 'terms'
  | 'links'
  | 'relatedRoles'
  | 'faq';
