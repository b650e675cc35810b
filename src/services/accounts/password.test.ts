import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('accepts the password that was hashed', async () => {
    const stored = await hashPassword('a long and winding passphrase');
    await expect(verifyPassword('a long and winding passphrase', stored)).resolves.toBe(true);
  });

  it('refuses any other password', async () => {
    const stored = await hashPassword('a long and winding passphrase');
    await expect(verifyPassword('a long and winding passphrasE', stored)).resolves.toBe(false);
  });

  it('stores scrypt with N = 2^15, r = 8, p = 1 beside the salt', async () => {
    const [scheme, n, r, p, salt] = (await hashPassword('passphrase')).split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
  });

  it('salts each hash, so one password hashed twice differs', async () => {
    expect(await hashPassword('same words')).not.toBe(await hashPassword('same words'));
  });

  it('checks a hash at the cost stored with it', async () => {
    const stored = await hashPassword('passphrase');
    const [, , , , salt, key] = stored.split('$');
    // The same key cannot verify once the stored cost says something else.
    await expect(verifyPassword('passphrase', `scrypt$16384$8$1$${salt}$${key}`)).resolves.toBe(
      false,
    );
  });

  it('treats a composed and a decomposed accent as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait, bien s\u00fbr');
    await expect(verifyPassword('cafe\u0301 au lait, bien su\u0302r', stored)).resolves.toBe(true);
  });

  it('refuses against a stored value that is not a hash it knows', async () => {
    await expect(verifyPassword('passphrase', 'plain text')).resolves.toBe(false);
  });
});
