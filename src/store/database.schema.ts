import type { ColumnType, Generated, Selectable } from 'kysely';

/** Every table, as the database holds it. Documents are JSON text in both stores. */
export interface Database {
  taxonomies: TaxonomyTable;
  roles: RoleTable;
  role_titles: RoleTitleTable;
  role_title_claims: RoleTitleClaimTable;
  terms: TermTable;
  revisions: RevisionTable;
  pending_drafts: PendingDraftTable;
  api_keys: ApiKeyTable;
  audit_log: AuditTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  meta: MetaTable;
  normalize_jobs: NormalizeJobTable;
  normalize_job_chunks: NormalizeJobChunkTable;
}

export interface TaxonomyTable {
  id: string;
  name: string;
  /** `singular` or `plural`: the grammatical number of the taxonomy's role names. */
  role_name_number: string;
  /** The rest of the taxonomy's description, without its role name number. */
  data: string;
  created_at: string;
  updated_at: string;
}

export interface RoleTable {
  taxonomy: string;
  code: string;
  name: string;
  status: string;
  data: string;
  /** The code the taxonomy's source publishes beside the key (ESCO's `2512.4`), if any. */
  occupation_code: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One row per name and alternative title, folded for search and uniqueness checks. */
export interface RoleTitleTable {
  taxonomy: string;
  code: string;
  title: string;
  folded: string;
}

/**
 * The one role that owns each folded title of a taxonomy whose titles are exclusive: its key,
 * (taxonomy, folded), lets the database refuse a second owner whoever races.
 */
export interface RoleTitleClaimTable {
  taxonomy: string;
  folded: string;
  code: string;
}

export interface TermTable {
  slug: string;
  name: string;
  category: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RevisionTable {
  id: Generated<number>;
  entity: string;
  key: string;
  version: number;
  action: string;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
}

/** The one pending draft of a role or term, keyed as its revisions are. */
export interface PendingDraftTable {
  entity: string;
  key: string;
  /** The stored version the draft was edited from. */
  base_version: number;
  /** The draft's own version, for compare-and-set. */
  version: number;
  data: string;
  author: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  expires_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  request_id: string | null;
  detail: ColumnType<string, string | undefined, string>;
}

/** A person who signs in to the site; `role` is admin, editor or viewer. */
export interface UserTable {
  id: string;
  /** The name they sign in with, in lower case: one account per name, whatever the case typed. */
  name: string;
  role: string;
  /** The scrypt hash with its salt and cost parameters, so they can change later. */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** A signed-in browser: only the SHA-256 of its cookie's secret is kept. */
export interface SessionTable {
  hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

/** Failed sign-ins of one account (`name:…`) or one address (`address:…`), in one window. */
export interface SignInFailureTable {
  subject: string;
  failures: number;
  first_at: string;
  blocked_until: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

/**
 * A bulk normalize job. `state` is receiving (its upload still arriving), queued, running,
 * succeeded, failed or cancelled; the lease says which instance runs it and until when.
 */
export interface NormalizeJobTable {
  id: string;
  /** Who made it (`key:…`, `user:…`, `cli:…`): nobody else sees it. */
  owner: string;
  state: string;
  /** How its upload was written: ndjson, text or csv. */
  format: string;
  /** The normalize options, as JSON. */
  options: string;
  /** A CSV upload's header, separator and the lines skipped above the header, as JSON. */
  csv: string | null;
  lines: number;
  bytes: number;
  answered: number;
  refused: number;
  error: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** When the job and its results are deleted; null while it waits or runs. */
  expires_at: string | null;
}

/** A run of a job's lines: their titles (JSON), a CSV upload's cells, and the answers (NDJSON). */
export interface NormalizeJobChunkTable {
  job_id: string;
  seq: number;
  input: string;
  cells: string | null;
  output: string | null;
}

export type NormalizeJobRow = Selectable<NormalizeJobTable>;
export type RoleRow = Selectable<RoleTable>;
export type TermRow = Selectable<TermTable>;
export type TaxonomyRow = Selectable<TaxonomyTable>;
export type RevisionRow = Selectable<RevisionTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;
export type UserRow = Selectable<UserTable>;
