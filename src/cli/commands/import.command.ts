import type { Command } from 'commander';
import {
  cliActor,
  importEscoRelease,
  importGuidePage,
  importOnetRelease,
  lintReportOf,
  type ReleaseImportOptions,
  type ReleaseImportResult,
} from '../../services/index.js';
import { formatLintReport, formatNotes } from '../print-findings.js';
import { formatImportReport } from '../print-report.js';
import { progressBar, type Progress } from '../progress.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

/** After an import, lint lists this many findings; `rolebook lint` lists them all. */
const FINDINGS_SHOWN = 50;

const print = (text: string) => process.stdout.write(text);

/**
 * Runs a release import with a progress bar sized to the release once it is open, then prints
 * the summary, the notes and what lint found. Lint findings never change the exit code here.
 */
const runRelease = async (
  label: string,
  dryRun: boolean | undefined,
  run: (options: ReleaseImportOptions) => Promise<ReleaseImportResult>,
): Promise<void> => {
  let progress: Progress | undefined;
  let result: ReleaseImportResult;
  try {
    result = await run({
      dryRun: dryRun ?? false,
      onOpen: (total) => {
        progress = progressBar(label, total);
      },
      onProgress: (done) => progress?.update(done),
    });
  } finally {
    progress?.stop();
  }
  print(formatImportReport(result.report));
  print(formatNotes(result.notes));
  print(
    formatLintReport(result.lint, {
      limit: FINDINGS_SHOWN,
      rest: `rolebook lint --taxonomy ${label} lists them all`,
    }),
  );
};

export const registerImports = (program: Command, importCommand: Command): void => {
  importCommand
    .command('onet <dir>')
    .description('import an O*NET database release (its tab-separated text files), all or nothing')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (dir: string, options: { dryRun?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
        runRelease('onet', options.dryRun, (run) =>
          importOnetRelease(rolebook.ctx, cliActor(config.user), dir, run),
        ),
      );
    });

  importCommand
    .command('esco <dir>')
    .description('import an ESCO CSV download (occupations, skills, relations), all or nothing')
    .option('--language <code>', 'language of the labels, as in the file names', 'en')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (dir: string, options: { language: string; dryRun?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
        runRelease('esco', options.dryRun, (run) =>
          importEscoRelease(rolebook.ctx, cliActor(config.user), dir, {
            ...run,
            language: options.language,
          }),
        ),
      );
    });

  importCommand
    .command('guide <file>')
    .description('import one role page in the recruiter-page layout as a draft of the library')
    .option('--code <code>', 'the code to give the role (default: from its name)')
    .option('--replace', 'replace the role of that code if the library has one')
    .option('--dry-run', 'report what would change, write nothing')
    .action(
      async (file: string, options: { code?: string; replace?: boolean; dryRun?: boolean }) => {
        await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
          const result = await importGuidePage(rolebook.ctx, cliActor(config.user), file, {
            ...(options.code ? { code: options.code } : {}),
            replace: options.replace ?? false,
            dryRun: options.dryRun ?? false,
          });
          print(formatImportReport(result.report));
          print(`draft: ${result.taxonomy}/${result.code}\n`);
          if (result.newTerms.length > 0) print(`new terms: ${result.newTerms.join(', ')}\n`);
          print(formatLintReport(lintReportOf(1, result.findings)));
        });
      },
    );
};
