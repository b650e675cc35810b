import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, notFound, textRuleProblem, validationError } from '../domain/index.js';
import {
  addAuditEntry,
  findApiKeyByHash,
  insertApiKey,
  listApiKeys as listApiKeyRows,
  revokeApiKey as revokeApiKeyRow,
  touchApiKey,
  type ApiKeyRecord,
} from '../store/index.js';
import { authorize } from './authorize.js';
import { now, type Actor, type Scope, type ServiceContext } from './context.js';

const KEY_PREFIX = 'rbk_';

// Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
const hashKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export interface CreatedApiKey {
  key: ApiKeyRecord;
  /** The secret, shown once; only its hash is stored. */
  secret: string;
}

export const createApiKey = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
  scopes: Scope[],
): Promise<CreatedApiKey> => {
  const who = authorize(actor, 'admin');
  const problem = name.trim() === '' ? 'is empty' : textRuleProblem(name);
  if (problem) {
    throw validationError(`The key's name ${problem}.`, [{ field: 'name', message: problem }]);
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
  };
  await ctx.store.db.transaction().execute(async (trx) => {
    await insertApiKey(trx, { ...key, hash: hashKey(secret) });
    await addAuditEntry(trx, {
      at: key.createdAt,
      actor: who.id,
      action: 'key.create',
      target: key.id,
      detail: { name, scopes },
    });
  });
  return { key, secret };
};

export const listApiKeys = (
  ctx: ServiceContext,
  actor: Actor | undefined,
): Promise<ApiKeyRecord[]> => {
  authorize(actor, 'admin');
  return listApiKeyRows(ctx.store.db);
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

/** The actor behind a presented secret, or `unauthorized`. */
export const authenticate = async (ctx: ServiceContext, secret: string): Promise<Actor> => {
  const key = secret.startsWith(KEY_PREFIX)
    ? await findApiKeyByHash(ctx.store.db, hashKey(secret))
    : undefined;
  if (!key || key.revokedAt) throw new AppError('unauthorized', 'The API key is not valid.');
  await touchApiKey(ctx.store.db, key.id, now(ctx));
  return { id: `key:${key.name}:${key.prefix}`, kind: 'key', scopes: key.scopes as Scope[] };
};
