import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  importRoleSheet,
  listTaxonomies,
  MAX_SHEET_BYTES,
  MAX_SHEET_ROWS,
  type ServiceContext,
} from '../../../services/index.js';
import { problemResponses } from '../../schemas/common.schema.js';
import {
  ImportResultSchema,
  RoleSheetQuerySchema,
  CompanyTaxonomyParamsSchema,
  TaxonomySchema,
} from '../../schemas/taxonomy.schema.js';
import { writeSecurity } from './versioned-entity.js';

const CSV = 'text/csv';

/** What a role sheet's problems are placed in: the body, as the CLI names the file. */
const SHEET_SOURCE = 'body';

export const taxonomiesRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.addContentTypeParser(
    CSV,
    { parseAs: 'buffer', bodyLimit: MAX_SHEET_BYTES },
    (_r, body, next) => next(null, body),
  );

  app.get(
    '/taxonomies',
    {
      schema: {
        tags: ['taxonomies'],
        summary: 'The taxonomies in the library, with their role counts',
        response: {
          200: Type.Array(TaxonomySchema),
        },
      },
    },
    () => listTaxonomies(ctx),
  );

  app.post(
    '/taxonomies/:id/roles',
    {
      config: { scope: 'write' },
      bodyLimit: MAX_SHEET_BYTES,
      schema: {
        tags: ['taxonomies'],
        security: writeSecurity,
        summary: "Import a company's job architecture from a CSV sheet, all or nothing",
        description: `One role a row under a header row naming its columns: a job code (Job Code, ID, Code) and a job title (Job Title, Title, Name, Role) are required; other titles (Alternative Titles, Aliases, Also Known As: several in a cell split on ; or |) and a summary (Description, Summary, Purpose) are read when present, and any other column is named in a note. The cells are separated by commas, or by the semicolons or tabs the header row holds more of. The taxonomy is created if new; the built-in, onet and esco taxonomies are refused. Every bad row is listed in \`errors\` with its line and column header, and then nothing is written (422). An unchanged row leaves its role alone; roles the sheet does not list are kept. At most ${MAX_SHEET_BYTES.toLocaleString('en')} bytes (413) and ${MAX_SHEET_ROWS.toLocaleString('en')} rows (422). The same import as \`rolebook import roles FILE --taxonomy ID\`.`,
        params: CompanyTaxonomyParamsSchema,
        querystring: RoleSheetQuerySchema,
        body: {
          content: {
            [CSV]: {
              schema: Type.Unknown({
                description: 'The sheet, UTF-8, with a header row.',
                examples: [
                  'Job Code,Job Title,Also Known As,Description\nFIN-014,Payroll Specialist,Payroll Administrator; Payroll Officer,Runs the monthly payroll for 1,200 staff.\nOPS-202,Warehouse Shift Lead,,Leads the night shift of the Tilburg warehouse.\n',
                ],
              }),
            },
          },
        },
        response: {
          200: ImportResultSchema,
          ...problemResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const { dryRun, name } = request.query;
      const { notes, ...result } = await importRoleSheet(
        ctx,
        request.actor,
        { bytes: request.body as Buffer, name: SHEET_SOURCE },
        request.params.id,
        {
          dryRun: dryRun ?? false,
          taxonomyField: 'path.id',
          ...(name === undefined ? {} : { name }),
        },
      );
      return { ...result, notes: [...notes] };
    },
  );
  done();
};
