import { Type } from 'typebox';

const CategoryCodeSchema = Type.Object({
  '@type': Type.Literal('CategoryCode'),
  codeValue: Type.String(),
  name: Type.Optional(Type.String()),
  inCodeSet: Type.Object({
    '@type': Type.Literal('CategoryCodeSet'),
    name: Type.String(),
    url: Type.Optional(Type.String()),
  }),
});

const DefinedTermSchema = Type.Object({
  '@type': Type.Literal('DefinedTerm'),
  '@id': Type.String(),
  name: Type.String(),
  alternateName: Type.Optional(Type.Array(Type.String())),
  description: Type.Optional(Type.String()),
  termCode: Type.String(),
  url: Type.String(),
});

const SourcePageSchema = Type.Object(
  {
    '@type': Type.Literal('WebPage'),
    '@id': Type.String(),
    isBasedOn: Type.Object({
      '@type': Type.Literal('Dataset'),
      name: Type.String(),
      version: Type.Optional(Type.String()),
      url: Type.Optional(Type.String()),
      license: Type.Optional(
        Type.Object({ '@type': Type.Literal('CreativeWork'), name: Type.String() }),
      ),
      creditText: Type.Optional(Type.String()),
    }),
  },
  { description: 'The page, for a role of an imported taxonomy: the release it is based on.' },
);

/** The guide as schema.org JSON-LD (`format=jsonld`): the fields guideJsonLd writes. */
export const GuideJsonLdSchema = Type.Object(
  {
    '@context': Type.Literal('https://schema.org'),
    '@type': Type.Literal('Occupation'),
    '@id': Type.String(),
    name: Type.String(),
    description: Type.Optional(Type.String()),
    url: Type.String(),
    alternateName: Type.Optional(Type.Array(Type.String())),
    occupationalCategory: Type.Optional(Type.Array(CategoryCodeSchema)),
    responsibilities: Type.Optional(Type.Array(Type.String())),
    skills: Type.Optional(Type.Array(Type.String())),
    subjectOf: Type.Optional(
      Type.Object({
        '@type': Type.Literal('DefinedTermSet'),
        '@id': Type.String(),
        name: Type.String(),
        hasDefinedTerm: Type.Array(DefinedTermSchema),
      }),
    ),
    mainEntityOfPage: Type.Optional(SourcePageSchema),
  },
  { description: 'A schema.org Occupation document; empty fields are left out.' },
);
