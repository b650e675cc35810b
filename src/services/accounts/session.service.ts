import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/index.js';
import {
  addAuditEntry,
  addSignInFailure,
  blockSignIns,
  clearSignInFailures,
  forgiveSignInFailure,
  deleteSession,
  deleteSessionsOf,
  findSession,
  findUserById,
  findUserByName,
  insertSession,
  serverSecret,
  signInBlockedUntil,
  touchSession,
  type UserRecord,
} from '../../store/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { decoyHash, verifyPassword } from './password.js';
import { foldUserName, PASSWORD_LENGTH } from './user.service.js';
import { userActor } from './user-roles.js';

/** How long a session lasts and how many wrong passwords are heard before a pause. */
export interface AccountPolicy {
  /** A session unused this long is over. */
  sessionIdleMs: number;
  /** A session is over this long after sign-in, however busy. */
  sessionLifetimeMs: number;
  /** Failed sign-ins of one account from one address within the lockout span before that pair is paused. */
  signInFailuresPerAccount: number;
  /**
   * Failed sign-ins of one account from all addresses before the account is paused: high, so
   * that anyone who knows a name cannot lock its owner out with a few requests, yet a guesser
   * spread over many addresses is still stopped.
   */
  signInFailuresPerAccountTotal: number;
  /** Failed sign-ins from one address within the lockout span before it is paused. */
  signInFailuresPerAddress: number;
  /** How long failures are remembered, and how long a pause lasts. */
  signInLockoutMs: number;
}

export interface SignInRequest {
  name: string;
  password: string;
  /** Where the attempt came from, for the per-address count. */
  address: string;
}

export interface SignedIn {
  /** The cookie's value, given once; only its hash is stored. */
  secret: string;
  user: UserRecord;
}

// Session secrets carry 256 random bits, so a fast hash is enough: there is nothing to guess.
const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

// Touching the session at most once a minute keeps reads from becoming writes.
const TOUCH_EVERY_MS = 60_000;

/** One decoy hash per context, made at its cost, so a missing account costs what a real one does. */
const decoys = new WeakMap<ServiceContext, Promise<string>>();

const wrongCredentials = () =>
  new AppError('unauthorized', 'That name and password do not match an account.');

const subjectsOf = (policy: AccountPolicy, request: SignInRequest) => {
  const name = foldUserName(request.name);
  return [
    { subject: `name:${name}`, max: policy.signInFailuresPerAccountTotal },
    { subject: `name-from:${name}@${request.address}`, max: policy.signInFailuresPerAccount },
    { subject: `address:${request.address}`, max: policy.signInFailuresPerAddress },
  ];
};

type Subject = { subject: string; max: number };

const pause = (seconds: number) =>
  new AppError('rate_limited', `Too many failed sign-ins; try again in ${seconds} s.`, [], {
    retryAfterSeconds: seconds,
  });

const refuseWhileBlocked = async (ctx: ServiceContext, subjects: Subject[]) => {
  const at = ctx.clock().getTime();
  for (const { subject } of subjects) {
    const until = await signInBlockedUntil(ctx.store.db, subject);
    const wait = until === null ? 0 : Date.parse(until) - at;
    if (wait > 0) throw pause(Math.ceil(wait / 1000));
  }
};

/**
 * Counts the attempt against each subject before its password is checked, so attempts sent
 * all at once cannot each slip under the limit; the numbers this attempt has.
 */
const countAttempt = async (ctx: ServiceContext, policy: AccountPolicy, subjects: Subject[]) => {
  const at = ctx.clock();
  const windowStart = new Date(at.getTime() - policy.signInLockoutMs).toISOString();
  const counts: number[] = [];
  for (const { subject } of subjects) {
    counts.push(await addSignInFailure(ctx.store.db, subject, at.toISOString(), windowStart));
  }
  return counts;
};

const blockAtLimit = async (
  ctx: ServiceContext,
  policy: AccountPolicy,
  subjects: Subject[],
  counts: number[],
) => {
  const until = new Date(ctx.clock().getTime() + policy.signInLockoutMs).toISOString();
  for (const [i, { subject, max }] of subjects.entries()) {
    if (counts[i]! >= max) await blockSignIns(ctx.store.db, subject, until);
  }
};

/**
 * Checks a name and password and opens a session. Whether the account is unknown, disabled or
 * the password wrong, the answer and the time it takes are the same: a password hash is
 * checked either way. Attempts are counted per account name from one address, per account
 * name from all, and per address; past any limit, sign-ins are refused unheard (`rate_limited`) until the pause ends.
 */
