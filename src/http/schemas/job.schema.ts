import { Type } from 'typebox';
import { NormalizeOptionsSchema } from '../../domain/index.js';
import { pageOf } from './common.schema.js';

export const JobSchema = Type.Object(
  {
    id: Type.String({ description: 'The job id.' }),
    state: Type.Union([
      Type.Literal('queued'),
      Type.Literal('running'),
      Type.Literal('succeeded'),
      Type.Literal('failed'),
      Type.Literal('cancelled'),
    ]),
    format: Type.Union([Type.Literal('ndjson'), Type.Literal('text'), Type.Literal('csv')], {
      description: 'How the upload was written.',
    }),
    options: Type.Object({
      ...NormalizeOptionsSchema.properties,
      column: Type.Optional(Type.String()),
    }),
    counts: Type.Object({
      lines: Type.Integer({ description: 'Lines read from the upload, blank ones included.' }),
      answered: Type.Integer({ description: 'Lines answered with a result so far.' }),
      refused: Type.Integer({ description: 'Lines answered with an error so far.' }),
    }),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the job and its results are deleted; null while it waits or runs.',
    }),
    error: Type.Union([Type.String(), Type.Null()]),
    links: Type.Object({
      self: Type.String(),
      result: Type.String(),
      cancel: Type.String(),
    }),
  },
  { additionalProperties: false },
);

export const JobPageSchema = pageOf(JobSchema);

export const JobParamsSchema = Type.Object({ id: Type.String({ maxLength: 64 }) });
