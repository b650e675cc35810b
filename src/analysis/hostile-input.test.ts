import { describe, expect, it } from 'vitest';
import { miniRoles, miniTerms, miniTitles } from '../../test/fixtures/analysis/mini-library.js';
import { diagnose } from './diagnose.js';
import { analyzeJobDescription } from './jd-analysis.js';
import { TermSpotter } from './term-spotter.js';
import type { TextFormat } from './text-view.js';

const deps = {
  spotter: TermSpotter.build(miniTerms),
  terms: new Map(miniTerms.map((t) => [t.slug, t])),
  roles: miniRoles,
  titles: miniTitles,
};

const SIZE = 200 * 1024;
const fill = (unit: string, tail = 'x') =>
  unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) + tail;

/** Texts built to make careless regular expressions backtrack for minutes. */
const hostile: [string, string, TextFormat][] = [
  ['one long word', fill('a'), 'text'],
  ['spaces after a number', `5${fill(' ')}`, 'text'],
  ['digits in groups of three', fill('1 000 '), 'text'],
  ['a list gap that never ends', `Python,${fill(' ')}Go`, 'text'],
  ['unclosed comments', fill('<!--'), 'markdown'],
  ['unclosed tags', fill('<a'), 'markdown'],
  ['unclosed tags in HTML', fill('<a '), 'html'],
  ['unclosed quotes in HTML', fill('<a title="'), 'html'],
  ['a first line of spaces', `${fill(' ')}\nBackend Engineer`, 'text'],
  ['bullets without end', fill('- - '), 'markdown'],
];

describe('hostile input', () => {
  it.each(hostile)('reads %s of 200 KB in well under a second', (_name, text, format) => {
    const began = performance.now();
    analyzeJobDescription({ text, format }, deps);
    diagnose(text, { roles: miniRoles });
    expect(performance.now() - began).toBeLessThan(2_000);
  });
});
