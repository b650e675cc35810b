import { describe, expect, it } from 'vitest';
import { defaultServerLimits, loadConfig } from '../src/config.js';

describe('account settings', () => {
  it('ends sessions after 30 min unused and 12 h in all unless told otherwise', () => {
    const { limits } = loadConfig({});
    expect([limits.sessionIdleMs, limits.sessionLifetimeMs]).toEqual([1_800_000, 43_200_000]);
  });

  it('reads the session lengths and the sign-in throttle from the environment', () => {
    const { limits } = loadConfig({
      SESSION_IDLE_MS: '600000',
      SESSION_LIFETIME_MS: '3600000',
      SIGN_IN_FAILURES_PER_ACCOUNT: '3',
      SIGN_IN_FAILURES_PER_ACCOUNT_TOTAL: '30',
      SIGN_IN_FAILURES_PER_ADDRESS: '10',
      SIGN_IN_LOCKOUT_MS: '60000',
    });
    expect(limits).toMatchObject({
      sessionIdleMs: 600_000,
      sessionLifetimeMs: 3_600_000,
      signInFailuresPerAccount: 3,
      signInFailuresPerAccountTotal: 30,
      signInFailuresPerAddress: 10,
      signInLockoutMs: 60_000,
    });
  });

  it('refuses a session shorter than a minute, naming the setting', () => {
    expect(() => loadConfig({ SESSION_IDLE_MS: '5' })).toThrow(/sessionIdleMs/);
  });

  it('pauses an account at one address after 5 failures, everywhere after 50, and an address after 20 by default', () => {
    expect(defaultServerLimits).toMatchObject({
      signInFailuresPerAccount: 5,
      signInFailuresPerAccountTotal: 50,
      signInFailuresPerAddress: 20,
    });
  });
});

describe('the proxies trusted to say whom they forward for', () => {
  it('trusts none unless told', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('reads TRUST_PROXY=true as one proxy in front', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
  });

  it('reads a number as that many proxies in front', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('reads a comma-separated list as the addresses and ranges of the proxies', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it.each(['yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1,'])(
    'refuses TRUST_PROXY=%s at start, naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});
