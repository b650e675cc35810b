import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { parse, validationError, type ProblemDetail } from './domain/index.js';

/** The folder holding package.json, from wherever this module was built to (one file or many). */
const findPackageRoot = (from: string): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
};

const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The release running, as package.json names it: what `--version` and the OpenAPI document say. */
export const productVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * What one client, one request and the whole server may take. Each is explicit so an operator
 * can read what a client meets (the README lists them) and size them to the machine.
 */
const ServerLimitsSchema = Type.Object({
  /** The largest buffered body (JSON, text); streamed NDJSON and text bodies are not buffered. */
  bodyBytes: Type.Integer({ minimum: 1024 }),
  /** A buffered body must arrive whole within this, or the request gets 408. */
  bodyTimeoutMs: Type.Integer({ minimum: 1 }),
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: Type.Integer({ minimum: 1 }),
  /** A connection on which nothing moves either way for this long is closed. */
  idleTimeoutMs: Type.Integer({ minimum: 1 }),
  /** The longest any request may take to arrive whole, streams included. */
  requestTimeoutMs: Type.Integer({ minimum: 1 }),
  /** Connections open at once; beyond it new ones are closed on arrival. */
  maxConnections: Type.Integer({ minimum: 1 }),
  /** Connections open at once from one address (0: no cap, for a server behind a proxy). */
  maxConnectionsPerAddress: Type.Integer({ minimum: 0 }),
  /** Streamed normalize requests one client may run at once. */
  streamsPerClient: Type.Integer({ minimum: 1 }),
  /** Streamed normalize requests the server runs at once. */
  streams: Type.Integer({ minimum: 1 }),
  /**
   * A streamed upload or a bulk job's upload still arriving must bring at least streamMinBytes in
   * every streamWindowMs, or its connection is closed: a client that trickles a byte now and then
   * holds a stream slot, or a job's queue place.
   */
  streamMinBytes: Type.Integer({ minimum: 0 }),
  streamWindowMs: Type.Integer({ minimum: 1 }),
  /**
   * An answer waiting on its reader must be read at least answerMinBytes in every
   * answerWindowMs (0: no minimum), or its connection is closed: a client that reads a long
   * answer a few bytes at a time holds its request, and a stream slot, as long as it likes.
   */
  answerMinBytes: Type.Integer({ minimum: 0 }),
  answerWindowMs: Type.Integer({ minimum: 1 }),
  /** On shutdown, how long requests in flight may finish before their connections are cut. */
  shutdownGraceMs: Type.Integer({ minimum: 0 }),
  /** Requests one client (API key, or address without one) may make per minute; 0: no limit. */
  requestsPerMinute: Type.Integer({ minimum: 0 }),
  /** A signed-in session unused this long is over. */
  sessionIdleMs: Type.Integer({ minimum: 60_000 }),
  /** A signed-in session is over this long after sign-in, however busy. */
  sessionLifetimeMs: Type.Integer({ minimum: 60_000 }),
  /** Failed sign-ins of one account name from one address before that pair pauses. */
  signInFailuresPerAccount: Type.Integer({ minimum: 1 }),
  /** Failed sign-ins of one account name from every address before the account pauses. */
  signInFailuresPerAccountTotal: Type.Integer({ minimum: 1 }),
  /** Failed sign-ins from one address before its sign-ins pause. */
  signInFailuresPerAddress: Type.Integer({ minimum: 1 }),
  /** How long failed sign-ins are counted, and how long a pause lasts. */
  signInLockoutMs: Type.Integer({ minimum: 1_000 }),
  /** The largest upload of one bulk normalize job, in bytes. */
  jobBytes: Type.Integer({ minimum: 1024 }),
  /** The most lines one bulk normalize job may hold. */
  jobTitles: Type.Integer({ minimum: 1 }),
  /** Bulk jobs one API key or user may have waiting or running at once. */
  jobsPerOwner: Type.Integer({ minimum: 1 }),
  /** Bulk jobs waiting or running at once, everyone's together. */
  jobs: Type.Integer({ minimum: 1 }),
  /** How long a finished bulk job and its results are kept; then they are deleted. */
  jobRetentionMs: Type.Integer({ minimum: 1 }),
  /** Bulk jobs one server runs at once, each on a worker thread of its own. */
  jobsRunning: Type.Integer({ minimum: 1 }),
});
export type ServerLimits = Readonly<Static<typeof ServerLimitsSchema>>;

