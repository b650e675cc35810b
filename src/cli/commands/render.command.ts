import { once } from 'node:events';
import { Option, type Command } from 'commander';
import {
  AppError,
  BUILT_IN_TAXONOMY,
  isAppError,
  slugify,
  validationError,
} from '../../domain/index.js';
import { guideFormats, type GuideFormat } from '../../guides/index.js';
import { cliActor, renderRoleGuide } from '../../services/index.js';
import { roleRef } from '../role-ref.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface RenderFlags {
  taxonomy?: string;
  format: GuideFormat;
}

/** Whether a role asked for looks like a name rather than a code of its taxonomy. */
const looksLikeName = (taxonomy: string, code: string): boolean =>
  taxonomy === BUILT_IN_TAXONOMY ? slugify(code) !== code : /\s/.test(code);

/**
 * A guide is asked for by its code; one asked for by its name ("Backend Developer", "Software
 * Developers") finds nothing, and the refusal says how to find the code instead. A taxonomy
 * that is not stored keeps its own refusal: no code would help.
 */
const withCodeHint = (error: unknown, taxonomy: string, code: string): unknown => {
  if (!isAppError(error) || error.code !== 'not_found' || !error.message.startsWith('Role ')) {
    return error;
  }
  if (!looksLikeName(taxonomy, code)) return error;
  const hint =
    taxonomy === BUILT_IN_TAXONOMY
      ? `Roles are asked for by code, such as backend-developer: \`rolebook normalize "${code}"\``
      : `Roles of ${taxonomy} are asked for by the code ${taxonomy} gives them: \`rolebook normalize --taxonomy ${taxonomy} "${code}"\``;
  return new AppError('not_found', `${error.message} ${hint} finds the code for a title.`);
};

/**
 * A JSON-LD document's `@id` and `url` are IRIs a schema.org consumer takes as absolute: on its
 * own, the document has no address of the site to resolve "/roles/…" against (saved to a file, it
 * would resolve to file:///…/roles/…, naming nothing), so it is not written without one. An HTML
 * page's links, resolved against the address it is served from, may stay root-relative.
 */
const needsPublicUrl = (format: GuideFormat, publicUrl: string | undefined): void => {
  if (format !== 'jsonld' || publicUrl !== undefined) return;
  throw validationError(
    "JSON-LD needs the site's address for its @id and url links: set PUBLIC_URL, such as https://rolebook.example.",
    [{ field: 'PUBLIC_URL', message: 'not set; --format jsonld writes absolute links only' }],
  );
};

export const registerRender = (program: Command): void => {
  program
    .command('render <role>')
    .description("print one role's guide to stdout (drafts too); the role is CODE or TAXONOMY/CODE")
    .option('-t, --taxonomy <taxonomy>', `taxonomy of the role (default: ${BUILT_IN_TAXONOMY})`)
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(Object.keys(guideFormats))
        .default('html'),
    )
    .action(async (role: string, flags: RenderFlags) => {
      const ref = roleRef(role, flags.taxonomy);
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        needsPublicUrl(flags.format, config.publicUrl);
        const { body } = await renderRoleGuide(rolebook.ctx, ref, flags.format, {
          baseUrl: config.publicUrl ?? '',
          actor: cliActor(config.user),
        }).catch((error: unknown) => {
          throw withCodeHint(error, ref.taxonomy, ref.code);
        });
        // Waiting for the pipe to drain lets the store close only once the guide is out.
        if (!process.stdout.write(body.endsWith('\n') ? body : `${body}\n`)) {
          await once(process.stdout, 'drain');
        }
      });
    });
};
