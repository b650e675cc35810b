import type { Command } from 'commander';
import {
  cliActor,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  type Scope,
} from '../../services/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

export const registerKeys = (program: Command): void => {
  const keys = program.command('keys').description('API keys for writes');
  keys
    .command('create')
    .description('create a key; its secret is shown once')
    .requiredOption('--name <name>', 'who or what the key is for')
    .option('--admin', 'also allow key and audit administration')
    .action(async (options: { name: string; admin?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const scopes: Scope[] = options.admin ? ['write', 'admin'] : ['write'];
        const { key, secret } = await createApiKey(
          rolebook.ctx,
          cliActor(config.user),
          options.name,
          scopes,
        );
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
        for (const key of await listApiKeys(rolebook.ctx, cliActor(config.user))) {
          const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'active';
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