export const defaultServerLimits: ServerLimits = Object.freeze({
  bodyBytes: 1_048_576,
  bodyTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  requestTimeoutMs: 15 * 60_000,
  maxConnections: 4_096,
  maxConnectionsPerAddress: 256,
  streamsPerClient: 4,
  streams: 8,
  streamMinBytes: 1024,
  streamWindowMs: 30_000,
  answerMinBytes: 16_384,
  answerWindowMs: 10_000,
  shutdownGraceMs: 10_000,
  requestsPerMinute: 1_200,
  sessionIdleMs: 30 * 60_000,
  sessionLifetimeMs: 12 * 60 * 60_000,
  signInFailuresPerAccount: 5,
  signInFailuresPerAccountTotal: 50,
  signInFailuresPerAddress: 20,
  signInLockoutMs: 15 * 60_000,
  jobBytes: 256 * 1_048_576,
  jobTitles: 2_000_000,
  jobsPerOwner: 5,
  jobs: 100,
  jobRetentionMs: 7 * 24 * 60 * 60_000,
  jobsRunning: 1,
});

/**
 * Which peers may say, in X-Forwarded-For, -Proto and -Host, whom they forward for: none; the
 * nearest N proxies, each believed for the one entry it appended; or proxies at these addresses.
 */
const TrustProxySchema = Type.Union([
  Type.Literal(false),
  Type.Integer({ minimum: 1 }),
  Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
]);
export type TrustProxy = Static<typeof TrustProxySchema>;

/** Records that an environment variable holds what its setting cannot take, saying what it takes. */
type Refuse = (variable: string, takes: string) => void;

/** The ranges proxy-addr (Fastify's reader of X-Forwarded-For) knows by name. */
const namedProxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isProxyAddress = (entry: string): boolean => {
  if (namedProxyRanges.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
  );
};

/**
 * `true` means one proxy in front: a client writes whatever X-Forwarded-For it likes, and an
 * appending proxy (nginx, a load balancer) only adds the last entry, so only that one is true.
 * Anything unreadable stops the start, as a proxy trusted by mistake would open /metrics and
 * undo every per-address limit.
 */
const trustProxyFrom = (value: string | undefined, refuse: Refuse): TrustProxy => {
  const given = value?.trim() ?? '';
  if (given === '' || given === 'false' || given === '0') return false;
  if (given === 'true') return 1;
  if (/^\d{1,3}$/.test(given)) return Number(given);
  const entries = given.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  refuse(
    'TRUST_PROXY',
    `must be true (one proxy in front), false, a number of proxies, or a comma-separated list of proxy addresses or CIDR ranges; "${given}" is none of these`,
  );
  return false;
};

/**
 * Why a value cannot be an address to listen on, undefined when it can be: an IP address, or a
 * host name as RFC 1123 writes it. Said before any lookup, as a resolver's ENOTFOUND would not
 * tell a mistyped address from a name it does not know.
 */
export const hostProblem = (host: string): string | undefined => {
  if (isIP(host) !== 0) return undefined;
  if (host === '') return 'it is empty';
  if (host.includes(':')) return 'it is not an IPv6 address';
  // A top-level domain is never all digits, so this reads as an IPv4 address, mistyped.
  if (/^[\d.]+$/.test(host)) return 'it is not an IPv4 address (four numbers from 0 to 255)';
  if (/[^A-Za-z0-9.-]/.test(host)) {
    return 'a host name has only letters, digits, hyphens and dots';
  }
  const labels = host.replace(/\.$/, '').split('.');
  const wellFormed = labels.every((label) =>
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label),
  );
  if (!wellFormed || host.length > 253) {
    return 'each dot-separated part of a host name is 1 to 63 letters, digits or hyphens, neither starting nor ending with a hyphen';
  }
  if (/^\d+$/.test(labels.at(-1)!)) return 'the last part of a host name is not all digits';
  return undefined;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const METRICS_TOKEN_MIN_LENGTH = 16;
