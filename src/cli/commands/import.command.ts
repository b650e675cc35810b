import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  cliActor,
  importEscoRelease,
  importGuidePage,
  importOnetRelease,
  importRoleSheet,
  lintReportOf,
  type ReleaseImportOptions,
  type ReleaseImportResult,
} from '../../services/index.js';
import { formatLintReport, formatNotes, LINT_ERRORS_EXIT } from '../print-findings.js';
import { formatImportReport } from '../print-report.js';
import { progressBar, type Progress } from '../progress.js';
import { type GlobalOptions, reportError, withRolebook } from '../run-command.js';

/** After an import, lint lists this many findings; `rolebook lint` lists them all. */
const FINDINGS_SHOWN = 50;

const print = (text: string) => process.stdout.write(text);

interface GuideFlags {
  name?: string;
  code?: string;
  taxonomy?: string;
  replace?: boolean;
  dryRun?: boolean;
}

interface ReleaseFlags {
  dryRun?: boolean;
  sourceVersion?: string;
  verbose?: boolean;
  report?: string;
}

/**
 * Titles two occupations share are a fact of a published taxonomy, not something to fix: the
 * import counts them in one line instead of listing thousands.
 */
const SOURCE_FACTS = 'duplicate-title';

/**
 * Runs a release import with a progress bar sized to the release once it is open, then prints
 * the summary, the notes and what lint found, titles shared between occupations counted in one
 * line. Lint findings never change the exit code here. `--report FILE` writes all of it as
 * JSON.
 */
const runRelease = async (
  label: string,
  flags: ReleaseFlags,
  run: (options: ReleaseImportOptions) => Promise<ReleaseImportResult>,
): Promise<void> => {
  let progress: Progress | undefined;
  let result: ReleaseImportResult;
  try {
    result = await run({
      dryRun: flags.dryRun ?? false,
      onOpen: (total) => {
        progress = progressBar(label, total);
      },
      onProgress: (done) => progress?.update(done),
    });
  } finally {
    progress?.stop();
  }
  if (flags.report) {
    await writeFile(flags.report, `${JSON.stringify(result, null, 2)}\n`);
  }
  print(formatImportReport(result.report, flags.verbose));
  print(formatNotes(result.notes));
  const shared = result.lint.findings.filter((f) => f.rule === SOURCE_FACTS).length;
  print(
    formatLintReport(
      { ...result.lint, findings: result.lint.findings.filter((f) => f.rule !== SOURCE_FACTS) },
      { limit: FINDINGS_SHOWN, rest: `rolebook lint --taxonomy ${label} lists them all` },
    ),
  );
  if (shared > 0) {
    print(
      `${shared} titles are shared between roles, as the source has them: rolebook lint --taxonomy ${label} --rule ${SOURCE_FACTS} lists them\n`,
    );
  }
};

/** What a page written beside a published role became, and how to publish it. */
const formatPending = (
  taxonomy: string,
  code: string,
  pending: { baseVersion: number; version: number },
  flags: GuideFlags,
): string => {
  const ref = `${taxonomy}/${code}`;
  const what = `pending draft of ${ref}: draft version ${pending.version}, based on published version ${pending.baseVersion}`;
  return flags.dryRun
    ? `Dry run (nothing written): the page would be the ${what}\n`
    : `${what}; the published guide is unchanged\npublish it once reviewed: rolebook drafts publish ${ref}\n`;
};

const releaseOptions = (command: Command): Command =>
  command
    .option('--source-version <version>', 'the release version, when the release does not say it')
    .option('--verbose', 'name every role added, changed and removed')
    .option('--report <file>', 'also write the summary, the notes and the lint findings as JSON')
    .option('--dry-run', 'report what would change, write nothing');

export const registerImports = (program: Command, importCommand: Command): void => {
  releaseOptions(
    importCommand
      .command('onet <dir>')
      .description(
        'import an O*NET database release (the text edition, or the folder it was unpacked into), all or nothing; files other than Occupation Data may be absent, and stored roles then keep that part',
      ),
  ).action(async (dir: string, flags: ReleaseFlags) => {
    await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
      runRelease('onet', flags, (run) =>
        importOnetRelease(rolebook.ctx, cliActor(config.user), dir, {
          ...run,
          ...(flags.sourceVersion ? { version: flags.sourceVersion } : {}),
        }),
      ),
    );
  });

  releaseOptions(
    importCommand
      .command('esco <dir>')
      .description(
        'import an ESCO CSV download: its occupations, and skills when the download has them; rows with defects of the source are noted and left out',
      )
      .option('--language <code>', 'language of the labels, as in the file names', 'en'),
  ).action(async (dir: string, flags: ReleaseFlags & { language: string }) => {
    await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
      runRelease('esco', flags, (run) =>
        importEscoRelease(rolebook.ctx, cliActor(config.user), dir, {
          ...run,
          language: flags.language,
          ...(flags.sourceVersion ? { version: flags.sourceVersion } : {}),
        }),
      ),
    );
  });

  importCommand
    .command('roles <file>')
    .description(
      "import a company's own job architecture from a CSV file (a row per role: job code, job title, and optionally other titles and a description), all or nothing; an unchanged row leaves its role alone",
    )
    .requiredOption('--taxonomy <id>', 'the taxonomy of your own to import into (created if new)')
    .option('--name <name>', "the taxonomy's name (default: its id, or the name it has)")
    .option('--verbose', 'name every role added and changed')
    .option('--report <file>', 'also write the summary, the notes and the lint findings as JSON')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (file: string, flags: ReleaseFlags & { taxonomy: string; name?: string }) => {
      await withRolebook(program.opts<GlobalOptions>(), (rolebook, config) =>
        runRelease(flags.taxonomy, flags, (run) =>
          importRoleSheet(rolebook.ctx, cliActor(config.user), { file }, flags.taxonomy, {
            ...run,
            ...(flags.name ? { name: flags.name } : {}),
          }),
        ),
      );
    });

  importCommand
    .command('guide <file>')
    .description(
      'import one role page (Markdown, plain text, HTML or a Word .docx) as a draft; its defects are always listed, and any error among them exits 1',
    )
    .option('--name <name>', "the role's name, if the page's own is missing or not the one wanted")
    .option('--code <code>', 'the code to give the role (default: from its name)')
    .option('--taxonomy <id>', 'import into this taxonomy of your own (created if new)')
    .option(
      '--replace',
      'write the page over the draft of that code, or, beside a published role, as its pending draft (the published guide stays online)',
    )
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
        if (result.pending)
          print(formatPending(result.taxonomy, result.code, result.pending, options));
        const lint = lintReportOf(1, result.findings);
        print(formatLintReport(lint));
        if (result.refused) process.exitCode = reportError(result.refused);
        else if (lint.errors > 0) process.exitCode = LINT_ERRORS_EXIT;
      });
    });
};
