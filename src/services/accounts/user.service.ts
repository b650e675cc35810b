import { randomUUID } from 'node:crypto';
import { AppError, notFound, validationError } from '../../domain/index.js';
import {
  addAuditEntry,
  deleteSessionsOf,
  findUserByName,
  insertUser,
  listUsers as listUserRows,
  lockEnabledAdmins,
  updateUser,
  type UserRecord,
} from '../../store/index.js';
import { authorize } from '../authorize.js';
import { now, type Actor, type ServiceContext } from '../context.js';
import { pageOf, type Page, type PageRequest } from '../pagination.js';
import { hashPassword } from './password.js';
import { isUserRole, USER_ROLES, type UserRole } from './user-roles.js';

/**
 * Names are what people sign in with: a login or an email address, any case. Only ASCII, so that
 * no two accounts differ by a letter that looks like another (Cyrillic "а" beside Latin "a").
 */
const NAME = /^[a-z0-9][a-z0-9._@+-]{0,63}$/;
const NAME_CHARACTER = /[a-z0-9._@+-]/;
const NAME_RULE =
  'A user name is 1 to 64 characters: the letters a to z (in either case), the digits 0 to 9 and . _ @ + -, beginning with a letter or digit.';
/** Long enough to resist guessing; the ceiling keeps one sign-in from costing the server much. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

export interface NewUser {
  name: string;
  password: string;
  role: string;
}

/** A name as stored and looked up: one account per name, whatever its case. */
export const foldUserName = (name: string): string => name.trim().toLowerCase();

/** What is wrong with a folded name that the rule refuses, as a writer would fix it. */
const nameFault = (folded: string): string => {
  const characters = [...folded];
  const foreign = characters.find((c) => !NAME_CHARACTER.test(c));
  if (foreign !== undefined) return `holds ${JSON.stringify(foreign)}, which a user name cannot`;
  if (characters.length === 0) return 'is empty';
  if (characters.length > 64) return `is ${characters.length} characters long`;
  return `begins with ${JSON.stringify(characters[0])}`;
};