/** An origin (scheme, host, port): what a browser sends in Origin, which CORS compares as text. */
const ORIGIN = '^https?://[^/]+$';

const ConfigSchema = Type.Object({
  database: Type.String({ minLength: 1 }),
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  contentDir: Type.String({ minLength: 1 }),
  logLevel: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l))),
  publicUrl: Type.Optional(Type.String({ format: 'uri' })),
  /** A bearer token that lets clients other than this machine read /metrics. */
  metricsToken: Type.Optional(Type.String({ minLength: METRICS_TOKEN_MIN_LENGTH })),
  limits: ServerLimitsSchema,
  trustProxy: TrustProxySchema,
  /** Origins whose browser pages may call the API (CORS); none by default. */
  corsOrigins: Type.Array(
    Type.String({
      format: 'uri',
      pattern: ORIGIN,
      'x-form': 'an origin such as https://example.com, with no path',
    }),
  ),
  user: Type.String(),
});
export type Config = Readonly<Static<typeof ConfigSchema>>;

/** Settings a command line may override; anything left out comes from the environment. */
export type ConfigOverrides = Partial<Pick<Config, 'database' | 'host' | 'port' | 'logLevel'>>;

/** The environment variable each limit is read from, so a refusal names what was set. */
const LIMIT_VARIABLES: Readonly<Record<keyof ServerLimits, string>> = {
  bodyBytes: 'BODY_LIMIT_BYTES',
  bodyTimeoutMs: 'BODY_TIMEOUT_MS',
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  idleTimeoutMs: 'IDLE_TIMEOUT_MS',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  maxConnections: 'MAX_CONNECTIONS',
  maxConnectionsPerAddress: 'MAX_CONNECTIONS_PER_ADDRESS',
  streamsPerClient: 'STREAMS_PER_CLIENT',
  streams: 'MAX_STREAMS',
  streamMinBytes: 'STREAM_MIN_BYTES',
  streamWindowMs: 'STREAM_WINDOW_MS',
  answerMinBytes: 'ANSWER_MIN_BYTES',
  answerWindowMs: 'ANSWER_WINDOW_MS',
  shutdownGraceMs: 'SHUTDOWN_GRACE_MS',
  requestsPerMinute: 'RATE_LIMIT_PER_MINUTE',
  sessionIdleMs: 'SESSION_IDLE_MS',
  sessionLifetimeMs: 'SESSION_LIFETIME_MS',
  signInFailuresPerAccount: 'SIGN_IN_FAILURES_PER_ACCOUNT',
  signInFailuresPerAccountTotal: 'SIGN_IN_FAILURES_PER_ACCOUNT_TOTAL',
  signInFailuresPerAddress: 'SIGN_IN_FAILURES_PER_ADDRESS',
  signInLockoutMs: 'SIGN_IN_LOCKOUT_MS',
  jobBytes: 'JOB_MAX_BYTES',
  jobTitles: 'JOB_MAX_TITLES',
  jobsPerOwner: 'JOBS_PER_OWNER',
  jobs: 'MAX_JOBS',
  jobRetentionMs: 'JOB_RETENTION_MS',
  jobsRunning: 'JOBS_RUNNING',
};

interface IntegerBounds {
  minimum?: number;
  maximum?: number;
}

/**
 * Reads each variable the way its setting takes it, and says of each one that cannot be read
 * what it takes, in the variable's own name: the operator set PORT, not `port`. One refusal a
 * variable, as a value that is not a number is not also too small and too large.
 */
