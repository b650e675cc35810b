import { describe, expect, it } from 'vitest';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { termPatterns } from './term-patterns.js';

const forms = (...terms: Parameters<typeof makeTerm>[]) =>
  termPatterns(terms.map((t) => makeTerm(...t))).map((p) => [p.written, p.exact, p.ambiguity]);

describe('termPatterns', () => {
  it('makes every form of a case-sensitive term exact, its name ambiguous at a sentence start', () => {
    expect(forms(['go', 'Go', { aliases: ['Golang'], caseSensitive: true }])).toEqual([
      ['Go', true, 'sentence-start'],
      ['Golang', true, 'none'],
    ]);
  });

  it('makes abbreviations of up to three letters exact, with an exact plural', () => {
    expect(forms(['sdk', 'Software Development Kit', { abbreviations: ['SDK'] }])).toEqual([
      ['Software Development Kit', false, 'none'],
      ['Software Development Kits', false, 'none'],
      ['SDK', true, 'none'],
      ['SDKs', true, 'none'],
    ]);
  });

  it('makes a capitalised everyday word exact: REST is not "rest"', () => {
    expect(forms(['rest', 'REST', {}])[0]).toEqual(['REST', true, 'none']);
  });

  it('makes an alias in capitals that spells an everyday word exact: JAWS is not "jaws"', () => {
    expect(forms(['screen-reader', 'Screen Reader', { aliases: ['JAWS'] }])).toContainEqual([
      'JAWS',
      true,
      'none',
    ]);
  });

  it('makes an alias that is the plural of an everyday word ambiguous at a sentence start', () => {
    expect(
      forms(['microsoft-teams', 'Microsoft Teams', { aliases: ['Teams'], caseSensitive: true }]),
    ).toContainEqual(['Teams', true, 'sentence-start']);
  });

  it('makes a single letter always ambiguous', () => {
    expect(forms(['r', 'R', { caseSensitive: true }])).toEqual([['R', true, 'always']]);
  });

  it('makes a form the term marks as needing context ambiguous by context, its plural too', () => {
    expect(
      forms(['rto', 'Recovery Time Objective', { abbreviations: ['RTO'], needsContext: ['RTO'] }]),
    ).toEqual([
      ['Recovery Time Objective', false, 'none'],
      ['Recovery Time Objectives', false, 'none'],
      ['RTO', true, 'context'],
      ['RTOs', true, 'context'],
    ]);
  });

  it('keeps the rules of a plural the term writes out over those of the form it pluralises', () => {
    expect(
      forms([
        'one-on-one',
        'One-on-One Meeting',
        { aliases: ['one-on-one', 'one-on-ones'], needsContext: ['one-on-one'] },
      ]).filter(([w]) => w === 'one-on-one' || w === 'one-on-ones'),
    ).toEqual([
      ['one-on-one', false, 'context'],
      ['one-on-ones', false, 'none'],
    ]);
  });

  it('forms no plural of a preposition and one word, which name a state', () => {
    expect(forms(['on-call', 'On-Call', { aliases: ['on-call rota'] }])).toEqual([
      ['On-Call', false, 'none'],
      ['on-call rota', false, 'none'],
      ['on-call rotas', false, 'none'],
    ]);
  });

  it('forms plurals of ordinary names: libraries, classes', () => {
    expect(forms(['library', 'Library', {}]).map(([w]) => w)).toEqual([
      'Library',
      'Libraries',
      'Librarys',
    ]);
    expect(forms(['class', 'Class', {}]).map(([w]) => w)).toEqual(['Class', 'Classes']);
  });

  it('keeps one form when a name is repeated as an alias', () => {
    expect(
      forms(['api', 'API', { abbreviations: ['API'], aliases: ['api'] }]).map(([w]) => w),
    ).toEqual(['API', 'APIs']);
  });
});
