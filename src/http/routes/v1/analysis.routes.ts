import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TextFormat } from '../../../analysis/index.js';
import { MAX_PROBLEM_INPUT_LENGTH, MAX_TEXT_INPUT_BYTES } from '../../../domain/index.js';
import { analyzeText, diagnoseProblems, type ServiceContext } from '../../../services/index.js';
import { DiagnosisSchema, JobAnalysisSchema } from '../../schemas/analysis.schema.js';
import { mediaTypeOf } from '../../media-type.js';
import { problemResponses } from '../../schemas/common.schema.js';

const TextFormatSchema = Type.Union([
  Type.Literal('text'),
  Type.Literal('markdown'),
  Type.Literal('html'),
]);

const AnalyzeBodySchema = Type.Object(
  {
    // A character takes at least one byte, so the byte limit bounds the length too; the
    // service checks the bytes themselves.
    text: Type.String({
      maxLength: MAX_TEXT_INPUT_BYTES,
      description: `The job description, up to ${MAX_TEXT_INPUT_BYTES} bytes of UTF-8 (413 beyond).`,
    }),
    format: Type.Optional(TextFormatSchema),
  },
  { additionalProperties: false },
);

const DiagnoseBodySchema = Type.Object(
  {
    text: Type.String({
      maxLength: MAX_PROBLEM_INPUT_LENGTH,
      description: `The problems, in plain words, up to ${MAX_PROBLEM_INPUT_LENGTH} characters (413 beyond).`,
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  },
  { additionalProperties: false },
);

const RawText = Type.String({ description: 'The text itself; its media type gives the format.' });

const formatOfMediaType: Record<string, TextFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/html': 'html',
};

export const analysisRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.post(
    '/analyze',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Analyze a job description',
        description:
          'Send JSON `{text, format}` or the text itself as text/plain, text/markdown or text/html. HTML is read as text; scripts and styles are ignored.',
        body: {
          content: {
            'application/json': { schema: AnalyzeBodySchema },
            'text/plain': { schema: RawText },
            'text/markdown': { schema: RawText },
            'text/html': { schema: RawText },
          },
        },
        response: {
          200: {
            description:
              'Likely roles with evidence, seniority, every term found with its definition, technologies by category, missing posting parts and warnings.',
            content: { 'application/json': { schema: JobAnalysisSchema } },
          },
          ...problemResponses(400, 413, 415, 503),
        },
      },
    },
    (request) => {
      const mediaType = mediaTypeOf(request.headers['content-type']);
      const body = request.body as string | { text: string; format?: TextFormat };
      const input =
        typeof body === 'string'
          ? { text: body, format: formatOfMediaType[mediaType] ?? 'text' }
          : body;
      return analyzeText(ctx, input);
    },
  );

  app.post(
    '/diagnose',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Which role do I need? Problems in plain words → roles to hire',
        body: {
          content: {
            'application/json': { schema: DiagnoseBodySchema },
            'text/plain': { schema: RawText },
          },
        },
        response: {
          200: {
            description: 'Ranked roles with the signs that matched and why.',
            content: { 'application/json': { schema: DiagnosisSchema } },
          },
          ...problemResponses(400, 413, 415, 503),
        },
      },
    },
    (request) => {
      const body = request.body as string | { text: string; limit?: number };
      return diagnoseProblems(ctx, typeof body === 'string' ? { text: body } : body);
    },
  );
  done();
};
