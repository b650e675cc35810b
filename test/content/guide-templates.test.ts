import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TAXONOMY, type RoleNameNumber } from '../../src/domain/index.js';
import {
  guideFormats,
  presentGuide,
  renderGuide,
  type GuideFormat,
  type GuideTerm,
} from '../../src/guides/index.js';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';

const root = join(import.meta.dirname, '../../content');

/** English and every language ESCO publishes its occupations in: one template each. */
const languages = [
  ...['ar', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu'],
  ...['is', 'it', 'lt', 'lv', 'mt', 'nl', 'no', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'uk'],
];
const numbers: RoleNameNumber[] = ['singular', 'plural'];
const formats = Object.keys(guideFormats) as GuideFormat[];

/** A placeholder of a template ("{role_name}") left in what a reader gets. */
const PLACEHOLDER = /\{[a-z_]+\}/;

let library: ContentLibrary;
beforeAll(async () => {
  library = await readContentLibrary(root);
});

/**
 * Every built-in role's guide in one template's wording, for role names in the singular and the
 * plural, in every format: the places where a placeholder was left unfilled, or the renderer
 * refused the template.
 */
const gapsIn = (lang: string): string[] => {
  const terms = new Map<string, GuideTerm>(
    library.terms.map(({ slug, content }) => [slug, { slug, ...content }]),
  );
  const names = new Map(library.roles.map((r) => [r.code, r.content.name]));
  const gaps: string[] = [];
  for (const number of numbers) {
    const taxonomy = { id: BUILT_IN_TAXONOMY, name: 'Rolebook', language: lang, roleNameNumber: number };
    for (const { code, content } of library.roles) {
      const guide = presentGuide({
        role: { taxonomy: BUILT_IN_TAXONOMY, code, ...content },
        taxonomy,
        terms: content.terms.flatMap((slug) => terms.get(slug) ?? []),
        examples: terms,
        related: content.relatedRoles.map((r) => ({ ...r, name: names.get(r.code) ?? r.code })),
        counterparts: content.crosswalk,
        baseUrl: 'https://rolebook.example',
      });
      if (guide.labelsLang !== lang) gaps.push(`${code} (${number}): labels in ${guide.labelsLang}`);
      for (const format of formats) {
        const found = PLACEHOLDER.exec(renderGuide(guide, format).body);
        if (found) gaps.push(`${code} (${number}, ${format}): ${found[0]}`);
      }
    }
  }
  return gaps;
};

describe('the guide templates', () => {
  it.each(languages)(
    'renders every built-in role in the %s wording, in every format, with every placeholder filled',
    (lang) => {
      expect(library.roles.length).toBeGreaterThan(0);
      expect(gapsIn(lang)).toEqual([]);
    },
  );
});
