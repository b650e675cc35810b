import { describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../domain/index.js';
import { backendDeveloper, backendGuideInput, builtIn } from './guide.fixture.js';
import { renderGuideHtml } from './guide.html.js';
import { presentGuide } from './guide.presenter.js';
import type { GuideInput } from './guide.presenter.js';
import { flat } from './guide.fixture.js';

const render = (overrides: Partial<GuideInput> = {}) =>
  renderGuideHtml(presentGuide(backendGuideInput(overrides)));

const jsonLdOf = (page: string): Record<string, unknown> => {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
  return JSON.parse(match![1]!) as Record<string, unknown>;
};

describe('renderGuideHtml', () => {
  const page = render();

  it('is a complete HTML document in English', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(flat(page)).toContain(flat('<meta name="viewport"'));
    expect(flat(page)).toContain(flat('<title>Backend Developer: a guide for recruiters</title>'));
    expect(page.trimEnd()).toMatch(/<\/html>$/);
  });

  it('shows every section heading of the Backend Developer guide', () => {
    for (const heading of [
      '<h1>Backend Developer</h1>',
      'What does a Backend Developer do?',
      'What a Backend Developer is responsible for',
      'Why hire a Backend Developer?',
      'What are the signs that you need a Backend Developer?',
      'Terms a recruiter should know',
      '>Skills</h2>',
      '>Technologies</h2>',
      'Related roles',
      'Learn more',
      'Codes in other taxonomies',
    ]) {
      expect(page).toContain(heading);
    }
  });

  it('leaves no placeholder on the page', () => {
    expect(page).not.toMatch(/\{[a-z_ ]+\}/);
  });

  it('uses semantic landmarks and a definition list for terms', () => {
    for (const tag of [
      '<main',
      '<article',
      '<header',
      '<nav',
      '<section',
      '<footer',
      '<dl class="terms"',
      '<dfn>',
    ]) {
      expect(page).toContain(tag);
    }
  });

  it('labels every section by its heading', () => {
    expect(flat(page)).toContain(
      flat('<section id="benefits" aria-labelledby="benefits-heading">'),
    );
    expect(flat(page)).toContain(flat('<h2 id="benefits-heading">'));
  });

  it('needs no JavaScript: the only script is the JSON-LD', () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(flat(page)).toContain(flat('<script type="application/ld+json">'));
  });

  it('embeds schema.org Occupation JSON-LD that parses', () => {
    const jsonLd = jsonLdOf(page);
    expect(jsonLd['@type']).toBe('Occupation');
    expect(jsonLd.name).toBe('Backend Developer');
  });

  it('has print styles', () => {
    expect(page).toContain('@media print');
  });

  it('links each term, each example and each related role to its page', () => {
    expect(page).toContain('href="https://rolebook.example/terms/dbms"');
    expect(page).toContain('href="https://rolebook.example/terms/mysql"');
    expect(page).toContain('href="https://rolebook.example/roles/frontend-developer"');
    expect(page).toContain('href="https://rolebook.example/roles/onet/15-1252.00"');
  });

  it('shows abbreviations as abbr elements', () => {
    expect(flat(page)).toContain(flat('<abbr title="Database Management System">DBMS</abbr>'));
  });

  it('shows the alternative titles in the summary', () => {
    expect(flat(page)).toContain(
      flat('Also known as:</strong> Backend Engineer, Database Engineer'),
    );
  });

  it('links the first mention of a spotted term in the text', () => {
    const linked = render({
      spotTerms: (text) => {
        const at = text.indexOf('API');
        return at < 0 ? [] : [{ start: at, end: at + 3, slug: 'api' }];
      },
    });
    expect(flat(linked)).toContain(
      flat(
        'the <a class="term-link" href="https://rolebook.example/terms/api">API</a> that apps call',
      ),
    );
    expect(linked.match(/class="term-link"/g)).toHaveLength(1);
  });

  it('credits an imported taxonomy and its license in the footer', () => {
    const imported = render({
      taxonomy: {
        id: 'onet',
        name: 'O*NET 29.0',
        url: 'https://www.onetcenter.org/',
        license: 'CC BY 4.0',
        attribution: 'Includes information from the O*NET 29.0 Database.',
      },
    });
    const footer = /<footer class="guide-footer">[\s\S]*?<\/footer>/.exec(imported)![0];
    expect(flat(footer)).toContain(
      flat('<a href="https://www.onetcenter.org/" rel="external">Source: O*NET 29.0</a>'),
    );
    expect(footer).toContain('Includes information from the O*NET 29.0 Database.');
    expect(footer).toContain('License: CC BY 4.0');
  });

  it('shows essential and optional skills as two lists', () => {
    const imported = render({
      role: {
        ...backendDeveloper,
        skills: [
          { name: 'Programming', importance: 'essential' },
          { name: 'Negotiation', importance: 'optional' },
        ],
      },
    });
    expect(flat(imported)).toContain(
      flat('<h3>Essential skills</h3><ul class="tags"><li>Programming</li></ul>'),
    );
    expect(flat(imported)).toContain(
      flat('<h3>Optional skills</h3><ul class="tags"><li>Negotiation</li></ul>'),
    );
  });

  it('leaves out empty sections entirely, with no bare heading', () => {
    const empty = render({
      role: {
        ...emptyRoleContent('Backend Developer'),
        taxonomy: 'rolebook',
        code: 'backend-developer',
      },
      terms: [],
      related: [],
      counterparts: [],
    });
    expect(flat(empty)).not.toContain(flat('<h2'));
    expect(flat(empty)).not.toContain(flat('<section'));
    expect(empty).not.toContain('Why hire');
  });

  it('omits the table of contents for a guide with one section', () => {
    const one = render({
      role: {
        ...emptyRoleContent('Backend Developer'),
        taxonomy: 'rolebook',
        code: 'backend-developer',
        summary: 'Builds servers.',
      },
      terms: [],
      related: [],
      counterparts: [],
    });
    expect(one).not.toContain('class="toc"');
    expect(flat(one)).toContain(flat('<section id="summary"'));
  });

  it('marks a draft and keeps it out of search engines', () => {
    const draft = render({ role: { ...backendDeveloper, status: 'draft' } });
    expect(flat(draft)).toContain(flat('<meta name="robots" content="noindex">'));
    expect(draft).toContain('class="notice"');
  });
});

