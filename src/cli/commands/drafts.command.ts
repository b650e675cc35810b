import type { Command } from 'commander';
import {
  cliActor,
  discardRoleDraft,
  discardTermDraft,
  everyItem,
  getRoleDraft,
  getTermDraft,
  listDrafts,
  lintReportOf,
  publishRoleDraft,
  publishTermDraft,
  type Actor,
  type LintReport,
  type ServiceContext,
} from '../../services/index.js';
import { formatLintReport, LINT_ERRORS_EXIT } from '../print-findings.js';
import { roleRef } from '../role-ref.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface TargetFlags {
  taxonomy?: string;
  term?: boolean;
}

/** The use cases of one draft, for a role or for a term, as the flags name it. */
const draftOf = (ctx: ServiceContext, actor: Actor, name: string, flags: TargetFlags) => {
  if (flags.term) {
    return {
      label: `term ${name}`,
      show: () => getTermDraft(ctx, actor, name),
      // The command line publishes or discards whatever draft is stored: its user sees no ETag.
      publish: () => publishTermDraft(ctx, actor, name, '*'),
      discard: () => discardTermDraft(ctx, actor, name, '*'),
    };
  }
  const ref = roleRef(name, flags.taxonomy);
  return {
    label: `role ${ref.taxonomy}/${ref.code}`,
    show: () => getRoleDraft(ctx, actor, ref),
    publish: () => publishRoleDraft(ctx, actor, ref, '*'),
    discard: () => discardRoleDraft(ctx, actor, ref, '*'),
  };
};

const print = (text: string) => process.stdout.write(text);

const targetOptions = (command: Command): Command =>
  command
    .option('-t, --taxonomy <taxonomy>', 'the taxonomy of ROLE (default: rolebook)')
    .option('--term', 'NAME is a glossary term, not a role');

/** Lint of one draft, counted as of one role for a role's and of none for a term's. */
const lintOf = (report: LintReport, term: boolean): LintReport =>
  lintReportOf(term ? 0 : 1, report.findings);

export const registerDrafts = (program: Command): void => {
  const drafts = program
    .command('drafts')
    .description('pending drafts of published roles and terms, beside what readers get');

  drafts
    .command('list')
    .description('the drafts, new roles included, most recently saved first')
    .action(async () => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const actor = cliActor(config.user);
        const all = await everyItem((page) => listDrafts(rolebook.ctx, actor, page));
        for (const d of all) {
          const basis =
            d.kind === 'new-role'
              ? 'a new role, never published'
              : `based on version ${d.baseVersion}`;
          print(
            `${d.entity} ${d.key}: draft version ${d.version}, ${basis}, saved ${d.updatedAt} by ${d.author || 'unknown'}\n`,
          );
        }
        print(`${all.length} pending draft${all.length === 1 ? '' : 's'}\n`);
      });
    });

  targetOptions(
    drafts
      .command('show <name>')
      .description('one pending draft as JSON, then what lint finds in it; exits 1 on an error'),
  ).action(async (name: string, flags: TargetFlags) => {
    await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
      const { lint, ...draft } = await draftOf(
        rolebook.ctx,
        cliActor(config.user),
        name,
        flags,
      ).show();
      print(`${JSON.stringify(draft, null, 2)}\n`);
      print(formatLintReport(lintOf(lint, flags.term ?? false)));
      if (lint.errors > 0) process.exitCode = LINT_ERRORS_EXIT;
    });
  });

  targetOptions(
    drafts
      .command('publish <name>')
      .description(
        'publish the pending draft as the next version; refused if the published one changed since the draft was based on it',
      ),
  ).action(async (name: string, flags: TargetFlags) => {
    await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
      const target = draftOf(rolebook.ctx, cliActor(config.user), name, flags);
      const published = await target.publish();
      print(`published the draft of ${target.label} as version ${published.version}\n`);
    });
  });

  targetOptions(
    drafts
      .command('discard <name>')
      .description('throw the pending draft away; the published version stays as it is'),
  ).action(async (name: string, flags: TargetFlags) => {
    await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
      const target = draftOf(rolebook.ctx, cliActor(config.user), name, flags);
      await target.discard();
      print(`discarded the draft of ${target.label}\n`);
    });
  });
};
