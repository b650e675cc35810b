import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../domain/index.js';
import { cliActor, countPendingDrafts, exportPack, importPack } from '../../services/index.js';
import { formatImportReport } from '../print-report.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

const readJson = async (file: string): Promise<unknown> => {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('import_failed', `Cannot read ${file}: ${error.code ?? error.message}`, [
      { file, message: error.message },
    ]);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('import_failed', `${file} is not valid JSON`, [
      { file, message: (error as Error).message },
    ]);
  }
};

export const registerPack = (program: Command, importCommand: Command): void => {
  program
    .command('export <file>')
    .description('write every taxonomy, term and role to one JSON pack')
    .action(async (file: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook) => {
        const pack = await exportPack(rolebook.ctx);
        // Written beside the target and renamed, so a failed export never leaves half a file.
        await writeFile(`${file}.partial`, JSON.stringify(pack, null, 2));
        await rename(`${file}.partial`, file);
        process.stdout.write(
          `Exported ${pack.taxonomies.length} taxonomies, ${pack.terms.length} terms, ${pack.roles.length} roles to ${file}\n`,
        );
        const drafts = await countPendingDrafts(rolebook.ctx);
        if (drafts > 0) {
          process.stderr.write(
            `note: ${drafts} pending draft(s) not exported: a pack carries published versions only; publish a draft to carry it.\n`,
          );
        }
      });
    });
  importCommand
    .command('pack <file>')
    .description('import a JSON pack made by export (all or nothing)')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const document = await readJson(file);
        const report = await importPack(rolebook.ctx, cliActor(config.user), document, {
          dryRun: options.dryRun ?? false,
          where: { file },
        });
        process.stdout.write(formatImportReport(report));
        process.stdout.write(
          `note: a pack carries no drafts; the ${await countPendingDrafts(rolebook.ctx)} pending draft(s) here are kept as they were.\n`,
        );
      });
    });
};
