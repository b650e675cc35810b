import { Readable } from 'node:stream';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, BUILT_IN_TAXONOMY, notFound, type Role } from '../domain/index.js';
import {
  analyzeText,
  diagnoseProblems,
  getGlossary,
  getRole,
  listRoles,
  listTaxonomies,
  normalizeBatch,
  normalizeCsv,
  openCsvTitles,
  SKIPPED_LINES_HEADER,
  skippedLinesNote,
  readableText,
  requireTaxonomy,
  titleListTable,
  type ServiceContext,
} from '../services/index.js';
import {
  bulkRowsOfTable,
  bulkRow,
  checkedTitles,
  csvStream,
  LOW_CONFIDENCE,
  titleTableOf,
  titlesOfTable,
  titlesOfList,
} from './bulk-titles.js';
import { attachmentOf, normalizedFileName } from './download-name.js';
import type { FormAgain } from './form-again.js';
import type { SiteLimits } from './site-limits.js';
import {
  documentExtensions,
  documentText,
  field,
  readForm,
  type TextFormat,
  uploadedText,
} from './form-input.js';
import {
  analyzeView,
  bulkNormalizeView,
  compareView,
  diagnoseView,
  normalizeView,
  sitePaths,
  withQuery,
  type CompareRoleView,
} from './views/index.js';

const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.status(status).type('text/html; charset=utf-8').send(body);

const textFormats: readonly string[] = ['text', 'markdown', 'html'];

const MAX_COMPARED = 3;

const CompareQuery = Type.Object({
  roles: Type.Optional(Type.String({ maxLength: 2000 })),
  role: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 1000 }),
      Type.Array(Type.String({ maxLength: 1000 }), { maxItems: MAX_COMPARED }),
    ]),
  ),
});

/**
 * A role named in a comparison's address: a built-in role by its code, any other as
 * `taxonomy:code` (`onet:15-1252.00`).
 */
const refOf = (name: string, taxonomies: ReadonlySet<string>) => {
  const colon = name.indexOf(':');
  if (colon <= 0) return { taxonomy: BUILT_IN_TAXONOMY, code: name };
  const taxonomy = name.slice(0, colon);
  // A built-in code has no colon: the part before it names a taxonomy, here or not.
  if (!taxonomies.has(taxonomy)) throw notFound(`Taxonomy ${taxonomy} (in ${name})`);
  return { taxonomy, code: name.slice(colon + 1) };
};

const compareRole = (role: Role, termNames: ReadonlyMap<string, string>): CompareRoleView => ({
  taxonomy: role.taxonomy,
  code: role.code,
  name: role.name,
  summary: role.summary,
  responsibilities: role.responsibilities,
  titles: [role.name, ...role.alternativeTitles],
  terms: role.terms.map((slug) => ({ slug, name: termNames.get(slug) ?? slug })),
  skills: role.skills.map((s) => s.name),
  technologies: role.technologies.map((t) => t.name),
});

/**
 * The tools of the site, each an ordinary form that posts to its own path: analyze a job
 * description, find the role for a problem, compare roles, normalize many titles. Each is a
 * thin page over the service the API answers from.
 */
