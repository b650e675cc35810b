import { describe, expect, it } from 'vitest';
import { AppError } from '../src/domain/index.js';
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

  it('refuses a session shorter than a minute, naming the variable', () => {
    expect(() => loadConfig({ SESSION_IDLE_MS: '5' })).toThrow(
      'SESSION_IDLE_MS must be a whole number, 60000 or more; "5" is not one',
    );
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

describe('a setting the environment holds that cannot be used', () => {
  /** The refusal loadConfig throws for this environment. */
  const refusal = (env: NodeJS.ProcessEnv): AppError => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('the environment was accepted');
  };

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535; "abc" is not one'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535; "70000" is not one'],
    [{ PORT: '' }, 'PORT must be a whole number from 0 to 65535; "" is not one'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN must be at least 16 characters'],
    [
      { BODY_LIMIT_BYTES: '-5' },
      'BODY_LIMIT_BYTES must be a whole number, 1024 or more; "-5" is not one',
    ],
    [{ MAX_STREAMS: '1e3' }, 'MAX_STREAMS must be a whole number, 1 or more; "1e3" is not one'],
    [
      { HOST: 'bad host!' },
      'HOST must be an IP address or a host name of this machine; "bad host!" is neither',
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug'],
    [{ PUBLIC_URL: 'rolebook.example' }, 'PUBLIC_URL must be the URL the site is reached at'],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS must be a comma-separated list'],
    [{ DATABASE_URL: '' }, 'DATABASE_URL must not be empty'],
  ])('refuses %o once, in the name of the variable set', (env, message) => {
    const error = refusal(env);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(message);
    expect(error.details).toHaveLength(1);
    expect(error.details[0]!.field).toBe(Object.keys(env)[0]);
  });

  it('reports every variable that cannot be used at once, each once', () => {
    const error = refusal({ PORT: 'abc', METRICS_TOKEN: 'short', BODY_LIMIT_BYTES: '-5' });
    expect(error.message).toBe('3 environment variables cannot be used:');
    expect(error.details.map((d) => d.field)).toEqual([
      'PORT',
      'METRICS_TOKEN',
      'BODY_LIMIT_BYTES',
    ]);
  });

  it('reads whole numbers with spaces around them, as a shell file may leave', () => {
    expect(loadConfig({ PORT: ' 8080 ', MAX_STREAMS: '3' })).toMatchObject({
      port: 8080,
      limits: { streams: 3 },
    });
  });
});
