import { randomUUID } from 'node:crypto';
import { AppError, notFound, validationError } from '../../domain/index.js';
import {
  addAuditEntry,
  deleteSessionsOf,
  findUserByName,
  insertUser,
  listUsers as listUserRows,
  updateUser,
  type UserRecord,
} from '../../store/index.js';
import { authorize } from '../authorize.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import { hashPassword } from './password.js';
import { isUserRole, USER_ROLES, type UserRole } from './user-roles.js';

/** Names are what people sign in with: a login or an email address, any case. */
const NAME = /^[a-z0-9][a-z0-9._@+-]{0,63}$/;
/** Long enough to resist guessing; the ceiling keeps one sign-in from costing the server much. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

export interface NewUser {
  name: string;
  password: string;
  role: string;
}

/** A name as stored and looked up: one account per name, whatever its case. */
export const foldUserName = (name: string): string => name.trim().toLowerCase();

const checkName = (name: string): string => {
  const folded = foldUserName(name);
  if (!NAME.test(folded)) {
    throw validationError('A user name is 1 to 64 letters, digits and . _ @ + -.', [
      { field: 'name', message: 'not a user name' },
    ]);
  }
  return folded;
};

const checkRole = (role: string): UserRole => {
  if (!isUserRole(role)) {
    throw validationError(`A user's role is one of ${USER_ROLES.join(', ')}.`, [
      { field: 'role', message: `"${role}" is not a role` },
    ]);
  }
  return role;
};

const checkPassword = (password: string): void => {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    throw validationError(
      `A password is ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long.`,
      [{ field: 'password', message: `${length} characters` }],
    );
  }
};

/** A new account; only an admin may make one. */
export const createUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  input: NewUser,
): Promise<UserRecord> => {
  const who = authorize(actor, 'admin');
  const name = checkName(input.name);
  const role = checkRole(input.role);
  checkPassword(input.password);
  if (await findUserByName(ctx.store.db, name)) {
    throw new AppError('conflict', `There is already a user named ${name}.`, [
      { field: 'name', message: 'taken' },
    ]);
  }
  const user: UserRecord = { id: randomUUID(), name, role, createdAt: now(ctx), disabledAt: null };
  const passwordHash = await hashPassword(input.password);
  await ctx.store.db.transaction().execute(async (trx) => {
    await insertUser(trx, { ...user, passwordHash });
    await addAuditEntry(trx, {
      at: user.createdAt,
      actor: who.id,
      action: 'user.create',
      target: user.id,
      detail: { name, role },
    });
  });
  return user;
};

export const listUsers = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
): Promise<UserRecord[]> => {
  authorize(actor, 'admin');
  return listUserRows(ctx.store.db);
};

const existing = async (ctx: ServiceContext, name: string) => {
  const user = await findUserByName(ctx.store.db, foldUserName(name));
  if (!user) throw notFound(`User ${name}`);
  return user;
};

/** Stops a user signing in, and ends every session they have. */
export const disableUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
): Promise<void> => {
  const who = authorize(actor, 'admin');
  const user = await existing(ctx, name);
  await ctx.store.db.transaction().execute(async (trx) => {
    const at = now(ctx);
    await updateUser(trx, user.id, { disabledAt: user.disabledAt ?? at });
    const ended = await deleteSessionsOf(trx, user.id);
    await addAuditEntry(trx, {
      at,
      actor: who.id,
      action: 'user.disable',
      target: user.id,
      detail: { name: user.name, sessionsEnded: ended },
    });
  });
};

/** Gives a user another role; it holds from their next request on. */
export const setUserRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
  role: string,
): Promise<void> => {
  const who = authorize(actor, 'admin');
  const next = checkRole(role);
  const user = await existing(ctx, name);
  await ctx.store.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { role: next });
    await addAuditEntry(trx, {
      at: now(ctx),
      actor: who.id,
      action: 'user.role',
      target: user.id,
      detail: { name: user.name, from: user.role, to: next },
    });
  });
};
