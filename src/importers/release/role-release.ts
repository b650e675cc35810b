import type { RoleContent, TaxonomyInput } from '../../domain/index.js';

/** One role read from a published release, ready to be written. */
export interface ImportedRole {
  taxonomy: string;
  code: string;
  content: RoleContent;
}

export type KeptField =
  'alternativeTitles' | 'skills' | 'technologies' | 'relatedRoles' | 'responsibilities';

/** Something in the source that was left out or cut short, without failing the import. */
export interface ImportNote {
  file: string;
  line?: number;
  /** The role concerned, when there is one. */
  code?: string;
  message: string;
}

/**
 * A release opened and checked, ready to stream. `roles()` reads the files again on each call,
 * so it can be iterated more than once; `notes` fills while it runs.
 */
export interface RoleRelease {
  taxonomy: TaxonomyInput;
  /** How many roles `roles()` yields, known before reading them (for a progress bar). */
  total: number;
  roles(): AsyncIterable<ImportedRole>;
  /**
   * Fields the release does not carry this time (an optional file left out): a role already
   * stored keeps what it has in them.
   */
  kept?: readonly KeptField[];
  readonly notes: readonly ImportNote[];
}
