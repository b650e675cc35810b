import { join } from 'node:path';
import { linkGlossary, readGuides, TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../../test/fixtures/analysis/evaluation.js';

/** The built-in library read as the diagnosis reads it, the guides read once as the server does. */
export const diagnosisDeps = async () => {
  const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
  const { roles, terms } = libraryForEngines(library);
  const spotter = TermSpotter.build(terms);
  const termMap = new Map(terms.map((t) => [t.slug, t]));
  const profiles = linkGlossary(readGuides(roles), { spotter, terms: termMap });
  return { roles, spotter, terms: termMap, profiles };
};
