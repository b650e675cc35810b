import type { Command } from 'commander';
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
    .action(async (options: { dir?: string; dryRun?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const report = await syncContent(
          rolebook.ctx,
          cliActor(config.user),
          options.dir ?? config.contentDir,
          {
            dryRun: options.dryRun ?? false,
          },
        );
        process.stdout.write(formatImportReport(report));
      });
    });
};
