import { builtInTaxonomy, BUILT_IN_TAXONOMY } from '../domain/index.js';
import { readContentLibrary } from '../importers/content/index.js';
import type { Actor, ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';

/**
 * Loads the built-in library from its content folder. Only what changed gets a new version;
 * roles that editors added through the API stay.
 */
export const syncContent = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  contentDir: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> => {
  const library = await readContentLibrary(contentDir);
  return applyImport(
    ctx,
    actor,
    {
      source: contentDir,
      taxonomies: [builtInTaxonomy],
      terms: library.terms.map((t) => ({ slug: t.slug, content: t.content })),
      roles: library.roles.map((r) => ({
        taxonomy: BUILT_IN_TAXONOMY,
        code: r.code,
        content: r.content,
      })),
    },
    options,
  );
};
