import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, jsonSyntaxProblem, unreadableFile, unwritableFile } from '../../domain/index.js';
import {
  cliActor,
  countPendingDrafts,
  countUnpublishedRoles,
  exportPack,
  importPack,
} from '../../services/index.js';
import { plural } from '../print-findings.js';
import { formatImportReport } from '../print-report.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

const readJson = async (file: string): Promise<unknown> => {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw unreadableFile(file, error);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { reason, line, column } = jsonSyntaxProblem(text, error as Error);
    const where = line === undefined ? '' : ` at line ${line}, column ${column}`;
    throw new AppError('import_failed', `${file} is not valid JSON${where}: ${reason}.`, [
      { file, ...(line === undefined ? {} : { line, column }), message: reason },
    ]);
  }
};

export const registerPack = (program: Command, importCommand: Command): void => {
  program
    .command('export <file>')
    .description('write every taxonomy, term and role to one JSON pack (- for stdout)')
    .action(async (file: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook) => {
        const pack = await exportPack(rolebook.ctx);
        const json = JSON.stringify(pack, null, 2);
        const summary = `Exported ${plural(pack.taxonomies.length, 'taxonomy', 'taxonomies')}, ${plural(pack.terms.length, 'term')}, ${plural(pack.roles.length, 'role')}`;
        const drafts = await countPendingDrafts(rolebook.ctx);
        const unpublished = await countUnpublishedRoles(rolebook.ctx);
        const leftBehind = [
          unpublished > 0
            ? plural(unpublished, 'role never published', 'roles never published')
            : '',
          drafts > 0 ? plural(drafts, 'pending draft') : '',
        ].filter(Boolean);
        const draftsNote =
          leftBehind.length > 0
            ? `note: ${leftBehind.join(' and ')} not exported: a pack carries published versions only; publish a draft to carry it.\n`
            : '';
        if (file === '-') {
          process.stdout.write(`${json}\n`);
          process.stderr.write(`${summary}\n${draftsNote}`);
          return;
        }
        // Written beside the target and renamed, so a failed export never leaves half a file.
        // A write that fails half-way, or a rename refused, takes its partial file with it.
        const partial = `${file}.partial`;
        await writeFile(partial, json)
          .then(() => rename(partial, file))
          .catch(async (error: NodeJS.ErrnoException) => {
            await rm(partial, { force: true });
            throw unwritableFile(file, error);
          });
        process.stdout.write(`${summary} to ${file}\n`);
        process.stderr.write(draftsNote);
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
        const drafts = await countPendingDrafts(rolebook.ctx);
        if (drafts > 0) {
          process.stdout.write(
            `note: a pack carries no drafts; ${plural(drafts, 'pending draft')} here ${drafts === 1 ? 'is' : 'are'} kept as ${drafts === 1 ? 'it was' : 'they were'}.\n`,
          );
        }
      });
    });
};
