import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { BUILT_IN_TAXONOMY } from '../../domain/index.js';
import { guideFormats, type GuideFormat } from '../../guides/index.js';
import { cliActor, renderRoleGuide } from '../../services/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface RenderFlags {
  taxonomy: string;
  format: GuideFormat;
}

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
        );
        // Waiting for the pipe to drain lets the store close only once the guide is out.
        if (!process.stdout.write(body.endsWith('\n') ? body : `${body}\n`)) {
          await once(process.stdout, 'drain');
        }
      });
    });
};
