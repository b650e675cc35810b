import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { parse } from './domain/index.js';

const packageRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const ConfigSchema = Type.Object({
  database: Type.String({ minLength: 1 }),
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  contentDir: Type.String({ minLength: 1 }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
  ),
  publicUrl: Type.Optional(Type.String({ format: 'uri' })),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  rateLimitPerMinute: Type.Integer({ minimum: 0 }),
  trustProxy: Type.Boolean(),
  user: Type.String(),
});
export type Config = Readonly<Static<typeof ConfigSchema>>;

/** Settings a command line may override; anything left out comes from the environment. */
export type ConfigOverrides = Partial<Pick<Config, 'database' | 'host' | 'port' | 'logLevel'>>;

const integer = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/**
 * The one place that reads the environment. Every problem is reported at once, and the result
 * is frozen.
 * @example loadConfig({ DATABASE_URL: 'postgres://localhost/rolebook' }, { port: 8080 })
 */
export const loadConfig = (
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config => {
  const candidate = {
    database: overrides.database ?? env.DATABASE_URL ?? './data/rolebook.sqlite',
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port: overrides.port ?? integer(env.PORT) ?? 3000,
    contentDir: env.ROLEBOOK_CONTENT_DIR ?? join(packageRoot, 'content'),
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    bodyLimitBytes: integer(env.BODY_LIMIT_BYTES) ?? 1_048_576,
    rateLimitPerMinute: integer(env.RATE_LIMIT_PER_MINUTE) ?? 0,
    trustProxy: env.TRUST_PROXY === 'true',
    user: env.USER ?? 'local',
  };
  return Object.freeze(parse(ConfigSchema, candidate, { file: 'configuration' }));
};
