import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.schema.js';

/** What a repository function runs against: the store's connection or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
