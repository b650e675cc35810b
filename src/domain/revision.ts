export type EntityKind = 'role' | 'term' | 'taxonomy';
export type RevisionAction =
  'create' | 'update' | 'delete' | 'revert' | 'import' | 'publish' | 'unpublish';

/** One change to one entity: who, when, and the document before and after. */
export interface Revision<T = unknown> {
  id: number;
  entity: EntityKind;
  /** `taxonomy/code` for roles, the slug for terms, the id for taxonomies. */
  key: string;
  version: number;
  action: RevisionAction;
  actor: string;
  at: string;
  before: T | null;
  after: T | null;
}

export const roleKey = (taxonomy: string, code: string): string => `${taxonomy}/${code}`;
