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
import { type GlobalOptions, reportError, withRolebook } from '../run-command.js';

/** After an import, lint lists this many findings; `rolebook lint` lists them all. */
const FINDINGS_SHOWN = 50;

/** As for `rolebook lint`: a page written with an error-severity defect exits 1. */
const FOUND_ERRORS_EXIT = 1;

const print = (text: string) => process.stdout.write(text);

interface GuideFlags {
  name?: string;
  code?: string;
  taxonomy?: string;
  replace?: boolean;
  dryRun?: boolean;
}

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
    .description(
      'import an O*NET database release (the text edition, or the folder it was unpacked into), all or nothing; files other than Occupation Data may be absent, and stored roles then keep that part',
    )
    .option('--source-version <version>', 'the release version, when its Read Me does not say it')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (dir: string, options: { dryRun?: boolean; sourceVersion?: string }) => {
      await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
        runRelease('onet', options.dryRun, (run) =>
          importOnetRelease(rolebook.ctx, cliActor(config.user), dir, {
            ...run,
            ...(options.sourceVersion ? { version: options.sourceVersion } : {}),
          }),
        ),
      );
    });

  importCommand
    .command('esco <dir>')
    .description(
      'import an ESCO CSV download: its occupations, and skills when the download has them; rows with defects of the source are noted and left out',
    )
    .option('--language <code>', 'language of the labels, as in the file names', 'en')
    .option('--source-version <version>', 'the ESCO version, when the folder name does not say it')
    .option('--dry-run', 'report what would change, write nothing')
    .action(
      async (
        dir: string,
        options: { language: string; dryRun?: boolean; sourceVersion?: string },
      ) => {
        await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
          runRelease('esco', options.dryRun, (run) =>
            importEscoRelease(rolebook.ctx, cliActor(config.user), dir, {
              ...run,
              language: options.language,
              ...(options.sourceVersion ? { version: options.sourceVersion } : {}),
            }),
          ),
        );
      },
    );

  importCommand
    .command('guide <file>')
    .description(
      'import one role page (Markdown, plain text or HTML) as a draft; its defects are always listed, and any error among them exits 1',
    )
    .option('--name <name>', "the role's name, if the page's own is missing or not the one wanted")
    .option('--code <code>', 'the code to give the role (default: from its name)')
    .option('--taxonomy <id>', 'import into this taxonomy of your own (created if new)')
    .option('--replace', 'write the page over the draft of that code (never over a published role)')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (file: string, options: GuideFlags) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const result = await importGuidePage(rolebook.ctx, cliActor(config.user), file, {
          ...(options.name ? { name: options.name } : {}),
          ...(options.code ? { code: options.code } : {}),
          ...(options.taxonomy ? { taxonomy: options.taxonomy } : {}),
          replace: options.replace ?? false,
          dryRun: options.dryRun ?? false,
        });
        if (result.report) {
          print(formatImportReport(result.report));
          print(`draft: ${result.taxonomy}/${result.code}\n`);
          if (result.newTerms.length > 0) print(`new terms: ${result.newTerms.join(', ')}\n`);
        }
        const lint = lintReportOf(1, result.findings);
        print(formatLintReport(lint));
        if (result.refused) process.exitCode = reportError(result.refused);
        else if (lint.errors > 0) process.exitCode = FOUND_ERRORS_EXIT;
      });
    });
};
