import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermSpotter } from '../../src/analysis/index.js';
import { ordinaryWords } from '../../src/analysis/ordinary-words.js';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../fixtures/analysis/evaluation.js';

/**
 * Tools whose names are also people, places or everyday words (Jenkins, Swift, Ruby, Kafka,
 * Go), written the way postings use them. The ordinary-text corpus holds the same words meant
 * otherwise; together they hold the spotter to both directions.
 */
const cases = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/terms-names/technical.json'), 'utf8'),
) as { text: string; terms: string[] }[];

let spotter: TermSpotter;
let library: ContentLibrary;
beforeAll(async () => {
  library = await readContentLibrary(join(import.meta.dirname, '../../content'));
  spotter = TermSpotter.build(libraryForEngines(library).terms);
});

describe('the term spotter on names meant technically', () => {
  it.each(cases)('finds exactly the terms in “$text”', ({ text, terms }) => {
    const found = [...new Set(spotter.spot(text).map((h) => h.slug))].sort();
    expect(found).toEqual([...terms].sort());
  });
});

describe('the glossary’s everyday words', () => {
  it('marks every one-word form in everyday spelling that is an everyday word as needing context', () => {
    const unmarked = library.terms.flatMap(({ slug, content }) =>
      content.caseSensitive
        ? []
        : [content.name, ...content.abbreviations, ...content.aliases]
            .filter(
              (form) => /^\p{Lu}?\p{Ll}+$/u.test(form) && ordinaryWords.has(form.toLowerCase()),
            )
            .filter((form) => !content.needsContext?.includes(form))
            .map((form) => `${slug}: ${form}`),
    );
    expect(unmarked).toEqual([]);
  });
});