export const toolsRoutes: FastifyPluginCallbackTypebox<{
  ctx: ServiceContext;
  limits: Pick<SiteLimits, 'holdStream'>;
}> = (app, { ctx, limits: { holdStream } }, done) => {
  app.get(sitePaths.analyze, { schema: { hide: true } }, (_request, reply) =>
    html(reply, analyzeView({ accept: documentExtensions })),
  );

  const analyzeAgain: FormAgain = (_request, _reply, { error, input }) =>
    analyzeView({ input: input.text ?? '', error, accept: documentExtensions });

  app.post(
    sitePaths.analyze,
    { schema: { hide: true }, config: { formAgain: analyzeAgain } },
    async (request, reply) => {
      const form = await readForm(request);
      const file = form.files.get('file');
      const pasted = form.fields.get('text')?.[0] ?? '';
      const chosen = field(form, 'format') ?? 'text';
      const format: TextFormat = textFormats.includes(chosen) ? (chosen as TextFormat) : 'text';
      const input =
        file !== undefined ? await documentText(ctx, file, 'file') : { text: pasted, format };
      if (input.text.trim() === '') {
        const message = 'paste a job description or choose a file';
        throw new AppError('validation_failed', message, [{ field: 'text', message }]);
      }
      // Mentions index the text analyzed; HTML is analyzed as the text a reader sees of it.
      const shownText = readableText(input.text, input.format);
      const analysis = await analyzeText(ctx, {
        text: shownText,
        format: input.format === 'html' ? 'text' : input.format,
      });
      return html(
        reply,
        analyzeView({
          input: file !== undefined ? shownText : pasted,
          shownText,
          analysis,
          accept: documentExtensions,
          ...(file !== undefined ? { filename: file.filename } : {}),
        }),
      );
    },
  );

  app.get(sitePaths.diagnose, { schema: { hide: true } }, (_request, reply) =>
    html(reply, diagnoseView({})),
  );

  const diagnoseAgain: FormAgain = (_request, _reply, { error, input }) =>
    diagnoseView({ text: input.text ?? '', error });

  app.post(
    sitePaths.diagnose,
    { schema: { hide: true }, config: { formAgain: diagnoseAgain } },
    async (request, reply) => {
      const form = await readForm(request);
      const text = form.fields.get('text')?.[0] ?? '';
      const diagnosis = await diagnoseProblems(ctx, { text });
      return html(reply, diagnoseView({ text, diagnosis }));
    },
  );

  /** The roles the pickers offer, and the names the comparison's address asked for. */
  const comparePickers = async (request: FastifyRequest) => {
    const { roles } = request.query as Static<typeof CompareQuery>;
    const choices = await listRoles(
      ctx,
      { taxonomy: BUILT_IN_TAXONOMY, limit: 500 },
      request.actor,
    );
    return {
      choices: choices.items.map((r) => ({ code: r.code, name: r.name })),
      selected: (roles ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== ''),
    };
  };

  const compareAgain: FormAgain = async (request, _reply, { error }) =>
    compareView({ ...(await comparePickers(request)), roles: [], error });

  app.get(
    sitePaths.compare,
    { schema: { hide: true, querystring: CompareQuery }, config: { formAgain: compareAgain } },
    async (request, reply) => {
      const picked = [request.query.role ?? []].flat().filter((r) => r.trim() !== '');
      // The pickers send role=a&role=b; the address to share and bookmark is ?roles=a,b.
      if (picked.length > 0) {
        return reply.redirect(withQuery(sitePaths.compare, { roles: picked.join(',') }), 303);
      }
      const [taxonomies, base] = await Promise.all([listTaxonomies(ctx), comparePickers(request)]);
      const names = base.selected;
      if (names.length === 1 || names.length > MAX_COMPARED) {
        throw new AppError('validation_failed', 'Pick two or three different roles.', [
          { field: 'roles', message: `${names.length} given` },
        ]);
      }
      const ids = new Set(taxonomies.map((t) => t.id));
      const refs = names.map((n) => refOf(n, ids));
      const twice = refs.findIndex((ref, i) =>
        refs.some(
          (other, j) => j < i && other.taxonomy === ref.taxonomy && other.code === ref.code,
        ),
      );
      if (twice >= 0) {
        const picked = `${names[twice]} is picked more than once`;
        throw new AppError('validation_failed', `Pick different roles: ${picked}.`, [
          { field: 'roles', message: picked },
        ]);
      }
      const [roles, glossary] = await Promise.all([
        Promise.all(refs.map((ref) => getRole(ctx, ref, request.actor))),
        getGlossary(ctx),
      ]);
      const termNames = new Map(glossary.map((t) => [t.slug, t.name]));
      return html(
        reply,
        compareView({ ...base, roles: roles.map((r) => compareRole(r, termNames)) }),
      );
    },
  );

  const normalizeAgain: FormAgain = async (_request, _reply, { error, input }) => {
    const taxonomies = await listTaxonomies(ctx);
    return normalizeView({
      taxonomies: taxonomies.map((t) => ({ id: t.id, name: t.name })),
      bulkError: error,
      ...(input.titles !== undefined ? { bulkTitles: input.titles } : {}),
    });
  };

  app.post(
    sitePaths.normalize,
    { schema: { hide: true }, config: { formAgain: normalizeAgain } },
    async (request, reply) => {
      const form = await readForm(request);
      const file = form.files.get('file');
      const taxonomy = field(form, 'taxonomy');
      // A CSV file comes as an upload, or again from the result page's download form, untrimmed
      // there too so that it reads as the same rows.
      const csv = file !== undefined ? uploadedText(file, 'file') : form.fields.get('csv')?.[0];
      const column = field(form, 'column');
      const options = taxonomy !== undefined ? { taxonomy } : {};
      await requireTaxonomy(ctx, options);
      const listed = () => checkedTitles(titlesOfList(form.fields.get('titles')?.[0] ?? ''));
      if (field(form, 'format') === 'csv') {
        // Counted as the API's CSV answers are: one is as long and as costly to write.
        holdStream(request, reply);
        // Opened before the answer starts, so that a file the API refuses is refused here too.
        const opened =
          csv !== undefined
            ? await openCsvTitles(csvStream(csv), column)
            : titleListTable(listed());
        const index = await ctx.titles.get();
        return reply
          .header(SKIPPED_LINES_HEADER, String(opened.skipped.length))
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            // The result page's download form names the file it was made from.
            attachmentOf(normalizedFileName(file?.filename ?? field(form, 'filename'))),
          )
          .header('cache-control', 'no-store')
          .send(Readable.from(normalizeCsv(index, opened, options)));
      }
      const table = csv !== undefined ? await titleTableOf(csv, column) : undefined;
      const titles = table !== undefined ? checkedTitles(titlesOfTable(table)) : listed();
      const items = await normalizeBatch(ctx.titles, titles, options);
      const rows = table !== undefined ? bulkRowsOfTable(table, items) : items.map(bulkRow);
      return html(
        reply,
        bulkNormalizeView({
          rows,
          source:
            csv !== undefined && table !== undefined
              ? { csv, columns: table.columns, column: column ?? '' }
              : { titles: titles.join('\n') },
          threshold: LOW_CONFIDENCE,
          ...(taxonomy !== undefined ? { taxonomy } : {}),
          ...(file !== undefined ? { filename: file.filename } : {}),
          ...(table !== undefined ? { note: skippedLinesNote(table.skipped) } : {}),
        }),
      );
    },
  );
  done();
};
