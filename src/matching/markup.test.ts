import { describe, expect, it } from 'vitest';
import { withoutMarkup } from './markup.js';

describe('withoutMarkup', () => {
  it('drops inline tags around the title', () => {
    expect(withoutMarkup('<strong>Software Engineer</strong> - Remote').trim()).toBe(
      'Software Engineer  - Remote',
    );
  });

  it('reads a line break as a bar between pieces', () => {
    expect(withoutMarkup('IT Support Analyst<br>1st Line')).toBe('IT Support Analyst | 1st Line');
  });

  it('reads named, decimal and hexadecimal references as their characters', () => {
    expect(withoutMarkup('Data &amp; Analytics &#8211; Azure &#x2013; UK&nbsp;(Remote)')).toBe(
      'Data & Analytics \u2013 Azure \u2013 UK (Remote)',
    );
  });

  it('leaves an unknown name and a bare ampersand as written', () => {
    expect(withoutMarkup('R&D Engineer &zz; Q&A')).toBe('R&D Engineer &zz; Q&A');
  });

  it('drops markdown emphasis marks', () => {
    expect(withoutMarkup('**Data Scientist** and __ML Engineer__')).toBe(
      'Data Scientist and ML Engineer',
    );
  });

  it('keeps a less-than sign that opens no tag', () => {
    expect(withoutMarkup('Engineer <5 years')).toBe('Engineer <5 years');
  });
});
