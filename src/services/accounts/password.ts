import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt's cost for every password stored: N = 2^15, r = 8, p = 1 takes 32 MiB and about 0.1 s
 * a hash, the figures recommended for interactive sign-in. They are stored with each hash, so
 * raising them later leaves old hashes checkable. Only the test suite asks for less
 * (OpenOptions.passwordCost), where a hundred accounts would otherwise take ten CPU-seconds.
 */
export const PASSWORD_COST: PasswordCost = { N: 2 ** 15, r: 8, p: 1 };

/** scrypt's cost parameters: memory and time grow with N and r, p runs that many in turn. */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}
const KEY_BYTES = 32;
const SALT_BYTES = 16;

const derive = (password: string, salt: Buffer, cost: PasswordCost) =>
  new Promise<Buffer>((resolve, reject) => {
    // scrypt needs 128 · N · r bytes; the default ceiling (32 MiB) is just short of that.
    const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/**
 * A password's hash with its own salt and the cost it was made at.
 * @example await hashPassword('correct horse battery staple') // 'scrypt$32768$8$1$…$…'
 */
export const hashPassword = async (
  password: string,
  cost: PasswordCost = PASSWORD_COST,
): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
};

/** Whether the password is the one hashed; compared in constant time. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/**
 * A hash no password matches, checked when the account named does not exist, so that a
 * sign-in takes as long whether it does or not.
 */
export const decoyHash = (cost: PasswordCost = PASSWORD_COST): Promise<string> =>
  hashPassword(randomBytes(32).toString('base64'), cost);
