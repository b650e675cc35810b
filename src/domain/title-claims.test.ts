import { describe, expect, it } from 'vitest';
import {
  claimedTitles,
  claimTitles,
  titlesAreExclusive,
  titlesClaimedByOthers,
  titlesClaimedTwice,
} from './title-claims.js';

const role = (
  code: string,
  name: string,
  alternativeTitles: string[] = [],
  taxonomy = 'rolebook',
) => ({ taxonomy, code, name, alternativeTitles });

describe('title claims', () => {
  it('claims each folded title once, from the first field that gives it', () => {
    expect(claimedTitles(role('a', 'SQL Writer', ['sql-writer', 'Query Writer']))).toEqual([
      { field: 'name', title: 'SQL Writer', folded: 'sql writer' },
      { field: 'alternativeTitles.1', title: 'Query Writer', folded: 'query writer' },
    ]);
  });

  it('claims nothing for a title that folds to nothing', () => {
    expect(claimedTitles(role('a', 'Tester', ['---']))).toHaveLength(1);
  });

  it('names the other roles of the taxonomy that claim a title of a role', () => {
    const a = role('a', 'Tester', ['QA Engineer']);
    const claims = claimTitles([a, role('b', 'qa engineer'), role('c', 'QA-Engineer')]);
    expect(titlesClaimedByOthers(a, claims)).toEqual([
      {
        field: 'alternativeTitles.0',
        title: 'QA Engineer',
        folded: 'qa engineer',
        others: ['b', 'c'],
      },
    ]);
  });

  it('lets roles of different taxonomies share a title', () => {
    const a = role('a', 'Tester');
    expect(titlesClaimedByOthers(a, claimTitles([a, role('b', 'Tester', [], 'onet')]))).toEqual([]);
  });

  it('lists every title of a taxonomy that two roles claim', () => {
    const claims = claimTitles([role('a', 'Tester'), role('b', 'tester'), role('c', 'Writer')]);
    expect(titlesClaimedTwice(claims, 'rolebook')).toEqual([
      { folded: 'tester', codes: ['a', 'b'] },
    ]);
  });

  it('holds titles to one role in the built-in library only', () => {
    expect([titlesAreExclusive('rolebook'), titlesAreExclusive('onet')]).toEqual([true, false]);
  });
});
