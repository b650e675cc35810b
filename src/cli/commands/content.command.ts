import type { Command } from 'commander';
import { AppError, isAppError } from '../../domain/index.js';
import { cliActor, syncContent } from '../../services/index.js';
import { formatImportReport } from '../print-report.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

export const registerContent = (program: Command): void => {
  const content = program.command('content').description('the built-in library');
  content
    .command('sync')
    .description('load the content folder into the database (only what changed)')
    .option('--dir <dir>', 'content folder (default: the one shipped with Rolebook)')
    .option('--dry-run', 'report what would change, write nothing')
    .option('--force', 'write every file over edits made since the last sync')
    .action(async (options: { dir?: string; dryRun?: boolean; force?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const report = await syncContent(
          rolebook.ctx,
          cliActor(config.user),
          options.dir ?? config.contentDir,
          { dryRun: options.dryRun ?? false, force: options.force ?? false },
        ).catch((error: unknown) => {
          if (!isAppError(error) || error.code !== 'conflict') throw error;
          throw new AppError(
            'conflict',
            `${error.message} Bring those edits into the folder, or run again with --force to overwrite them.`,
            error.details,
          );
        });
        process.stdout.write(formatImportReport(report));
      });
    });
};