describe('renderGuideHtml, writing direction', () => {
  const inLanguage = (language: string) => render({ taxonomy: { ...builtIn, language } });

  it('sets the page and the article of an Arabic guide right to left', () => {
    const page = inLanguage('ar');
    expect(page).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(page).toContain('<article class="guide" lang="ar" dir="rtl">');
  });

  it('finds the direction of a regional variant by its script', () => {
    expect(inLanguage('ar-EG')).toMatch(/<html lang="ar-EG" dir="rtl">/);
  });

  it('leaves a guide written left to right without a direction', () => {
    expect(inLanguage('bg')).not.toContain(' dir=');
  });

  it('reads a tag the locale data refuses as left to right', () => {
    expect(inLanguage('en-a')).toMatch(/<html lang="en-a">/);
  });
});

describe('renderGuideHtml, a language it has no wording for', () => {
  const inLanguage = (language: string) => render({ taxonomy: { ...builtIn, language } });
  const japanese = inLanguage('ja');

  it('marks the English headings as English inside the Japanese guide', () => {
    expect(japanese).toContain('<article class="guide" lang="ja">');
    expect(japanese).toContain('<h2 id="skills-heading"><span lang="en">Skills</span></h2>');
  });

  it('marks every heading and label it words', () => {
    const headings = [...japanese.matchAll(/<h[23][^>]*>([\s\S]*?)<\/h[23]>/g)].map((m) => m[1]!);
    // Technology categories come from the role, in its language.
    expect(headings.filter((h) => !h.startsWith('<span lang="en">'))).toEqual([
      'Languages and runtimes',
      'Databases',
    ]);
    expect(japanese).toContain('<p class="kicker"><span lang="en">Understanding the role</span>');
  });

  it('sets the English headings of a right-to-left guide left to right', () => {
    expect(inLanguage('he')).toContain('<span lang="en" dir="ltr">Skills</span>');
  });

  it('marks nothing in a guide it has a wording for', () => {
    expect(inLanguage('bg')).not.toContain('<span lang=');
  });
});
