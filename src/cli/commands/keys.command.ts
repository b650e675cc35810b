import { InvalidArgumentError, type Command } from 'commander';
import {
  ALL_SCOPES,
  cliActor,
  createApiKey,
  everyItem,
  KeyExpirySchema,
  listApiKeys,
  revokeApiKey,
  type Scope,
} from '../../services/index.js';
import { validationError, validatorFor } from '../../domain/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

/** An expiry given on the command line, held to the API's rule; else a usage error (exit 2). */
const expiryOption = (value: string): string => {
  const valid: boolean = validatorFor(KeyExpirySchema)(value);
  if (valid) return value;
  const refusal = new InvalidArgumentError(
    `--expires takes an RFC 3339 date-time, such as 2027-01-31T00:00:00Z; "${value}" is not one.`,
  );
  refusal.exitCode = 2;
  throw refusal;
};

const scopesOf = (list: string): Scope[] => {
  const scopes = list.split(',').map((s) => s.trim());
  const unknown = scopes.filter((s) => !(ALL_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw validationError(`Unknown scope ${unknown.join(', ')}.`, [
      { field: '--scope', message: `one of ${ALL_SCOPES.join(', ')}` },
    ]);
  }
  return scopes as Scope[];
};

export const registerKeys = (program: Command): void => {
  const keys = program.command('keys').description('API keys for writes');
  keys
    .command('create')
    .description('create a key; its secret is shown once')
    .requiredOption('--name <name>', 'who or what the key is for')
    .option(
      '--scope <scopes>',
      'what it may do, comma-separated: read (drafts), write, delete, admin',
      'read,write',
    )
    .option('--admin', 'every scope: read, write, delete and admin')
    .option(
      '--expires <date-time>',
      'when it stops working, as RFC 3339 writes it (2027-01-31T00:00:00Z); never without it',
      expiryOption,
    )
    .action(async (options: { name: string; scope: string; admin?: boolean; expires?: string }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const scopes = options.admin ? [...ALL_SCOPES] : scopesOf(options.scope);
        const { key, secret } = await createApiKey(rolebook.ctx, cliActor(config.user), {
          name: options.name,
          scopes,
          expiresAt: options.expires,
        });
        process.stderr.write(
          `Created key ${key.id} (${key.scopes.join(', ')}). Store the secret now; it is not shown again.\n`,
        );
        process.stdout.write(`${secret}\n`);
      });
    });
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .action(async () => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const actor = cliActor(config.user);
        for (const key of await everyItem((page) => listApiKeys(rolebook.ctx, actor, page))) {
          const state = key.revokedAt
            ? `revoked ${key.revokedAt}`
            : key.expiresAt
              ? `expires ${key.expiresAt}`
              : 'active';
          process.stdout.write(
            `${key.id}  ${key.prefix}…  ${key.name}  [${key.scopes.join(',')}]  ${state}  last used ${key.lastUsedAt ?? 'never'}\n`,
          );
        }
      });
    });
  keys
    .command('revoke <id>')
    .description('revoke a key at once')
    .action(async (id: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        await revokeApiKey(rolebook.ctx, cliActor(config.user), id);
        process.stdout.write(`Revoked ${id}\n`);
      });
    });
};
