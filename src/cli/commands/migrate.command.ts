import type { Command } from 'commander';
import { type GlobalOptions, withRolebook } from '../run-command.js';

export const registerMigrate = (program: Command): void => {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done at every start)')
    .action(async () => {
      await withRolebook(program.opts<GlobalOptions>(), (rolebook) => {
        const applied = rolebook.migrations.applied;
        process.stdout.write(
          applied.length > 0 ? `Applied ${applied.join(', ')}\n` : 'The schema is up to date.\n',
        );
        return Promise.resolve();
      });
    });
};
