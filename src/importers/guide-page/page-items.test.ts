import { describe, expect, it } from 'vitest';
import {
  alsoKnownAs,
  nameFromSummary,
  parseLink,
  parsePoint,
  parseTerm,
  titleCase,
} from './page-items.js';

describe('page items', () => {
  it('keeps capitals a word already has when title-casing', () => {
    expect(titleCase('senior iOS developer of APIs')).toBe('Senior iOS Developer of APIs');
  });

  it('splits "also known as" lists on commas, "or" and "and"', () => {
    expect(
      alsoKnownAs('A tester, also known as QA analyst, test engineer and checker, is …'),
    ).toEqual(['QA Analyst', 'Test Engineer', 'Checker']);
  });

  it('ends an "also known as" list at the title after its "or", before the sentence goes on', () => {
    expect(
      alsoKnownAs(
        'A network engineer, also known as network administrator, network architect or infrastructure engineer, plans and runs the networks that connect offices, data centres and clouds.',
      ),
    ).toEqual(['Network Administrator', 'Network Architect', 'Infrastructure Engineer']);
  });

  it.each([
    'A tester checks software. Also known as: QA analyst, test engineer.',
    'A tester checks software. Also called: QA analyst, test engineer',
    'A tester checks software. Other titles: QA analyst, test engineer.',
    'A tester checks software. Other names you will see on CVs: QA analyst, test engineer.',
  ])('reads the titles a summary lists after a label and a colon: %s', (summary) => {
    expect(alsoKnownAs(summary)).toEqual(['QA Analyst', 'Test Engineer']);
  });

  it.each([
    [
      'Un científico de datos (también llamado data scientist o analista de datos avanzado) usa estadística.',
      ['Data Scientist', 'Analista de Datos Avanzado'],
    ],
    [
      'Una probadora, también conocida como analista QA y tester, revisa el software.',
      ['Analista QA', 'Tester'],
    ],
    [
      'Ein Tester prüft Software. Andere Bezeichnungen: QA-Analyst, Testingenieur.',
      ['QA-Analyst', 'Testingenieur'],
    ],
    [
      'Ein Tester, auch bekannt als QA-Analyst oder Testingenieur, prüft Software.',
      ['QA-Analyst', 'Testingenieur'],
    ],
  ])('reads the other titles a Spanish or German summary gives: %s', (summary, titles) => {
    expect(alsoKnownAs(summary)).toEqual(titles);
  });

  it('finds no alternative titles in a summary without "also known as"', () => {
    expect(alsoKnownAs('A tester checks software.')).toEqual([]);
  });

  it('names the role a summary opens with', () => {
    expect(nameFromSummary('An iOS developer builds apps.')).toBe('iOS Developer');
  });

  it('titles a point without a title by the sentence itself when it is short', () => {
    expect(parsePoint('Just a sentence.')).toEqual({
      title: 'Just a sentence',
      text: 'Just a sentence.',
      untitled: true,
    });
  });

  it('titles a long point without a title by its first clause', () => {
    expect(
      parsePoint('Engineers are paged every night, and the best of them are starting to leave'),
    ).toMatchObject({ title: 'Engineers are paged every night', untitled: true });
  });

  it('keeps a parenthesis that is no abbreviation as an alias', () => {
    const term = parseTerm('Cache (memory): A fast store.');
    expect(term).toMatchObject({ slug: 'cache', content: { name: 'Cache', aliases: ['memory'] } });
  });

  it('refuses a term with an alias over the length limit', () => {
    expect(parseTerm(`Cache (${'memory '.repeat(20)}): A fast store.`)).toEqual({
      problem: 'has an abbreviation or alias longer than 100 characters',
    });
  });

  it('splits no term at the colon of a link', () => {
    expect(parseTerm('Written by Jane, [link](https://example.com/page)')).toEqual({
      problem: 'is not "Term: definition"',
    });
  });

  it('splits no term at the colon of a bare URL', () => {
    expect(parseTerm('Written by Jane, see https://example.com/page')).toEqual({
      problem: 'is not "Term: definition"',
    });
  });

  it('titles a bare URL by its host', () => {
    expect(parseLink('https://example.org/a')).toEqual({
      title: 'example.org',
      url: 'https://example.org/a',
    });
  });

  it('drops sentence punctuation after a URL', () => {
    expect(parseLink('See https://example.org/a.')).toEqual({
      title: 'See',
      url: 'https://example.org/a',
    });
  });
});