export const signIn = async (
  ctx: ServiceContext,
  policy: AccountPolicy,
  request: SignInRequest,
): Promise<SignedIn> => {
  const subjects = subjectsOf(policy, request);
  await refuseWhileBlocked(ctx, subjects);
  const counts = await countAttempt(ctx, policy, subjects);
  if (subjects.some(({ max }, i) => counts[i]! > max)) {
    await blockAtLimit(ctx, policy, subjects, counts);
    throw pause(Math.ceil(policy.signInLockoutMs / 1000));
  }
  const user = await findUserByName(ctx.store.db, foldUserName(request.name));
  const fits = [...request.password].length <= PASSWORD_LENGTH.max;
  let decoy = decoys.get(ctx);
  if (decoy === undefined) {
    decoy = decoyHash(ctx.passwordCost);
    decoys.set(ctx, decoy);
  }
  const matches =
    fits && (await verifyPassword(request.password, user?.passwordHash ?? (await decoy)));
  if (!user || user.disabledAt !== null || !matches) {
    await blockAtLimit(ctx, policy, subjects, counts);
    throw wrongCredentials();
  }
  const secret = randomBytes(32).toString('base64url');
  const at = ctx.clock().toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    const [account, accountFrom, address] = subjects;
    await clearSignInFailures(trx, account!.subject);
    await clearSignInFailures(trx, accountFrom!.subject);
    await forgiveSignInFailure(trx, address!.subject);
    await insertSession(trx, {
      hash: hashSecret(secret),
      userId: user.id,
      createdAt: at,
      lastSeenAt: at,
    });
    await addAuditEntry(trx, {
      at,
      actor: `user:${user.name}`,
      action: 'user.sign-in',
      target: user.id,
    });
  });
  const { passwordHash: _hash, ...shown } = user;
  return { secret, user: shown };
};

export interface SessionHolder {
  actor: Actor;
  user: UserRecord;
}

/**
 * The user behind a session cookie, or undefined when the session is unknown, over (idle or
 * past its lifetime) or its user disabled. A session found over is deleted.
 */
export const sessionUser = async (
  ctx: ServiceContext,
  policy: AccountPolicy,
  secret: string,
): Promise<SessionHolder | undefined> => {
  const hash = hashSecret(secret);
  const session = await findSession(ctx.store.db, hash);
  if (!session) return undefined;
  const at = ctx.clock().getTime();
  const over =
    at - Date.parse(session.createdAt) >= policy.sessionLifetimeMs ||
    at - Date.parse(session.lastSeenAt) >= policy.sessionIdleMs;
  if (over) {
    await deleteSession(ctx.store.db, hash);
    return undefined;
  }
  const user = await findUserById(ctx.store.db, session.userId);
  if (!user || user.disabledAt !== null) return undefined;
  if (at - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
    await touchSession(ctx.store.db, hash, new Date(at).toISOString());
  }
  const { passwordHash: _hash, ...shown } = user;
  return { actor: userActor(user), user: shown };
};

/** Ends the session of this cookie. */
export const signOut = async (ctx: ServiceContext, secret: string): Promise<void> => {
  await deleteSession(ctx.store.db, hashSecret(secret));
};

/** Ends every session of the user behind this cookie, on every browser; how many ended. */
export const signOutEverywhere = async (ctx: ServiceContext, secret: string): Promise<number> => {
  const session = await findSession(ctx.store.db, hashSecret(secret));
  if (!session) return 0;
  return ctx.store.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOf(trx, session.userId);
    const user = await findUserById(trx, session.userId);
    await addAuditEntry(trx, {
      at: ctx.clock().toISOString(),
      actor: user ? `user:${user.name}` : `user-id:${session.userId}`,
      action: 'user.sign-out-everywhere',
      target: session.userId,
      detail: { sessionsEnded: ended },
    });
    return ended;
  });
};

/**
 * What binds a form's CSRF token to the session it was shown in: a hash of the session cookie's
 * secret (`anonymous` without one). A token shown in one session is refused in any other, so a token
 * (or a token cookie) planted from elsewhere cannot be used against someone signed in.
 */
export const csrfBinding = (secret: string | undefined): string =>
  secret === undefined ? 'anonymous' : hashSecret(secret);

/** The key CSRF tokens are signed with, shared by every instance on the database. */
export const csrfKey = (ctx: ServiceContext): Promise<string> => serverSecret(ctx.store.db, 'csrf');