const checkName = (name: string): string => {
  const folded = foldUserName(name);
  if (!NAME.test(folded)) {
    throw validationError(NAME_RULE, [{ field: 'name', message: nameFault(folded) }]);
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

/** A password of this many different characters or fewer is a pattern, however long. */
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * Beside its length, a password must not be guessable from the account (NIST SP 800-63B asks
 * for a check against context words): not blank, not a run of a few characters repeated
 * ("aaaaaaaaaaaa", "abcabcabcabc"), not the user's name.
 */
const checkPassword = (password: string, name: string): void => {
  const characters = [...password];
  const refuse = (message: string) => validationError(message, [{ field: 'password', message }]);
  if (characters.length < PASSWORD_LENGTH.min || characters.length > PASSWORD_LENGTH.max) {
    throw validationError(
      `A password is ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long.`,
      [{ field: 'password', message: `${characters.length} characters` }],
    );
  }
  if (password.trim() === '') throw refuse('A password cannot be only spaces.');
  if (new Set(characters.map((c) => c.toLowerCase())).size < MIN_DISTINCT_CHARACTERS) {
    throw refuse(
      `A password needs at least ${MIN_DISTINCT_CHARACTERS} different characters, not a few repeated.`,
    );
  }
  if (name.length >= 3 && password.toLowerCase().includes(name.toLowerCase())) {
    throw refuse('A password cannot contain the user name.');
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
  checkPassword(input.password, name);
  if (await findUserByName(ctx.store.db, name)) {
    throw new AppError('conflict', `There is already a user named ${name}.`, [
      { field: 'name', message: 'taken' },
    ]);
  }
  const user: UserRecord = { id: randomUUID(), name, role, createdAt: now(ctx), disabledAt: null };
  const passwordHash = await hashPassword(input.password, ctx.passwordCost);
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
  request: PageRequest,
): Promise<Page<UserRecord>> => {
  authorize(actor, 'admin');
  const page = pageOf(request);
  return { ...(await listUserRows(ctx.store.db, page)), ...page };
};

type UserChanges = Partial<Pick<UserRecord, 'role' | 'disabledAt'>>;

interface UserChange {
  /** The audit log's name for it: `user.role`, `user.disable`. */
  action: string;
  changes: (user: UserRecord, at: string) => UserChanges;
  detail: (user: UserRecord) => Record<string, unknown>;
}

const lastAdmin = (name: string) =>
  new AppError(
    'conflict',
    `${name} is the last enabled admin; make another user admin first, so that someone can still manage users.`,
    [{ field: 'name', message: 'the last enabled admin' }],
  );

/**
 * Changes one user, in one transaction with its audit entry. A change that would leave no
 * enabled admin is refused, whoever asks (the site, the API, the command line): the enabled
 * admins are locked first, so two admins taking each other's role at once cannot both succeed.
 * A user who cannot sign in keeps no session.
 */
const changeUser = async (
  ctx: ServiceContext,
  who: Actor,
  name: string,
  change: UserChange,
): Promise<UserRecord> =>
  ctx.store.db.transaction().execute(async (trx) => {
    const admins = await lockEnabledAdmins(trx);
    const stored = await findUserByName(trx, foldUserName(name));
    if (!stored) throw notFound(`User ${name}`);
    const { passwordHash: _hash, ...user } = stored;
    const at = now(ctx);
    const next = { ...user, ...change.changes(user, at) };
    const staysAdmin = next.role === 'admin' && next.disabledAt === null;
    if (!staysAdmin && admins.length === 1 && admins[0] === user.id) throw lastAdmin(user.name);
    await updateUser(trx, user.id, { role: next.role, disabledAt: next.disabledAt });
    const ended = next.disabledAt === null ? 0 : await deleteSessionsOf(trx, user.id);
    await addAuditEntry(trx, {
      at,
      actor: who.id,
      action: change.action,
      target: user.id,
      detail: {
        name: user.name,
        ...change.detail(user),
        ...(next.disabledAt === null ? {} : { sessionsEnded: ended }),
      },
    });
    return next;
  });

/** Stops a user signing in, and ends every session they have; never the last enabled admin. */
export const disableUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
): Promise<UserRecord> =>
  changeUser(ctx, authorize(actor, 'admin'), name, {
    action: 'user.disable',
    changes: (user, at) => ({ disabledAt: user.disabledAt ?? at }),
    detail: () => ({}),
  });

/** Lets a disabled user sign in again, with the role they had. */
export const enableUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
): Promise<UserRecord> =>
  changeUser(ctx, authorize(actor, 'admin'), name, {
    action: 'user.enable',
    changes: () => ({ disabledAt: null }),
    detail: (user) => ({ disabledSince: user.disabledAt }),
  });

/**
 * Gives a user another role; it holds from their next request on. The last enabled admin keeps
 * theirs.
 */
export const setUserRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
  role: string,
): Promise<UserRecord> => {
  const who = authorize(actor, 'admin');
  const next = checkRole(role);
  return changeUser(ctx, who, name, {
    action: 'user.role',
    changes: () => ({ role: next }),
    detail: (user) => ({ from: user.role, to: next }),
  });
};

/** The user of that name, for an admin. */
export const getUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
): Promise<UserRecord> => {
  authorize(actor, 'admin');
  const stored = await findUserByName(ctx.store.db, foldUserName(name));
  if (!stored) throw notFound(`User ${name}`);
  const { passwordHash: _hash, ...user } = stored;
  return user;
};

/**
 * Ends every session a user has, on every browser, by an admin's hand (a lost laptop); they
 * may sign in again. How many ended.
 */
export const signOutUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  name: string,
): Promise<number> => {
  const who = authorize(actor, 'admin');
  return ctx.store.db.transaction().execute(async (trx) => {
    const user = await findUserByName(trx, foldUserName(name));
    if (!user) throw notFound(`User ${name}`);
    const ended = await deleteSessionsOf(trx, user.id);
    await addAuditEntry(trx, {
      at: now(ctx),
      actor: who.id,
      action: 'user.sign-out-everywhere',
      target: user.id,
      detail: { name: user.name, sessionsEnded: ended },
    });
    return ended;
  });
};
