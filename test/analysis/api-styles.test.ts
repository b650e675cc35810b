import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../fixtures/analysis/evaluation.js';

let spotter: TermSpotter;
beforeAll(async () => {
  const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
  spotter = TermSpotter.build(libraryForEngines(library).terms);
});

const slugsIn = (text: string) => spotter.spot(text).map((h) => h.slug);

// Recruiters want both explained: what an API is, and what the style asks of one.
describe('an API named with its style', () => {
  it.each(['Design the REST API for our mobile app.', 'Build and consume RESTful APIs.'])(
    'reads REST and API in “%s”',
    (text) => {
      expect(slugsIn(text)).toEqual(['rest', 'api']);
    },
  );
});
