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
  ['a word broken at every line end', fill('kuber-\n  netes '), 'text'],
  ['hyphens and spaces without a line end', fill('-                     '), 'text'],
];

/** An ordinary posting of the same size: what a hostile one is held to, on this machine now. */
const ordinary = fill('We build payment services in Python and Go, and run them on Kubernetes. ');

const timeToRead = (text: string, format: TextFormat) => {
  const began = performance.now();
  analyzeJobDescription({ text, format }, deps);
  diagnose(text, { roles: miniRoles });
  return performance.now() - began;
};

describe('hostile input', () => {
  // Backtracking takes minutes, not a few times longer: the bound is relative, so that a busy
  // machine slows both readings alike, and wide (alone, each reads in 0.1 to 1.1 times the
  // ordinary posting's time; beside the other suites a pause once made one 7 times). The
  // timeout is wider than the suite's for the same reason: on a machine shared ten ways both
  // readings together have taken over 30 s, while a backtracking one alone takes minutes.
  it.each(hostile)(
    'reads %s of 200 KB in the time of an ordinary posting',
    (_name, text, format) => {
      const baseline = timeToRead(ordinary, format);
      expect(timeToRead(text, format)).toBeLessThan(Math.max(20 * baseline, 500));
    },
    120_000,
  );
});
