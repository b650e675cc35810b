import { describe, expect, it } from 'vitest';
import { distinctiveWords } from './distinctive-words.js';
import type { RoleProfile } from './role-profiles.js';

const guide = (words: Record<string, number>) =>
  ({ whole: new Map(Object.entries(words).map(([w, n]) => [`w:${w}`, n])) }) as RoleProfile;

const backend = guide({ reliabl: 3, company: 1, js: 4, develop: 2 });
const frontend = guide({ develop: 9, company: 1 });
const idf = new Map([
  ['w:reliabl', 4.5],
  ['w:company', 2.7],
  ['w:js', 6],
  ['w:develop', 4.5],
]);
const shown = distinctiveWords({ profiles: [backend, frontend], idf });
const at = (feature: string, start: number) => ({ feature, start, end: start + 4 });

describe('distinctiveWords', () => {
  it('keeps a word the guide returns to more than the other guides do', () => {
    expect(shown([at('w:reliabl', 0)], [])(backend, ['w:reliabl'])).toEqual(['w:reliabl']);
  });

  it('leaves out a word the guide says once in passing', () => {
    expect(shown([at('w:company', 0)], [])(backend, ['w:company'])).toEqual([]);
  });

  it('leaves out a word another guide says more often', () => {
    expect(shown([at('w:develop', 0)], [])(backend, ['w:develop'])).toEqual([]);
  });

  it('leaves out a word said only inside a glossary term the text names', () => {
    const hits = [{ start: 0, end: 7, text: 'Node.js', slug: 'nodejs' }];
    expect(shown([at('w:js', 3)], hits)(backend, ['w:js'])).toEqual([]);
  });

  it('keeps such a word where the text also says it on its own', () => {
    const hits = [{ start: 0, end: 7, text: 'Node.js', slug: 'nodejs' }];
    expect(shown([at('w:js', 3), at('w:js', 20)], hits)(backend, ['w:js'])).toEqual(['w:js']);
  });
});
