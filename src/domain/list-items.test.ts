import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import {
  collapseListItems,
  distinctList,
  formMatchesCase,
  repeatedListItems,
} from './list-items.js';

const Term = Type.Object({
  caseSensitive: Type.Boolean(),
  abbreviations: distinctList(Type.String(), { maxItems: 10, same: 'abbreviation' }),
  aliases: distinctList(Type.String(), { maxItems: 10, same: 'alias' }),
  links: distinctList(Type.Object({ title: Type.String(), url: Type.String() }), {
    maxItems: 10,
    same: 'exact',
    key: ['url'],
  }),
});

const term = (
  fields: Partial<Record<'abbreviations' | 'aliases', string[]>>,
  caseSensitive = false,
) => ({
  caseSensitive,
  abbreviations: [],
  aliases: [],
  links: [],
  ...fields,
});

describe('collapseListItems', () => {
  it('trims items and makes every run of spaces, no-break ones too, one plain space', () => {
    const value = term({ aliases: ['  Node\u00a0\u00a0js ', 'a\tb'] });
    collapseListItems(Term, value);
    expect(value.aliases).toEqual(['Node js', 'a b']);
  });

  it('collapses the spaces of every text field of an object item', () => {
    const value = { ...term({}), links: [{ title: ' Docs  site ', url: 'https://example.com/' }] };
    collapseListItems(Term, value);
    expect(value.links).toEqual([{ title: 'Docs site', url: 'https://example.com/' }]);
  });
});

describe('repeatedListItems', () => {
  it('names an alias that repeats an earlier one but for its case, and the earlier one', () => {
    expect(repeatedListItems(Term, term({ aliases: ['NodeJS', 'Deno', 'nodejs'] }))).toEqual([
      { path: '/aliases/2', earlier: 0, shown: 'NodeJS' },
    ]);
  });

  it('keeps abbreviations of up to three letters that differ in case apart, as they are matched', () => {
    expect(repeatedListItems(Term, term({ abbreviations: ['IoC', 'IOC'] }))).toEqual([]);
  });

  it('takes a longer abbreviation differing only in case as a repeat', () => {
    expect(repeatedListItems(Term, term({ abbreviations: ['GRPC', 'gRPC'] }))).toHaveLength(1);
  });

  it('keeps the forms of a case-sensitive term that differ in case apart', () => {
    expect(repeatedListItems(Term, term({ aliases: ['Helm chart', 'helm chart'] }, true))).toEqual(
      [],
    );
  });

  it('compares object items by their key fields alone', () => {
    const links = [
      { title: 'Docs', url: 'https://example.com/' },
      { title: 'Other', url: 'https://example.com/' },
    ];
    expect(repeatedListItems(Term, { ...term({}), links })).toEqual([
      { path: '/links/1', earlier: 0, shown: 'https://example.com/' },
    ]);
  });
});

describe('formMatchesCase', () => {
  it('matches every form of a case-sensitive term with its case', () => {
    expect(formMatchesCase(true, 'Helm chart', 'alias')).toBe(true);
  });

  it('matches an alias of three letters or more whatever its case', () => {
    expect(formMatchesCase(false, 'Git', 'alias')).toBe(false);
  });

  it('matches an abbreviation of three letters with its case', () => {
    expect(formMatchesCase(false, 'SOW', 'abbreviation')).toBe(true);
  });
});
