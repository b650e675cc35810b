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

/**
 * What a revision names as its actor to a reader without the read scope. The real actor is an
 * account name (or a key's name and secret prefix), and a known account name is all it takes to
 * aim the all-addresses sign-in lockout at its owner, so the public history says only that a
 * change was made.
 */
export const HIDDEN_ACTOR = 'hidden';

export const roleKey = (taxonomy: string, code: string): string => `${taxonomy}/${code}`;
