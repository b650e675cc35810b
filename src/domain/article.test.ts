import { describe, expect, it } from 'vitest';
import { indefiniteArticle, withArticle } from './article.js';

describe('indefiniteArticle', () => {
  it.each([
    ['Backend Developer', 'a'],
    ['Android Developer', 'an'],
    ['Engineering Manager', 'an'],
    ['Data Scientist', 'a'],
  ])('chooses by the first letter for ordinary words: %s', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it.each([
    ['iOS Developer', 'an'],
    ['UX Designer', 'a'],
    ['SRE', 'an'],
    ['ML Engineer', 'an'],
    ['HR Business Partner', 'an'],
    ['QA Engineer', 'a'],
    ['UI Designer', 'a'],
    ['AI Engineer', 'an'],
    ['SEO Specialist', 'an'],
    ['DBA', 'a'],
    ['HTML Developer', 'an'],
    ['R Developer', 'an'],
    ['C++ Developer', 'a'],
  ])('spells initialisms letter by letter: %s', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it.each([
    ['Unix Administrator', 'a'],
    ['User Researcher', 'a'],
    ['European Sales Lead', 'a'],
    ['One-person team', 'a'],
    ['Ubuntu Maintainer', 'an'],
    ['Hourly Worker', 'an'],
    ['Honest Broker', 'an'],
    ['NASA Engineer', 'a'],
    ['REST API Developer', 'a'],
    ['.NET Developer', 'a'],
  ])('follows the sound where the letter misleads: %s', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it.each([
    ['8-bit Artist', 'an'],
    ['18th-century Historian', 'an'],
    ['11-person Team', 'an'],
    ['3D Artist', 'a'],
    ['110 Engineer', 'a'],
  ])('reads leading numbers aloud: %s', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });
});

describe('withArticle', () => {
  it('puts the article before the phrase unchanged', () => {
    expect(withArticle('iOS Developer')).toBe('an iOS Developer');
  });
});
