import { Type } from 'typebox';
import { postingParts } from '../../analysis/index.js';
import { SenioritySchema, WorkModeSchema } from '../../domain/index.js';
import { MatchSchema } from './normalize.schema.js';

const score = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

export const TextSpanSchema = Type.Object(
  {
    start: Type.Integer({ description: 'Offset of the first character, in UTF-16 code units.' }),
    end: Type.Integer({ description: 'Offset just past the last character.' }),
    text: Type.String(),
  },
  {
    description:
      'A stretch of the input: `input.slice(start, end)`, with `text` as a reader sees it (HTML markup left out, a word a line break split joined).',
  },
);

export const PostingTitleSchema = Type.Object(
  {
    ...TextSpanSchema.properties,
    seniority: Type.Optional(SenioritySchema),
    level: Type.Optional(Type.String()),
    workMode: Type.Optional(WorkModeSchema),
    location: Type.Optional(Type.String()),
    matches: Type.Array(MatchSchema, {
      description:
        'The roles of the built-in library the title names, as /v1/normalize ranks them.',
    }),
  },
  { description: 'The posting title and what title normalization says of it.' },
);

const EvidenceSchema = Type.Object({
  source: Type.Enum(['title', 'terms', 'text', 'named']),
  detail: Type.String(),
});

export const LikelyRoleSchema = Type.Object({
  taxonomy: Type.String(),
  code: Type.String(),
  name: Type.String(),
  score: score('The title and the body together.'),
  fromTitle: score('How well the title names this role (0 without a title).'),
  fromBody: score('How well the body reads as this role, relative to the best reading.'),
  evidence: Type.Array(EvidenceSchema),
});

export const FoundTermSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  category: Type.String(),
  definition: Type.String(),
  mentions: Type.Array(TextSpanSchema, { description: 'Where the term was written.' }),
});

const PartCheckSchema = Type.Object({
  present: Type.Boolean(),
  evidence: Type.Optional(Type.String({ description: 'The words that showed the part is there.' })),
  note: Type.Optional(Type.String({ description: 'What would make the part better.' })),
});

const PostingPartSchema = Type.Enum(postingParts);

export const JobAnalysisSchema = Type.Object({
  title: Type.Union([PostingTitleSchema, Type.Null()]),
  roles: Type.Array(LikelyRoleSchema, { description: 'Likely roles, best first.' }),
  seniority: Type.Object({
    level: Type.Union([SenioritySchema, Type.Null()]),
    source: Type.Union([Type.Literal('title'), Type.Literal('experience'), Type.Null()]),
    years: Type.Union([
      Type.Object({
        min: Type.Integer(),
        max: Type.Optional(Type.Integer()),
        text: Type.String(),
      }),
      Type.Null(),
    ]),
  }),
  terms: Type.Array(FoundTermSchema, { description: 'Every glossary term found, in order.' }),
  technologies: Type.Array(
    Type.Object({
      category: Type.String(),
      terms: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
    }),
    { description: 'The technologies named, by category.' },
  ),
  parts: Type.Object(
    Object.fromEntries(postingParts.map((p) => [p, PartCheckSchema])) as Record<
      (typeof postingParts)[number],
      typeof PartCheckSchema
    >,
  ),
  missing: Type.Array(PostingPartSchema, {
    description: 'Parts a good posting has and this lacks.',
  }),
  workModes: Type.Array(WorkModeSchema),
  warnings: Type.Array(
    Type.Object({
      code: Type.Enum([
        'title-body-mismatch',
        'seniority-mismatch',
        'no-title',
        'no-terms',
        'not-technology',
      ]),
      message: Type.String(),
    }),
  ),
});

export const DiagnosedRoleSchema = Type.Object({
  taxonomy: Type.String(),
  code: Type.String(),
  name: Type.String(),
  score: score(
    'The chance that this is the role to hire, calibrated on problems told by people outside the team.',
  ),
  matches: Type.Array(
    Type.Object({
      section: Type.Enum([
        'sign',
        'benefit',
        'responsibility',
        'skill',
        'summary',
        'title',
        'term',
        'concept',
      ]),
      title: Type.Optional(Type.String()),
      text: Type.String({ description: 'The part of the guide that matched.' }),
      said: Type.Array(Type.String(), { description: 'The words of the problem that matched it.' }),
      why: Type.String(),
      score: Type.Number(),
    }),
  ),
});

export const DiagnosisSchema = Type.Object({
  verdict: Type.Enum(['technology-role', 'no-technology-role'], {
    description:
      '`no-technology-role` when no role of the library is likely to fit (a nurse, a driver, a plumber, or text that says nothing a technology role is hired for).',
  }),
  message: Type.String({
    description:
      'One sentence: the role to hire, or that this does not sound like a technology role and what was understood.',
  }),
  roles: Type.Array(DiagnosedRoleSchema, {
    description: 'Best first; empty when no technology role fits.',
  }),
  understood: Type.Array(Type.Object({ said: Type.String(), means: Type.String() }), {
    description: 'Phrases of the problem and what they were taken to mean.',
  }),
});
