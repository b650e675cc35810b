import type { GuideView } from './guide-view.js';

/** Where a code set is published, for `CategoryCodeSet.url`. */
const codeSetUrls: Record<string, string> = {
  onet: 'https://www.onetcenter.org/taxonomy.html',
  esco: 'https://esco.ec.europa.eu/en/classification/occupation_main',
};

type JsonLd = Record<string, unknown>;

const categoryCode = (
  taxonomy: string,
  setName: string,
  code: string,
  name: string | null,
): JsonLd => ({
  '@type': 'CategoryCode',
  codeValue: code,
  ...(name !== null ? { name } : {}),
  inCodeSet: {
    '@type': 'CategoryCodeSet',
    name: setName,
    ...(codeSetUrls[taxonomy] ? { url: codeSetUrls[taxonomy] } : {}),
  },
});

/** Leaves out empty arrays and absent values, so the document carries only what we know. */
const compact = (doc: JsonLd): JsonLd =>
  Object.fromEntries(
    Object.entries(doc).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );

/**
 * The page as a `WebPage` based on the release it was imported from, since an Occupation itself
 * takes no licence: the source's terms (O*NET's CC BY 4.0, the Commission's reuse policy for
 * ESCO) travel with every copy of its content. Built-in guides are the library's own work.
 */
const sourcePage = (guide: GuideView): JsonLd | undefined => {
  const { taxonomy } = guide;
  if (taxonomy.builtIn) return undefined;
  return {
    '@type': 'WebPage',
    '@id': guide.url,
    isBasedOn: compact({
      '@type': 'Dataset',
      name: taxonomy.name,
      version: taxonomy.version,
      url: taxonomy.url,
      license:
        taxonomy.license === null ? null : { '@type': 'CreativeWork', name: taxonomy.license },
      creditText: taxonomy.attribution,
    }),
  };
};

/**
 * The guide as a schema.org `Occupation`. Codes in other taxonomies (and the role's own code
 * when it comes from an imported taxonomy) become `occupationalCategory` entries of type
 * `CategoryCode`; the glossary terms become a `DefinedTermSet` that the occupation is the
 * subject of; a role of an imported taxonomy credits its source as `mainEntityOfPage`.
 * @example guideJsonLd(guide)['@type'] === 'Occupation'
 */
export const guideJsonLd = (guide: GuideView): JsonLd => {
  const { sections, role, taxonomy } = guide;
  const categories = [
    ...(taxonomy.builtIn ? [] : [categoryCode(taxonomy.id, taxonomy.name, role.code, role.name)]),
    ...(sections.crosswalk?.codes ?? []).map((c) =>
      categoryCode(c.taxonomy, c.taxonomyName, c.code, c.name),
    ),
  ];
  const summary = sections.summary?.paragraphs.map((p) => p.text).join('\n\n');
  const skills = [
    ...(sections.skills?.groups.flatMap((g) => g.skills) ?? []),
    ...(sections.technologies?.groups.flatMap((g) => g.technologies.map((t) => t.name)) ?? []),
  ];
  const terms = sections.terms?.terms ?? [];
  const termSet =
    terms.length === 0
      ? undefined
      : {
          '@type': 'DefinedTermSet',
          '@id': `${guide.url}#terms`,
          name: `${sections.terms!.heading}: ${role.name}`,
          hasDefinedTerm: terms.map((t) =>
            compact({
              '@type': 'DefinedTerm',
              '@id': t.url,
              name: t.name,
              alternateName: [...t.abbreviations, ...t.aliases],
              description: t.definition,
              termCode: t.slug,
              url: t.url,
            }),
          ),
        };
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    '@id': guide.url,
    name: role.name,
    description: summary || guide.description,
    url: guide.url,
    alternateName: sections.summary?.alsoKnownAs ?? [],
    occupationalCategory: categories,
    responsibilities: sections.responsibilities?.items.map((i) => i.text) ?? [],
    skills: [...new Set(skills)],
    subjectOf: termSet,
    mainEntityOfPage: sourcePage(guide),
  });
};

/**
 * The JSON-LD document on its own, for `?format=jsonld` and `rolebook render --format jsonld`.
 * @example JSON.parse(renderGuideJsonLd(guide))['@type'] === 'Occupation'
 */
export const renderGuideJsonLd = (guide: GuideView): string =>
  `${JSON.stringify(guideJsonLd(guide), null, 2)}\n`;
