import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../domain/index.js';
import { GuideJsonLdSchema } from './guide-jsonld.schema.js';
import { backendGuideInput } from './guide.fixture.js';
import { renderGuideJsonLd } from './guide.jsonld.js';
import { presentGuide, type GuideInput } from './guide.presenter.js';

type Doc = Record<string, unknown>;
const render = (overrides: Partial<GuideInput> = {}) =>
  JSON.parse(renderGuideJsonLd(presentGuide(backendGuideInput(overrides)))) as Doc;

describe('renderGuideJsonLd', () => {
  const doc = render();

  it('is the document the API describes as GuideJsonLd', () => {
    expect([...Value.Errors(GuideJsonLdSchema, doc)]).toEqual([]);
  });

  it('is a schema.org Occupation', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@type']).toBe('Occupation');
  });

  it('carries the name, description, alternative names and URL', () => {
    expect(doc).toMatchObject({
      name: 'Backend Developer',
      url: 'https://rolebook.example/roles/backend-developer',
      alternateName: expect.arrayContaining([
        'Backend Engineer',
        'Senior Backend Software Engineer',
      ]) as unknown,
    });
    expect(doc.description).toMatch(/^A backend developer builds/);
  });

  it('gives the O*NET-SOC code of the crosswalk as a CategoryCode', () => {
    expect(doc.occupationalCategory).toEqual([
      {
        '@type': 'CategoryCode',
        codeValue: '15-1252.00',
        name: 'Software Developers',
        inCodeSet: {
          '@type': 'CategoryCodeSet',
          name: 'O*NET-SOC',
          url: 'https://www.onetcenter.org/taxonomy.html',
        },
      },
    ]);
  });

  it('gives an imported role its own code as its category', () => {
    const onet = render({
      taxonomy: { id: 'onet', name: 'O*NET-SOC' },
      role: { ...emptyRoleContent('Software Developers'), taxonomy: 'onet', code: '15-1252.00' },
      counterparts: [],
    });
    expect(onet.occupationalCategory).toEqual([
      expect.objectContaining({ codeValue: '15-1252.00' }),
    ]);
  });

  it('lists responsibilities and skills', () => {
    expect(doc.responsibilities).toHaveLength(3);
    expect(doc.skills).toEqual(expect.arrayContaining(['Database design', 'Node.js']));
  });

  it('describes the terms as a DefinedTermSet', () => {
    const set = doc.subjectOf as { '@type': string; hasDefinedTerm: Doc[] };
    expect(set['@type']).toBe('DefinedTermSet');
    expect(set.hasDefinedTerm[1]).toEqual({
      '@type': 'DefinedTerm',
      '@id': 'https://rolebook.example/terms/dbms',
      name: 'Database Management System',
      alternateName: ['DBMS'],
      description: 'Software that stores data and answers questions about it.',
      termCode: 'dbms',
      url: 'https://rolebook.example/terms/dbms',
    });
  });

  it("credits an imported taxonomy's release, with its licence, as what the page is based on", () => {
    const onet = render({
      taxonomy: {
        id: 'onet',
        name: 'O*NET',
        version: '27.0',
        url: 'https://www.onetcenter.org/database.html',
        license: 'CC BY 4.0',
        attribution: 'Includes information from the O*NET 27.0 Database.',
      },
      role: { ...emptyRoleContent('Software Developers'), taxonomy: 'onet', code: '15-1252.00' },
      counterparts: [],
    });
    expect(onet.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': onet.url,
      isBasedOn: {
        '@type': 'Dataset',
        name: 'O*NET',
        version: '27.0',
        url: 'https://www.onetcenter.org/database.html',
        license: { '@type': 'CreativeWork', name: 'CC BY 4.0' },
        creditText: 'Includes information from the O*NET 27.0 Database.',
      },
    });
    expect([...Value.Errors(GuideJsonLdSchema, onet)]).toEqual([]);
  });

  it('leaves out properties it has nothing for', () => {
    const bare = render({
      role: {
        ...emptyRoleContent('Backend Developer'),
        taxonomy: 'rolebook',
        code: 'backend-developer',
      },
      terms: [],
      related: [],
      counterparts: [],
    });
    expect(Object.keys(bare).sort()).toEqual([
      '@context',
      '@id',
      '@type',
      'description',
      'name',
      'url',
    ]);
  });
});
