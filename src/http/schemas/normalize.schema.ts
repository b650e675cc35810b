import { Type } from 'typebox';
import {
  ContractTypeSchema,
  NormalizeOptionsSchema,
  SenioritySchema,
  ShiftSchema,
  WorkModeSchema,
} from '../../domain/index.js';

const MAX_JSON_BATCH = 10_000;

const options = NormalizeOptionsSchema.properties;

export const NormalizeQuerySchema = Type.Object(
  {
    title: Type.String({
      description: 'The job title to normalize.',
      examples: ['Sr. Back-end Eng (Node) - Remote'],
    }),
    ...options,
  },
  { additionalProperties: false },
);

export const NormalizeStreamQuerySchema = Type.Object(
  {
    ...options,
    column: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'For a text/csv body: the header of the column holding the titles, or its position (1 for the first) when no column is headed so (default: the first column whose header names job titles, such as title, job title, position, role or vacancy). A header that heads two columns is refused with 400 naming both positions: name the column by its position then.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NormalizeBatchBodySchema = Type.Object(
  {
    titles: Type.Array(Type.Unknown(), {
      minItems: 1,
      maxItems: MAX_JSON_BATCH,
      description: 'Titles to normalize; an unreadable one gets an error of its own.',
    }),
    ...options,
  },
  {
    additionalProperties: false,
    examples: [
      {
        titles: [
          'Sr. Back-end Eng (Node) - Remote',
          'Data Analyst II, Payments',
          'Frontend Developer (React) | Berlin',
        ],
      },
    ],
  },
);

export const MatchSchema = Type.Object({
  taxonomy: Type.String(),
  code: Type.String(),
  name: Type.String(),
  score: Type.Number(),
  matchedTitle: Type.String(),
  matchedHidden: Type.Optional(
    Type.Literal(true, {
      description: 'The matched title is one the source keeps hidden (an ESCO hidden label).',
    }),
  ),
  crosswalkFrom: Type.Optional(
    Type.Object(
      {
        taxonomy: Type.String(),
        code: Type.String(),
        name: Type.String(),
        matchedTitle: Type.String(),
      },
      {
        description:
          'A role of another taxonomy (a curated role) that matched the title closely and names this one in its crosswalk: part of why this role ranks where it does.',
      },
    ),
  ),
  matchedTechnology: Type.Optional(
    Type.String({
      description:
        'No title of the role matched: the title names this technology, which the role’s guide lists ("Splunk" of "Splunk Engineer"), and the role has titles with the title’s head. Weaker evidence than a title, scored lower; matchedTitle is then the role’s name.',
    }),
  ),
});

export const NormalizeResultSchema = Type.Object(
  {
    input: Type.String(),
    matches: Type.Array(MatchSchema, {
      description: 'Best first; empty when nothing is a confident match.',
    }),
    seniority: Type.Optional(SenioritySchema),
    level: Type.Optional(
      Type.String({ description: 'The employer’s own level as written: II, L5, Level 2.' }),
    ),
    workMode: Type.Optional(WorkModeSchema),
    location: Type.Optional(Type.String({ description: 'The place or places the title names.' })),
    team: Type.Optional(
      Type.String({
        description:
          'The team, product or domain named beside the role: "Payments" of "Product Manager, Payments".',
      }),
    ),
    technologies: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Technologies named beside the role: "Go" of "Backend Engineer (Go)".',
      }),
    ),
    shift: Type.Optional(ShiftSchema),
    contract: Type.Optional(ContractTypeSchema),
    noise: Type.Array(
      Type.String({ description: 'Requisition numbers and other text read as nothing else.' }),
    ),
    core: Type.String({ description: 'The role phrase the matches were found for.' }),
  },
  {
    $id: 'NormalizeResult',
    examples: [
      {
        input: 'Sr. Back-end Eng (Node) - Remote',
        matches: [
          {
            taxonomy: 'rolebook',
            code: 'backend-developer',
            name: 'Backend Developer',
            score: 0.979,
            matchedTitle: 'Backend Engineer',
          },
        ],
        noise: [],
        core: 'Back-end Eng',
        seniority: 'senior',
        workMode: 'remote',
        technologies: ['Node'],
      },
    ],
  },
);

/** A title of a batch that could not be matched, with why. */
export const NormalizeErrorSchema = Type.Object({
  input: Type.String({
    description:
      'The title; for a line of a stream that held none, the start of the line; for an item of a JSON batch that held none, the start of the item as JSON (`["qa"]`, `{"title":7}`, `1`).',
  }),
  error: Type.Object({ code: Type.String(), message: Type.String() }),
});

export const NormalizeItemSchema = Type.Union([NormalizeResultSchema, NormalizeErrorSchema]);

export const NormalizeBatchResultSchema = Type.Object({
  results: Type.Array(NormalizeItemSchema, { description: 'One per title, in input order.' }),
});

/** The streamed bodies a list of titles is sent as, by the streamed batch and by bulk jobs. */
export const titleUploadContent = {
  'application/x-ndjson': {
    schema: Type.Unknown({
      description: 'One JSON title per line.',
      examples: ['"Sr. Back-end Eng (Node) - Remote"\n{"title": "Data Analyst II, Payments"}\n'],
    }),
  },
  'text/plain': {
    schema: Type.Unknown({
      description: 'One title per line.',
      examples: ['Sr. Back-end Eng (Node) - Remote\nData Analyst II, Payments\n'],
    }),
  },
  'text/csv': {
    schema: Type.Unknown({
      description: 'CSV with a header row.',
      examples: [
        'id,job title,team\n1,Sr. Back-end Eng (Node) - Remote,Platform\n2,Data Analyst II,Payments\n',
      ],
    }),
  },
};
