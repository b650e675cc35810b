import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../fixtures/analysis/evaluation.js';

/**
 * Everyday business writing with nothing technical in it: memos, emails, minutes and notes from
 * shops, hotels, surgeries, warehouses and boards. Any glossary term the spotter finds here is a
 * false alarm a recruiter would see.
 */
const corpusDir = join(import.meta.dirname, '../fixtures/ordinary-text');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(corpusDir, file), 'utf8') }));

const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

let spotter: TermSpotter;
beforeAll(async () => {
  const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
  spotter = TermSpotter.build(libraryForEngines(library).terms);
});

describe('the term spotter on ordinary business text', () => {
  it('reads a corpus of at least 20,000 words', () => {
    expect(corpus.reduce((n, { text }) => n + words(text), 0)).toBeGreaterThanOrEqual(20_000);
  });

  it('finds no glossary term in it', () => {
    const hits = corpus.flatMap(({ file, text }) =>
      spotter
        .spot(text)
        .map((h) => `${file} @${h.start}: ${h.slug} ("${h.text}") in “${context(text, h)}”`),
    );
    expect(hits).toEqual([]);
  });
});

const context = (text: string, hit: { start: number; end: number }) =>
  text
    .slice(Math.max(0, hit.start - 30), hit.end + 30)
    .replace(/\s+/g, ' ')
    .trim();