const readEnvironment = (env: NodeJS.ProcessEnv) => {
  const problems: ProblemDetail[] = [];
  const refuse: Refuse = (variable, takes) => problems.push({ field: variable, message: takes });

  /** The bounds come from the schema, so what is refused here is what the schema refuses. */
  const integer = (variable: string, schema: object) => {
    const { minimum = 0, maximum } = schema as IntegerBounds;
    const given = env[variable];
    if (given === undefined) return undefined;
    // Number() would take '', '1e3' and '0x10' for numbers no operator meant.
    const value = /^\s*\d{1,15}\s*$/.test(given) ? Number(given) : Number.NaN;
    if (value >= minimum && (maximum === undefined || value <= maximum)) return value;
    const range = maximum === undefined ? `, ${minimum} or more` : ` from ${minimum} to ${maximum}`;
    refuse(variable, `must be a whole number${range}; "${given}" is not one`);
    return undefined;
  };

  const nonEmpty = (variable: string) => {
    const given = env[variable];
    if (given === '') refuse(variable, 'must not be empty when it is set');
    return given || undefined;
  };

  const host = () => {
    const given = env.HOST;
    const problem = given === undefined ? undefined : hostProblem(given);
    if (problem === undefined) return given;
    refuse(
      'HOST',
      `must be an IP address or a host name of this machine; "${given}" is neither: ${problem}`,
    );
    return undefined;
  };

  const logLevel = () => {
    const given = env.LOG_LEVEL;
    if (given === undefined || LOG_LEVELS.includes(given)) return given;
    refuse('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}; "${given}" is not one`);
    return undefined;
  };

  const publicUrl = () => {
    const given = env.PUBLIC_URL;
    if (!given) return undefined;
    if (/^https?:\/\/[^/]/i.test(given) && URL.canParse(given)) return given;
    refuse(
      'PUBLIC_URL',
      `must be the URL the site is reached at, such as https://rolebook.example; "${given}" is not one`,
    );
    return undefined;
  };

  const metricsToken = () => {
    const given = env.METRICS_TOKEN;
    if (!given) return undefined;
    if (given.length >= METRICS_TOKEN_MIN_LENGTH) return given;
    refuse('METRICS_TOKEN', `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters`);
    return undefined;
  };

  const corsOrigins = () => {
    const origins = (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const wrong = origins.find((o) => !(new RegExp(ORIGIN).test(o) && URL.canParse(o)));
    if (wrong === undefined) return origins;
    refuse(
      'CORS_ORIGINS',
      `must be a comma-separated list of origins such as https://example.com, with no path; "${wrong}" is not one`,
    );
    return [];
  };

  const settings = {
    database: nonEmpty('DATABASE_URL'),
    host: host(),
    port: integer('PORT', ConfigSchema.properties.port),
    contentDir: nonEmpty('ROLEBOOK_CONTENT_DIR'),
    logLevel: logLevel(),
    publicUrl: publicUrl(),
    metricsToken: metricsToken(),
    limits: Object.fromEntries(
      Object.entries(LIMIT_VARIABLES).map(([key, variable]) => [
        key,
        integer(variable, ServerLimitsSchema.properties[key as keyof ServerLimits]) ??
          defaultServerLimits[key as keyof ServerLimits],
      ]),
    ),
    trustProxy: trustProxyFrom(env.TRUST_PROXY, refuse),
    corsOrigins: corsOrigins(),
  };
  const [only] = problems;
  if (only && problems.length === 1)
    throw validationError(`${only.field} ${only.message}`, problems);
  if (problems.length > 1) {
    throw validationError(`${problems.length} environment variables cannot be used:`, problems);
  }
  return settings;
};

/**
 * The one place that reads the environment. Every problem is reported at once, and the result
 * is frozen.
 * @example loadConfig({ DATABASE_URL: 'postgres://localhost/rolebook' }, { port: 8080 })
 */
export const loadConfig = (
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config => {
  const settings = readEnvironment(env);
  const candidate = {
    database: overrides.database ?? settings.database ?? './data/rolebook.sqlite',
    host: overrides.host ?? settings.host ?? '127.0.0.1',
    port: overrides.port ?? settings.port ?? 3000,
    contentDir: settings.contentDir ?? join(packageRoot, 'content'),
    logLevel: overrides.logLevel ?? settings.logLevel ?? 'info',
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(settings.metricsToken ? { metricsToken: settings.metricsToken } : {}),
    limits: settings.limits,
    trustProxy: settings.trustProxy,
    corsOrigins: settings.corsOrigins,
    user: env.USER ?? 'local',
  };
  // Catches what a caller passed in overrides; the environment was checked above.
  return Object.freeze(parse(ConfigSchema, candidate, { file: 'configuration' }));
};
