import { Command } from 'commander';
import { productVersion } from '../config.js';
import { errorRegistry } from '../domain/index.js';
import { registerAnalysis } from './commands/analysis.command.js';
import { registerContent } from './commands/content.command.js';
import { registerDrafts } from './commands/drafts.command.js';
import { registerImports } from './commands/import.command.js';
import { registerJobs } from './commands/jobs.command.js';
import { registerKeys } from './commands/keys.command.js';
import { registerLint } from './commands/lint.command.js';
import { registerMigrate } from './commands/migrate.command.js';
import { registerNormalize } from './commands/normalize.command.js';
import { registerPack } from './commands/pack.command.js';
import { registerRender } from './commands/render.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerUsers } from './commands/users.command.js';

/** The `rolebook` command line: every command a thin layer over the services. */
export const buildProgram = (): Command => {
  const program = new Command('rolebook')
    .description('Role guides for the people who hire: library, guides, title normalization.')
    .option(
      '-d, --database <path-or-url>',
      'SQLite file or sqlite: URL, or a postgres:// URL (default DATABASE_URL or ./data/rolebook.sqlite)',
    )
    .version(productVersion)
    .showHelpAfterError()
    // Commander refuses a flag or argument it cannot use with exit 1, which scripts read as lint
    // errors or a failure of ours; it is a usage error, exit 2 as Rolebook's own checks give.
    // Help asked for (and the version) still exits 0. Subcommands inherit this when made.
    .exitOverride((error) =>
      process.exit(error.exitCode === 0 ? 0 : errorRegistry.validation_failed.exit),
    )
    // Every command takes --database: each command's help says so, not only the top one's.
    .configureHelp({ showGlobalOptions: true });
  registerServe(program);
  registerMigrate(program);
  registerContent(program);
  registerKeys(program);
  registerUsers(program);
  registerNormalize(program);
  registerJobs(program);
  registerAnalysis(program);
  registerRender(program);
  const importCommand = program.command('import').description('load data from files');
  registerPack(program, importCommand);
  registerImports(program, importCommand);
  registerLint(program);
  registerDrafts(program);
  return program;
};
