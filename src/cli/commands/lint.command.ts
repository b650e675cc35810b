import type { Command } from 'commander';
import { AppError } from '../../domain/index.js';
import { lintRules, lintSeverities } from '../../lint/index.js';
import {
  cliActor,
  filterLintReport,
  type LintFilter,
  lintStoredLibrary,
  lintStoredRole,
  lintStoredTaxonomy,
  type LintReport,
} from '../../services/index.js';
import { formatLintReport, LINT_ERRORS_EXIT } from '../print-findings.js';
import { roleRef } from '../role-ref.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface LintFlags {
  taxonomy?: string;
  all?: boolean;
  severity?: string;
  rule?: string;
  format: string;
}

const oneOf = <T extends string>(option: string, value: string, allowed: readonly T[]): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError(
    'bad_request',
    `--${option} must be one of ${allowed.join(', ')}, not "${value}".`,
  );
};

/** What the flags ask to keep; a rule list is comma-separated. */
const filterOf = (flags: LintFlags): LintFilter => ({
  ...(flags.severity ? { severity: oneOf('severity', flags.severity, lintSeverities) } : {}),
  ...(flags.rule
    ? {
        rules: flags.rule
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)
          .map((r) => oneOf('rule', r, lintRules)),
      }
    : {}),
});

export const registerLint = (program: Command): void => {
  program
    .command('lint [role]')
    .usage('ROLE | --taxonomy T | --all [options]')
    .description(
      'check roles for unfilled placeholders, empty or missing sections, titles two roles claim, malformed links and undefined terms; exits non-zero on any error',
    )
    .option('-t, --taxonomy <taxonomy>', 'every role of this taxonomy (or the taxonomy of ROLE)')
    .option('--all', 'every role of every taxonomy, and the glossary')
    .option(
      '--severity <severity>',
      `only findings of this severity (${lintSeverities.join(', ')})`,
    )
    .option(
      '--rule <rules>',
      `only findings of these rules, comma-separated (${lintRules.join(', ')})`,
    )
    .option('--format <format>', 'text, or json: the counts and every finding', 'text')
    .action(async (role: string | undefined, flags: LintFlags) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const filter = filterOf(flags);
        const format = oneOf('format', flags.format, ['text', 'json'] as const);
        const actor = cliActor(config.user);
        let report: LintReport;
        if (role) {
          report = await lintStoredRole(rolebook.ctx, roleRef(role, flags.taxonomy), actor);
        } else if (flags.taxonomy) {
          report = await lintStoredTaxonomy(rolebook.ctx, flags.taxonomy, actor);
        } else if (flags.all) {
          report = await lintStoredLibrary(rolebook.ctx, actor);
        } else {
          throw new AppError('bad_request', 'Name a role, a --taxonomy or --all.');
        }
        const shown = filterLintReport(report, filter);
        process.stdout.write(
          format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : formatLintReport(shown),
        );
        if (shown.errors > 0) process.exitCode = LINT_ERRORS_EXIT;
      });
    });
};
