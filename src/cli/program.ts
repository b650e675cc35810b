import { Command } from 'commander';
import { registerContent } from './commands/content.command.js';
import { registerKeys } from './commands/keys.command.js';
import { registerMigrate } from './commands/migrate.command.js';
import { registerNormalize } from './commands/normalize.command.js';
import { registerPack } from './commands/pack.command.js';
import { registerServe } from './commands/serve.command.js';

/** The `rolebook` command line: every command a thin layer over the services. */
export const buildProgram = (): Command => {
  const program = new Command('rolebook')
    .description('Role guides for the people who hire: library, guides, title normalization.')
    .option(
      '-d, --database <path-or-url>',
      'SQLite file or sqlite: URL, or a postgres:// URL (default DATABASE_URL or ./data/rolebook.sqlite)',
    )
    .showHelpAfterError();
  registerServe(program);
  registerMigrate(program);
  registerContent(program);
  registerKeys(program);
  registerNormalize(program);
  const importCommand = program.command('import').description('load data from files');
  registerPack(program, importCommand);
  return program;
};
