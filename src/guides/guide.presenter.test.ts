import { describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../domain/index.js';
import { backendDeveloper, backendGuideInput, backendTerms, builtIn } from './guide.fixture.js';
import { presentGuide } from './guide.presenter.js';
import type { SpotTerms } from './term-links.js';

const bare = {
  ...emptyRoleContent('Backend Developer'),
  taxonomy: 'rolebook',
  code: 'backend-developer',
};

const onetTaxonomy = {
  id: 'onet',
  name: 'O*NET 29.0',
  license: 'CC BY 4.0',
  url: 'https://www.onetcenter.org/',
  attribution: 'Includes information from the O*NET 29.0 Database by the U.S. Department of Labor.',
};

/** Finds whole, case-sensitive words from a fixed list: enough to test linking. */
const spotter =
  (words: Record<string, string>): SpotTerms =>
  (text) =>
    Object.entries(words).flatMap(([word, slug]) =>
      [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => ({
        start: m.index,
        end: m.index + word.length,
        slug,
      })),
    );

describe('presentGuide', () => {
  it('fills the headings with the role name and its article', () => {
    const guide = presentGuide(backendGuideInput());
    expect(guide.sections.benefits?.heading).toBe('Why hire a Backend Developer?');
    expect(guide.sections.signs?.heading).toBe(
      'What are the signs that you need a Backend Developer?',
    );
  });

  it('chooses "an" for a name that starts with a vowel sound', () => {
    const guide = presentGuide(
      backendGuideInput({ role: { ...backendDeveloper, name: 'iOS Developer' } }),
    );
    expect(guide.sections.summary?.heading).toBe('What does an iOS Developer do?');
  });

  it('leaves out every section that has no content', () => {
    const guide = presentGuide({
      ...backendGuideInput(),
      role: bare,
      terms: [],
      related: [],
      counterparts: [],
    });
    expect(guide.sections).toEqual({});
  });

  it("words headings and labels in the taxonomy's language and marks the guide with it", () => {
    const guide = presentGuide(
      backendGuideInput({ taxonomy: { ...builtIn, language: 'fr' }, counterparts: [] }),
    );
    expect(guide.lang).toBe('fr');
    expect(guide.sections.benefits?.heading).toBe('Pourquoi recruter ce profil\u00a0?');
    expect(guide.labels.alsoKnownAs).toBe('Autres intitulés');
  });

  it('finds the wording of a regional variant by its language', () => {
    const guide = presentGuide(backendGuideInput({ taxonomy: { ...builtIn, language: 'de-AT' } }));
    expect([guide.lang, guide.sections.skills?.heading]).toEqual(['de-AT', 'Kompetenzen']);
  });

  it('keeps English headings for a language it has no wording for, and says they are English', () => {
    const guide = presentGuide(backendGuideInput({ taxonomy: { ...builtIn, language: 'ja' } }));
    expect([guide.lang, guide.labelsLang, guide.sections.skills?.heading]).toEqual([
      'ja',
      'en',
      'Skills',
    ]);
  });

  it('says the headings are in the guide language when it has a wording for it', () => {
    const guide = presentGuide(backendGuideInput({ taxonomy: { ...builtIn, language: 'nb-NO' } }));
    expect([guide.labelsLang, guide.sections.skills?.heading]).toEqual(['nb-NO', 'Ferdigheter']);
  });

  it('leaves out a section whose items are all blank', () => {
    const guide = presentGuide(
      backendGuideInput({ role: { ...backendDeveloper, responsibilities: ['  ', '\n'] } }),
    );
    expect(guide.sections.responsibilities).toBeUndefined();
  });

  it('keeps the summary when only alternative titles are known', () => {
    const guide = presentGuide(
      backendGuideInput({ role: { ...bare, alternativeTitles: ['Server Developer'] } }),
    );
    expect(guide.sections.summary).toEqual({
      heading: 'What does a Backend Developer do?',
      paragraphs: [],
      alsoKnownAs: ['Server Developer'],
    });
  });

  it('drops alternative titles that repeat the name or each other', () => {
    const guide = presentGuide(
      backendGuideInput({
        role: {
          ...backendDeveloper,
          alternativeTitles: ['backend developer', 'API Engineer', 'api engineer'],
        },
      }),
    );
    expect(guide.sections.summary?.alsoKnownAs).toEqual(['API Engineer']);
  });

  it('splits the summary into paragraphs at blank lines', () => {
    expect(presentGuide(backendGuideInput()).sections.summary?.paragraphs).toHaveLength(2);
  });

  it('describes the guide by the first paragraph of the summary', () => {
    expect(presentGuide(backendGuideInput()).description).toMatch(/^A backend developer builds/);
  });

  it('falls back to a stock description when there is no summary', () => {
    const guide = presentGuide(backendGuideInput({ role: bare }));
    expect(guide.description).toBe(
      'What a Backend Developer does, why you would hire one, the signs that you need one and the terms to know.',
    );
  });

  it('links each term and its examples to their term pages', () => {
    const dbms = presentGuide(backendGuideInput()).sections.terms?.terms.find(
      (t) => t.slug === 'dbms',
    );
    expect(dbms?.url).toBe('https://rolebook.example/terms/dbms');
    expect(dbms?.examples.map((e) => e.name)).toEqual([
      'MySQL',
      'PostgreSQL',
      'MongoDB',
      'Oracle Database',
    ]);
    expect(dbms?.examples[0]?.url).toBe('https://rolebook.example/terms/mysql');
  });

  it('leaves out an abbreviation that is the term name itself', () => {
    const api = { ...backendTerms[0]!, name: 'API', abbreviations: ['API', 'APIs'] };
    const guide = presentGuide(backendGuideInput({ terms: [api] }));
    expect(guide.sections.terms?.terms[0]?.abbreviations).toEqual(['APIs']);
  });

  it('skips examples that are not known terms', () => {
    const guide = presentGuide(backendGuideInput({ examples: new Map() }));
    expect(guide.sections.terms?.terms.every((t) => t.examples.length === 0)).toBe(true);
  });

  it('shows ranked skills of an imported role as essential and optional lists', () => {
    const guide = presentGuide(
      backendGuideInput({
        taxonomy: onetTaxonomy,
        role: {
          ...bare,
          taxonomy: 'onet',
          code: '15-1252.00',
          skills: [
            { name: 'Programming', importance: 'essential' },
            { name: 'Critical Thinking', importance: 'essential' },
            { name: 'Negotiation', importance: 'optional' },
          ],
        },
      }),
    );
    expect(guide.sections.skills?.groups).toEqual([
      {
        importance: 'essential',
        label: 'Essential skills',
        skills: ['Programming', 'Critical Thinking'],
      },
      { importance: 'optional', label: 'Optional skills', skills: ['Negotiation'] },
    ]);
  });

  it('shows unranked skills as one list without a label', () => {
    expect(presentGuide(backendGuideInput()).sections.skills?.groups).toEqual([
      {
        importance: null,
        label: null,
        skills: ['Database design', 'API design', 'Performance tuning'],
      },
    ]);
  });

  it('puts the tasks of an imported role under responsibilities', () => {
    const guide = presentGuide(
      backendGuideInput({
        taxonomy: onetTaxonomy,
        role: {
          ...bare,
          taxonomy: 'onet',
          code: '15-1252.00',
          responsibilities: ['Analyze user needs.'],
        },
      }),
    );
    expect(guide.sections.responsibilities?.items.map((i) => i.text)).toEqual([
      'Analyze user needs.',
    ]);
  });

  it("keeps O*NET's Hot Technology and In Demand flags apart", () => {
    const guide = presentGuide(
      backendGuideInput({
        role: { ...backendDeveloper, technologies: [{ name: 'Git', hot: false, inDemand: true }] },
      }),
    );
    expect(guide.sections.technologies?.groups[0]?.technologies).toEqual([
      { name: 'Git', hot: false, inDemand: true },
    ]);
  });

  it('groups technologies by category in first-seen order, uncategorised last', () => {
    const groups = presentGuide(backendGuideInput()).sections.technologies?.groups;
    expect(groups?.map((g) => g.category)).toEqual([
      'Languages and runtimes',
      'Databases',
      'Other technologies',
    ]);
    expect(groups?.[0]?.technologies[0]).toEqual({ name: 'Node.js', hot: true, inDemand: false });
  });

  it('drops reference links that are not http(s)', () => {
    const guide = presentGuide(
      backendGuideInput({
        role: {
          ...backendDeveloper,
          links: [
            { title: 'Bad', url: 'javascript:alert(1)' },
            { title: 'Good', url: 'https://example.test/' },
          ],
        },
      }),
    );
    expect(guide.sections.links?.links).toEqual([{ title: 'Good', url: 'https://example.test/' }]);
  });

  it('links a counterpart only when its guide is in the library', () => {
    const guide = presentGuide(
      backendGuideInput({
        counterparts: [{ taxonomy: 'esco', code: 'http://data.europa.eu/esco/occupation/x' }],
      }),
    );
    expect(guide.sections.crosswalk?.codes).toEqual([
      {
        taxonomy: 'esco',
        taxonomyName: 'ESCO',
        code: 'http://data.europa.eu/esco/occupation/x',
        name: null,
        url: null,
      },
    ]);
  });

  it('builds guide URLs without the built-in taxonomy and with it for others', () => {
    expect(presentGuide(backendGuideInput()).url).toBe(
      'https://rolebook.example/roles/backend-developer',
    );
    const onet = presentGuide(
      backendGuideInput({
        taxonomy: onetTaxonomy,
        role: { ...bare, taxonomy: 'onet', code: '15-1252.00' },
      }),
    );
    expect(onet.url).toBe('https://rolebook.example/roles/onet/15-1252.00');
  });

  it('uses site-relative URLs when the base URL is empty', () => {
    expect(presentGuide(backendGuideInput({ baseUrl: '' })).sections.related?.roles[0]?.url).toBe(
      '/roles/frontend-developer',
    );
  });

  it('carries the taxonomy attribution and license', () => {
    const guide = presentGuide(backendGuideInput({ taxonomy: onetTaxonomy }));
    expect(guide.taxonomy).toMatchObject({
      builtIn: false,
      license: 'CC BY 4.0',
      attribution: onetTaxonomy.attribution,
    });
    expect(guide.labels.source).toBe('Source: O*NET 29.0');
  });

  it('marks a built-in taxonomy as such', () => {
    expect(presentGuide(backendGuideInput({ taxonomy: builtIn })).taxonomy.builtIn).toBe(true);
  });
});

describe('presentGuide for a taxonomy that names its roles in the plural', () => {
  const developers = {
    ...backendDeveloper,
    taxonomy: 'onet',
    code: '15-1252.00',
    name: 'Software Developers',
  };
  const plural = (role = developers) =>
    presentGuide(
      backendGuideInput({ taxonomy: { ...onetTaxonomy, roleNameNumber: 'plural' }, role }),
    );

  it('words the headings that name the role in the plural, without an article', () => {
    const { sections } = plural();
    expect(sections.summary?.heading).toBe('What do Software Developers do?');
    expect(sections.responsibilities?.heading).toBe('What Software Developers are responsible for');
    expect(sections.benefits?.heading).toBe('Why hire Software Developers?');
    expect(sections.signs?.heading).toBe('What are the signs that you need Software Developers?');
  });

  it('keeps the texts that read the same for both numbers', () => {
    const guide = plural();
    expect(guide.pageTitle).toBe('Software Developers: a guide for recruiters');
    expect(guide.heading).toBe('Software Developers');
    expect(guide.sections.terms?.heading).toBe('Terms a recruiter should know');
  });

  it('words the stock description and the draft notice in the plural', () => {
    const guide = plural({
      ...developers,
      name: 'Computer and Information Systems Managers',
      summary: '',
      status: 'draft',
    });
    expect(guide.description).toBe(
      'What Computer and Information Systems Managers do, why you would hire them, the signs that you need them and the terms to know.',
    );
    expect(guide.labels.draft).toBe(
      'Draft: this guide to Computer and Information Systems Managers is not published yet.',
    );
  });

  it('words them in the singular for a taxonomy that does not say, or says singular', () => {
    const role = { ...developers, name: 'Software Developer' };
    for (const taxonomy of [
      onetTaxonomy,
      { ...onetTaxonomy, roleNameNumber: 'singular' as const },
    ]) {
      expect(presentGuide(backendGuideInput({ taxonomy, role })).sections.benefits?.heading).toBe(
        'Why hire a Software Developer?',
      );
    }
  });
});

describe('presentGuide with a term spotter', () => {
  const spotTerms = spotter({ API: 'api', database: 'dbms', server: 'server-side' });

  it('links the first mention of each term and no later one', () => {
    const guide = presentGuide(backendGuideInput({ spotTerms }));
    const linked = [
      ...guide.sections.summary!.paragraphs,
      ...guide.sections.responsibilities!.items,
      ...guide.sections.benefits!.points.map((p) => p.text),
      ...guide.sections.signs!.points.map((p) => p.text),
    ].flatMap((t) => t.mentions.map((m) => m.slug));
    expect(linked).toEqual(['server-side', 'api', 'dbms']);
  });

  it('gives each mention its offsets and the term URL', () => {
    const first = presentGuide(backendGuideInput({ spotTerms })).sections.summary!.paragraphs[0]!;
    const api = first.mentions.find((m) => m.slug === 'api')!;
    expect(first.text.slice(api.start, api.end)).toBe('API');
    expect(api.url).toBe('https://rolebook.example/terms/api');
  });

  it('links mentions in benefits and signs when the summary has none', () => {
    const guide = presentGuide(
      backendGuideInput({
        role: { ...backendDeveloper, summary: '', responsibilities: [] },
        spotTerms,
      }),
    );
    expect(guide.sections.benefits!.points[3]!.text.mentions.map((m) => m.slug)).toEqual(['api']);
  });

  it('ignores spans that are out of range, empty or overlapping', () => {
    const guide = presentGuide(
      backendGuideInput({
        role: { ...bare, summary: 'API integration matters.' },
        spotTerms: () => [
          { start: 0, end: 15, slug: 'api-integration' },
          { start: 0, end: 3, slug: 'api' },
          { start: 5, end: 5, slug: 'empty' },
          { start: 20, end: 99, slug: 'outside' },
        ],
      }),
    );
    expect(guide.sections.summary!.paragraphs[0]!.mentions.map((m) => m.slug)).toEqual([
      'api-integration',
    ]);
  });

  it('links nothing without a spotter', () => {
    const guide = presentGuide(backendGuideInput());
    expect(guide.sections.summary!.paragraphs.every((p) => p.mentions.length === 0)).toBe(true);
  });
});
