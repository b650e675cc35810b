import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import { AppError, notFound, parse, textRuleProblem, validationError } from '../domain/index.js';
import {
  addAuditEntry,
  type AuditEntry,
  countActiveApiKeys,
  findApiKeyByHash,
  listAuditEntries,
  insertApiKey,
  listApiKeys as listApiKeyRows,
  revokeApiKey as revokeApiKeyRow,
  serializeWrites,
  touchApiKey,
  type ApiKeyRecord,
} from '../store/index.js';
import { authorize } from './authorize.js';
import { now, type Actor, type Scope, type ServiceContext } from './context.js';
import { pageOf, type Page, type PageRequest } from './pagination.js';

const KEY_PREFIX = 'rbk_';

/**
 * The most keys that may work at once. Each is one client or integration; past a few hundred
 * they are keys nobody tracks any more, each a secret that still opens the API.
 */
export const MAX_ACTIVE_API_KEYS = 200;

// Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
const hashKey = (secret: string): Buffer => createHash('sha256').update(secret).digest();

export interface CreatedApiKey {
  key: ApiKeyRecord;
  /** The secret, shown once; only its hash is stored. */
  secret: string;
}

export interface NewApiKey {
  name: string;
  scopes: Scope[];
  /** When it stops working; it never does without one. */
  expiresAt?: string | undefined;
}

/**
 * When a key stops working, as RFC 3339 writes it: the one rule for the API's body and the
 * command line alike. Date parsing would shift February 30 to March 2, take a year of six
 * digits that no date-time reader expects back, and call text that is no date "in the past".
 */
export const KeyExpirySchema = Type.String({ format: 'date-time' });
const ExpiryFieldSchema = Type.Object({ expiresAt: KeyExpirySchema });

export const createApiKey = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  { name, scopes, expiresAt }: NewApiKey,
): Promise<CreatedApiKey> => {
  const who = authorize(actor, 'admin');
  const problem = name.trim() === '' ? 'is empty' : textRuleProblem(name);
  if (problem) {
    throw validationError(`The key's name ${problem}.`, [{ field: 'name', message: problem }]);
  }
  const expiry =
    expiresAt === undefined ? null : new Date(parse(ExpiryFieldSchema, { expiresAt }).expiresAt);
  if (expiry && expiry <= ctx.clock()) {
    throw validationError('A key must expire at a moment still to come.', [
      { field: 'expiresAt', message: 'not a date-time in the future' },
    ]);
  }
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const key: ApiKeyRecord = {
    id: randomUUID(),
    name,
    prefix: secret.slice(0, KEY_PREFIX.length + 6),
    scopes,
    createdAt: now(ctx),
    revokedAt: null,
    lastUsedAt: null,
    expiresAt: expiry?.toISOString() ?? null,
  };
  await ctx.store.db.transaction().execute(async (trx) => {
    // No index can hold "at most N working keys": creates count and insert one at a time, or two
    // servers sharing the database would both count the last free place and both take it.
    await serializeWrites(trx, 'api-keys');
    if ((await countActiveApiKeys(trx, key.createdAt)) >= MAX_ACTIVE_API_KEYS) {
      throw new AppError(
        'conflict',
        `This site already has ${MAX_ACTIVE_API_KEYS} API keys that work, the most it keeps; revoke one that is no longer used first.`,
      );
    }
    await insertApiKey(trx, { ...key, hash: hashKey(secret).toString('hex') });
    await addAuditEntry(trx, {
      at: key.createdAt,
      actor: who.id,
      action: 'key.create',
      target: key.id,
      detail: { name, scopes, expiresAt: key.expiresAt },
    });
  });
  return { key, secret };
};

export const listApiKeys = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  request: PageRequest,
): Promise<Page<ApiKeyRecord>> => {
  authorize(actor, 'admin');
  const page = pageOf(request);
  return { ...(await listApiKeyRows(ctx.store.db, page)), ...page };
};

export const revokeApiKey = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  id: string,
): Promise<void> => {
  const who = authorize(actor, 'admin');
  await ctx.store.db.transaction().execute(async (trx) => {
    const at = now(ctx);
    if (!(await revokeApiKeyRow(trx, id, at))) throw notFound(`Active API key ${id}`);
    await addAuditEntry(trx, { at, actor: who.id, action: 'key.revoke', target: id });
  });
};

/** The audit log, newest first: every write, key made and key revoked, by whom. */
export const listAudit = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  request: PageRequest,
): Promise<Page<AuditEntry>> => {
  authorize(actor, 'admin');
  const page = pageOf(request);
  return { ...(await listAuditEntries(ctx.store.db, page)), ...page };
};

const refused = () => new AppError('unauthorized', 'The API key is not valid.');

/**
 * The actor behind a presented secret, or `unauthorized` for one unknown, revoked or expired.
 * The stored hash is found by its index, then compared in constant time all the same.
 */
export const authenticate = async (ctx: ServiceContext, secret: string): Promise<Actor> => {
  if (!secret.startsWith(KEY_PREFIX)) throw refused();
  const hash = hashKey(secret);
  const key = await findApiKeyByHash(ctx.store.db, hash.toString('hex'));
  if (!key || !timingSafeEqual(Buffer.from(key.hash, 'hex'), hash)) throw refused();
  const at = now(ctx);
  if (key.revokedAt || (key.expiresAt !== null && key.expiresAt <= at)) throw refused();
  // The last use is kept to the minute: a write per request would make every read a write.
  if (key.lastUsedAt === null || Date.parse(at) - Date.parse(key.lastUsedAt) >= 60_000) {
    await touchApiKey(ctx.store.db, key.id, at);
  }
  return { id: `key:${key.name}:${key.prefix}`, kind: 'key', scopes: key.scopes as Scope[] };
};
