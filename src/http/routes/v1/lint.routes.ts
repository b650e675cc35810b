import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  lintStoredLibrary,
  lintStoredRole,
  lintStoredTaxonomy,
  pageOf,
  type LintReport,
  type PageRequest,
  type ServiceContext,
} from '../../../services/index.js';
import { problemResponses } from '../../schemas/common.schema.js';
import { LintPageSchema, LintQuerySchema, LintReportSchema } from '../../schemas/lint.schema.js';
import { RoleParamsSchema } from '../../schemas/role.schema.js';

const tags = ['lint'];

/** One page of the findings of one severity, with the counts of them all. */
const presentPage = (
  report: LintReport,
  query: PageRequest & { severity?: 'error' | 'warning' | undefined },
) => {
  const { limit, offset } = pageOf(query);
  const chosen = query.severity
    ? report.findings.filter((f) => f.severity === query.severity)
    : report.findings;
  return {
    roles: report.roles,
    errors: report.errors,
    warnings: report.warnings,
    total: chosen.length,
    limit,
    offset,
    findings: chosen.slice(offset, offset + limit),
  };
};

export const lintRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    '/roles/:taxonomy/:code/lint',
    {
      schema: {
        tags,
        summary: "What lint finds in one role's guide",
        description:
          'Unfilled placeholders, empty or missing sections, titles another role of the taxonomy claims, malformed links, terms the glossary lacks. Drafts need a key with the write scope.',
        params: RoleParamsSchema,
        response: { 200: LintReportSchema, ...problemResponses(404) },
      },
    },
    (request) => lintStoredRole(ctx, request.params, request.actor),
  );

  app.get(
    '/lint',
    {
      schema: {
        tags,
        summary: 'What lint finds in a taxonomy, or in the whole library and its glossary',
        description:
          'Without `taxonomy`, every taxonomy and the glossary are checked. Findings are paged; the counts cover them all. Drafts are included only for a key with the write scope.',
        querystring: LintQuerySchema,
        response: { 200: LintPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { taxonomy } = request.query;
      const report = taxonomy
        ? await lintStoredTaxonomy(ctx, taxonomy, request.actor)
        : await lintStoredLibrary(ctx, request.actor);
      return presentPage(report, request.query);
    },
  );
  done();
};
