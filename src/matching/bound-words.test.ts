import { describe, expect, it } from 'vitest';
import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import type { TitleSource } from './match.types.js';
import { TitleIndex } from './title-index.js';

const role = (code: string, name: string, titles: string[], taxonomy = BUILT_IN_TAXONOMY) => ({
  taxonomy,
  code,
  name,
  titles,
});

const LIBRARY: TitleSource[] = [
  role('blockchain', 'Blockchain Developer', [
    'Smart Contract Engineer',
    'Smart Contract Developer',
  ]),
  role('sre', 'Site Reliability Engineer', [
    'Systems Reliability Engineer',
    'Cloud Reliability Engineer',
  ]),
  role('games', 'Game Developer', ['Unreal Engine Developer', 'Unreal Engine Programmer']),
  role('backend', 'Backend Developer', ['Server Engineer', 'API Developer']),
  role('security', 'Security Engineer', ['Application Security Engineer']),
];

const topOf = (index: TitleIndex, title: string): string | undefined =>
  index.match(title, { top: 1 }).matches[0]?.code;

describe('a word the library only writes beside one neighbour', () => {
  const index = TitleIndex.build(LIBRARY);

  it('gives no evidence where the title leaves the neighbour out', () => {
    expect(topOf(index, 'Contract Engineer')).toBeUndefined();
  });

  it('still names the role where the title says the neighbour too', () => {
    expect(topOf(index, 'Smart Contract Engineer')).toBe('blockchain');
  });

  it('is not bound where the library writes it beside several words', () => {
    expect(topOf(index, 'Reliability Engineer')).toBe('sre');
  });

  it('is not bound where it names a technology whole', () => {
    expect(topOf(index, 'Unreal Developer')).toBe('games');
  });

  it('is read anew once the library writes the word without its neighbour', () => {
    const changing = TitleIndex.build(LIBRARY);
    expect(topOf(changing, 'Contract Engineer')).toBeUndefined();
    changing.upsert(role('contracts', 'Contract Manager', ['Contract Administrator']));
    expect(topOf(changing, 'Contract Engineer')).toBe('blockchain');
  });

  it('is bound only by the built-in library, not by an imported taxonomy', () => {
    const imported = TitleIndex.build(LIBRARY.map((source) => ({ ...source, taxonomy: 'onet' })));
    expect(topOf(imported, 'Contract Engineer')).toBe('blockchain');
  });
});
