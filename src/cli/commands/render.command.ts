import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { AppError, BUILT_IN_TAXONOMY, isAppError, slugify } from '../../domain/index.js';
import { guideFormats, type GuideFormat } from '../../guides/index.js';
import { cliActor, renderRoleGuide } from '../../services/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface RenderFlags {
  taxonomy: string;
  format: GuideFormat;
}

/**
 * A guide of the built-in library is asked for by its code; one asked for by its name ("Backend
 * Developer") finds nothing, and the refusal says how to find the code instead.
 */
const withCodeHint = (error: unknown, taxonomy: string, code: string): unknown =>
  isAppError(error) &&
  error.code === 'not_found' &&
  taxonomy === BUILT_IN_TAXONOMY &&
  slugify(code) !== code
    ? new AppError(
        'not_found',
        `${error.message} Roles are asked for by code, such as backend-developer: \`rolebook normalize "${code}"\` finds the code for a title.`,
      )
    : error;

export const registerRender = (program: Command): void => {
  program
    .command('render <code>')
    .description("print one role's guide to stdout (drafts too)")
    .option('-t, --taxonomy <taxonomy>', 'taxonomy of the role', BUILT_IN_TAXONOMY)
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(Object.keys(guideFormats))
        .default('html'),
    )
    .action(async (code: string, flags: RenderFlags) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const { body } = await renderRoleGuide(
          rolebook.ctx,
          { taxonomy: flags.taxonomy, code },
          flags.format,
          { baseUrl: config.publicUrl ?? '', actor: cliActor(config.user) },
        ).catch((error: unknown) => {
          throw withCodeHint(error, flags.taxonomy, code);
        });
        // Waiting for the pipe to drain lets the store close only once the guide is out.
        if (!process.stdout.write(body.endsWith('\n') ? body : `${body}\n`)) {
          await once(process.stdout, 'drain');
        }
      });
    });
};
