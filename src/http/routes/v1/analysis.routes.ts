import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TextFormat } from '../../../analysis/index.js';
import { MAX_PROBLEM_INPUT_LENGTH, MAX_TEXT_INPUT_BYTES } from '../../../domain/index.js';
import { analyzeText, diagnoseProblems, type ServiceContext } from '../../../services/index.js';
import { DiagnosisSchema, JobAnalysisSchema } from '../../schemas/analysis.schema.js';
import { mediaTypeOf } from '../../media-type.js';
import { problemResponses } from '../../schemas/common.schema.js';

/** A short posting as a recruiter would paste it, for the console's first try. */
const postingExample = `Senior Backend Developer (Node.js) - Remote

We are a small payments team looking for a backend developer to design and run our REST APIs.

Responsibilities:
- Build services in Node.js and TypeScript on PostgreSQL
- Review code and keep our CI/CD pipeline green

Requirements: 5+ years of backend development, good knowledge of SQL and Docker.
Salary: EUR 70,000-85,000 a year.
`;

const problemExample =
  'Our online shop gets slow every time traffic spikes, and nobody on the team knows how to fix the database.';

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
  { additionalProperties: false, examples: [{ text: postingExample, format: 'text' }] },
);

const DiagnoseBodySchema = Type.Object(
  {
    text: Type.String({
      maxLength: MAX_PROBLEM_INPUT_LENGTH,
      description: `The problems, in plain words, up to ${MAX_PROBLEM_INPUT_LENGTH} characters (413 beyond).`,
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  },
  { additionalProperties: false, examples: [{ text: problemExample, limit: 3 }] },
);

/** A body that is the text itself, its media type giving the format. */
const rawText = (example: string) =>
  Type.String({
    description: 'The text itself; its media type gives the format.',
    examples: [example],
  });

/** The posting of the JSON example as Markdown and as HTML. */
const markdownPosting = `# Senior Backend Developer (Node.js) - Remote

We are a small payments team looking for a backend developer to design and run our REST APIs.

## Responsibilities

- Build services in Node.js and TypeScript on PostgreSQL
- Review code and keep our CI/CD pipeline green

## Requirements

5+ years of backend development, good knowledge of SQL and Docker. Salary: EUR 70,000-85,000 a year.
`;
const htmlPosting = `<h1>Senior Backend Developer (Node.js) - Remote</h1>
<p>We are a small payments team looking for a backend developer to design and run our REST APIs.</p>
<h2>Responsibilities</h2>
<ul><li>Build services in Node.js and TypeScript on PostgreSQL</li><li>Review code and keep our CI/CD pipeline green</li></ul>
<h2>Requirements</h2>
<p>5+ years of backend development, good knowledge of SQL and Docker.</p>
<p>Salary: EUR 70,000-85,000 a year.</p>
`;

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
            'text/plain': { schema: rawText(postingExample) },
            'text/markdown': { schema: rawText(markdownPosting) },
            'text/html': { schema: rawText(htmlPosting) },
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
            'text/plain': { schema: rawText(problemExample) },
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
