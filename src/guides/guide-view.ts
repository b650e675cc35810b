import { Type, type Static } from 'typebox';

const text = (description?: string) => Type.String(description ? { description } : {});

export const TermMentionSchema = Type.Object(
  {
    start: Type.Integer({
      minimum: 0,
      description: 'Offset of the first character, in UTF-16 units.',
    }),
    end: Type.Integer({ minimum: 0, description: 'Offset just past the last character.' }),
    slug: text('Slug of the glossary term mentioned.'),
    url: text('URL of the term page.'),
  },
  { additionalProperties: false },
);
export type TermMention = Static<typeof TermMentionSchema>;

/** Plain text, with the first mention of each glossary term marked for linking. */
export const LinkedTextSchema = Type.Object(
  { text: Type.String(), mentions: Type.Array(TermMentionSchema) },
  { additionalProperties: false },
);
export type LinkedText = Static<typeof LinkedTextSchema>;

const PointViewSchema = Type.Object(
  { title: Type.String(), text: LinkedTextSchema },
  { additionalProperties: false },
);
export type PointView = Static<typeof PointViewSchema>;

const RoleLinkSchema = Type.Object(
  { taxonomy: Type.String(), code: Type.String(), name: Type.String(), url: Type.String() },
  { additionalProperties: false },
);

const TermRefSchema = Type.Object(
  { slug: Type.String(), name: Type.String(), url: Type.String() },
  { additionalProperties: false },
);

export const TermViewSchema = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    abbreviations: Type.Array(Type.String()),
    aliases: Type.Array(Type.String()),
    definition: Type.String(),
    category: Type.String(),
    url: Type.String(),
    examples: Type.Array(TermRefSchema, { description: 'Examples that are terms themselves.' }),
  },
  { additionalProperties: false },
);
export type TermView = Static<typeof TermViewSchema>;

const SkillGroupSchema = Type.Object(
  {
    importance: Type.Union([Type.Literal('essential'), Type.Literal('optional'), Type.Null()], {
      description: 'Null for a role whose skills are not ranked.',
    }),
    label: Type.Union([Type.String(), Type.Null()], {
      description: 'Heading of the list; null when there is only one list.',
    }),
    skills: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SkillGroup = Static<typeof SkillGroupSchema>;

const TechnologyGroupSchema = Type.Object(
  {
    category: Type.String(),
    uncategorised: Type.Boolean({
      description:
        'True for the technologies without a category, headed by the guide’s own label (in `labelsLang`).',
    }),
    technologies: Type.Array(
      Type.Object(
        { name: Type.String(), hot: Type.Boolean(), inDemand: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TechnologyGroup = Static<typeof TechnologyGroupSchema>;

const CounterpartViewSchema = Type.Object(
  {
    taxonomy: Type.String(),
    taxonomyName: Type.String(),
    code: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    url: Type.Union([Type.String(), Type.Null()], {
      description: 'Guide of the counterpart; null when it is not in this library.',
    }),
  },
  { additionalProperties: false },
);
export type CounterpartView = Static<typeof CounterpartViewSchema>;

const section = <T extends Parameters<typeof Type.Object>[0]>(properties: T) =>
  Type.Optional(
    Type.Object({ heading: Type.String(), ...properties }, { additionalProperties: false }),
  );

/**
 * The sections of a guide, each absent when it has no content. Renderers show them in
 * `guideSectionOrder`.
 */
export const GuideSectionsSchema = Type.Object(
  {
    summary: section({
      paragraphs: Type.Array(LinkedTextSchema),
      alsoKnownAs: Type.Array(Type.String()),
    }),
    responsibilities: section({ items: Type.Array(LinkedTextSchema) }),
    benefits: section({ points: Type.Array(PointViewSchema) }),
    signs: section({ points: Type.Array(PointViewSchema) }),
    terms: section({ terms: Type.Array(TermViewSchema) }),
    skills: section({ groups: Type.Array(SkillGroupSchema) }),
    technologies: section({ groups: Type.Array(TechnologyGroupSchema) }),
    related: section({ roles: Type.Array(RoleLinkSchema) }),
    links: section({
      links: Type.Array(
        Type.Object({ title: Type.String(), url: Type.String() }, { additionalProperties: false }),
      ),
    }),
    crosswalk: section({ codes: Type.Array(CounterpartViewSchema) }),
  },
  { additionalProperties: false },
);
export type GuideSections = Static<typeof GuideSectionsSchema>;
export type GuideSectionName = keyof GuideSections;

export const guideSectionOrder = [
  'summary',
  'responsibilities',
  'benefits',
  'signs',
  'terms',
  'skills',
  'technologies',
  'related',
  'links',
  'crosswalk',
] as const satisfies readonly GuideSectionName[];

/**
 * A role guide as it leaves the server: everything a renderer shows, already worded, with
 * every template placeholder filled. This is also the body of the guide in JSON.
 */
export const GuideViewSchema = Type.Object(
  {
    format: Type.Literal('rolebook.guide/1', {
      description: 'Shape and version of this document.',
    }),
    lang: Type.String({ description: 'Language of the guide and its role texts, e.g. `en`.' }),
    labelsLang: Type.String({
      description:
        'Language of the headings and labels: `lang`, or `en` when Rolebook has no wording in `lang` and words them in English.',
    }),
    url: text('Canonical URL of the guide page.'),
    role: Type.Object(
      {
        taxonomy: Type.String(),
        code: Type.String(),
        name: Type.String(),
        status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
        version: Type.Union([Type.Integer(), Type.Null()]),
        updatedAt: Type.Union([Type.String(), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    taxonomy: Type.Object(
      {
        id: Type.String(),
        name: Type.String(),
        builtIn: Type.Boolean(),
        version: Type.Union([Type.String(), Type.Null()]),
        url: Type.Union([Type.String(), Type.Null()]),
        license: Type.Union([Type.String(), Type.Null()]),
        attribution: Type.Union([Type.String(), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    pageTitle: text('Title for a browser tab or a search result.'),
    kicker: text('Short line above the heading.'),
    heading: text('Main heading of the guide.'),
    description: text('One-paragraph plain-text description (the summary, or a stock sentence).'),
    sections: GuideSectionsSchema,
    labels: Type.Object(
      {
        alsoKnownAs: Type.String(),
        examples: Type.String(),
        hotTechnology: Type.String(),
        inDemand: Type.String(),
        onThisPage: Type.String(),
        source: Type.String(),
        license: Type.String(),
        updated: Type.String(),
        draft: Type.String(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type GuideView = Static<typeof GuideViewSchema>;
