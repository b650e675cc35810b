import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  countRolesByGroup,
  getGlossary,
  getLibraryOverview,
  getTaxonomy,
  getTermDetails,
  listRoles,
  listRolesInGroup,
  listTaxonomies,
  mayEdit,
  normalizeTitle,
  requireGroup,
  searchGlossary,
  searchLibrary,
  type ServiceContext,
  type GroupCount,
  type TaxonomyWithCount,
} from '../services/index.js';
import { BUILT_IN_TAXONOMY, type Term } from '../domain/index.js';
import { roleListItem, shownAbbreviations, termListItem } from './list-items.js';
import { publicOrigin } from './public-origin.js';
import {
  apiDocsView,
  editorPaths,
  glossaryView,
  homeView,
  normalizeView,
  roleListView,
  searchView,
  sitePaths,
  termView,
  type NormalizeViewData,
  type TaxonomyListItem,
} from './views/index.js';

const ROLES_PER_PAGE = 50;
const SEARCH_RESULTS = 20;
const GLOSSARY_RESULTS = 30;

const html = (reply: FastifyReply, body: string) =>
  reply.type('text/html; charset=utf-8').send(body);

const taxonomyItem = (t: TaxonomyWithCount): TaxonomyListItem & { roleCount: number } => ({
  id: t.id,
  name: t.name,
  roleCount: t.roleCount,
  ...(t.description !== undefined ? { description: t.description } : {}),
});

const groupOption = ({ group, count }: GroupCount) => ({ ...group, count });

/** A term a search found, with the abbreviation or alias that matched when it was one. */
const foundTerm = (forms: Readonly<Record<string, string>>) => (t: Term) => {
  const form = forms[t.slug];
  return { ...termListItem(t), ...(form !== undefined ? { matched: form } : {}) };
};

const namesOf = (taxonomies: readonly TaxonomyWithCount[]) =>
  new Map(taxonomies.map((t) => [t.id, t.name]));

/** Query values a GET form sends empty when left blank; blank means "not given". */
const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

// Pages are not part of the API: their schemas validate but stay out of the OpenAPI document.
const GroupParam = Type.Optional(Type.String({ maxLength: 20 }));
const RoleListQuery = Type.Object({
  taxonomy: Type.Optional(Type.String({ maxLength: 40 })),
  group: GroupParam,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  taxonomy: Type.Optional(Type.String({ maxLength: 40 })),
  group: GroupParam,
});
const NormalizeQuery = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 1000 })),
  taxonomy: Type.Optional(Type.String({ maxLength: 40 })),
});
const GlossaryQuery = Type.Object({
  letter: Type.Optional(
    Type.String({ pattern: '^([A-Za-z]|#)$', 'x-form': 'one letter, A to Z, or #' }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
const TermParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });

/** The site's pages other than guides: home, role lists, glossary, terms, search, normalizer. */
export const siteRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext; baseUrl: string }> = (
  app,
  { ctx, baseUrl },
  done,
) => {
  app.get(sitePaths.home, { schema: { hide: true } }, async (_request, reply) => {
    const overview = await getLibraryOverview(ctx);
    const names = namesOf(overview.taxonomies);
    return html(
      reply,
      homeView({
        taxonomies: overview.taxonomies.map(taxonomyItem),
        featured: overview.featured.map(roleListItem(names)),
        termCount: overview.termCount,
      }),
    );
  });

  app.get(
    sitePaths.roles,
    { schema: { hide: true, querystring: RoleListQuery } },
    async (request, reply) => {
      const chosen = given(request.query.taxonomy);
      if (chosen !== undefined) await getTaxonomy(ctx, chosen);
      const group = given(request.query.group);
      if (group !== undefined) requireGroup(group);
      const q = given(request.query.q);
      const page = request.query.page ?? 1;
      // The first page with no filter is grouped: the guides first, then the other taxonomies.
      const grouped = chosen === undefined && group === undefined && q === undefined && page === 1;
      const taxonomy = grouped ? BUILT_IN_TAXONOMY : chosen;
      const pageSize = grouped ? 500 : ROLES_PER_PAGE;
      const query = { taxonomy, q, limit: pageSize, offset: (page - 1) * ROLES_PER_PAGE };
      const [roles, taxonomies, groups] = await Promise.all([
        group !== undefined
          ? listRolesInGroup(ctx, { ...query, group })
          : listRoles(ctx, query, request.actor),
        listTaxonomies(ctx),
        countRolesByGroup(ctx, chosen),
      ]);
      return html(
        reply,
        roleListView({
          roles: roles.items.map(roleListItem(namesOf(taxonomies))),
          page,
          pageSize,
          total: roles.total,
          ...(chosen !== undefined ? { taxonomy: chosen } : {}),
          ...(group !== undefined ? { group } : {}),
          ...(q !== undefined ? { q } : {}),
          grouped,
          taxonomies: taxonomies.map(taxonomyItem),
          groups: groups.map(groupOption),
        }),
      );
    },
  );

  app.get(
    sitePaths.glossary,
    { schema: { hide: true, querystring: GlossaryQuery } },
    async (request, reply) => {
      const query = given(request.query.q);
      const [terms, found] = await Promise.all([
        getGlossary(ctx),
        query === undefined ? undefined : searchGlossary(ctx, query, GLOSSARY_RESULTS),
      ]);
      const letter = request.query.letter?.toUpperCase();
      return html(
        reply,
        glossaryView({
          terms: terms.map(termListItem),
          ...(letter !== undefined ? { letter } : {}),
          ...(query !== undefined && found !== undefined
            ? { search: { query, found: found.terms.map(foundTerm(found.termForms)) } }
            : {}),
        }),
      );
    },
  );

  app.get(
    `${sitePaths.glossary}/:slug`,
    { schema: { hide: true, params: TermParams } },
    async (request, reply) => {
      const [details, taxonomies] = await Promise.all([
        getTermDetails(ctx, request.params.slug),
        listTaxonomies(ctx),
      ]);
      return html(
        reply,
        termView({
          term: { ...details.term, abbreviations: shownAbbreviations(details.term) },
          examples: details.examples.map(termListItem),
          exampleOf: details.exampleOf.map(termListItem),
          roles: details.roles.map(roleListItem(namesOf(taxonomies))),
          baseUrl: publicOrigin(baseUrl, request),
          editHref: mayEdit(request.actor) ? editorPaths.term(request.params.slug) : undefined,
        }),
      );
    },
  );

  // The document is fixed once the routes are registered, so the page is rendered once.
  let apiDocsPage: string | undefined;
  app.get(sitePaths.apiDocs, { schema: { hide: true } }, (_request, reply) =>
    html(reply, (apiDocsPage ??= apiDocsView({ document: app.swagger() }))),
  );

  app.get(
    sitePaths.search,
    { schema: { hide: true, querystring: SearchQuery } },
    async (request, reply) => {
      const query = request.query.q?.trim() ?? '';
      const taxonomy = given(request.query.taxonomy);
      const group = given(request.query.group);
      if (group !== undefined) requireGroup(group);
      const [found, taxonomies, groups] = await Promise.all([
        searchLibrary(ctx, query, { limit: SEARCH_RESULTS, actor: request.actor, taxonomy, group }),
        listTaxonomies(ctx),
        countRolesByGroup(ctx),
      ]);
      return html(
        reply,
        searchView({
          query,
          roles: found.roles.map(roleListItem(namesOf(taxonomies))),
          terms: found.terms.map(foundTerm(found.termForms)),
          taxonomies: taxonomies.map(taxonomyItem),
          ...(taxonomy !== undefined ? { taxonomy } : {}),
          groups: groups.map(groupOption),
          ...(group !== undefined ? { group } : {}),
        }),
      );
    },
  );

  app.get(
    sitePaths.normalize,
    { schema: { hide: true, querystring: NormalizeQuery } },
    async (request, reply) => {
      const title = request.query.title;
      const taxonomy = given(request.query.taxonomy);
      const taxonomies = (await listTaxonomies(ctx)).map(taxonomyItem);
      const data: NormalizeViewData = {
        taxonomies,
        ...(taxonomy !== undefined ? { taxonomy } : {}),
        ...(title !== undefined ? { title } : {}),
      };
      if (given(title) !== undefined) {
        const result = await normalizeTitle(ctx.titles, title as string, {
          ...(taxonomy !== undefined ? { taxonomy } : {}),
        });
        data.matches = result.matches.map((m) => ({
          taxonomy: m.taxonomy,
          code: m.code,
          name: m.name,
          score: m.score,
          ...(m.matchedTitle.toLowerCase() !== m.name.toLowerCase()
            ? { matchedTitle: m.matchedTitle }
            : {}),
          ...(m.matchedTechnology !== undefined ? { matchedTechnology: m.matchedTechnology } : {}),
        }));
        // Every fact the API answers with, as the list's table shows them: a title read as
        // "Payments (Go)" should say so here too, not only in a batch.
        data.modifiers = {
          seniority: result.seniority,
          level: result.level,
          team: result.team,
          location: result.location,
          workMode: result.workMode,
          technologies: result.technologies,
          shift: result.shift,
          contract: result.contract,
          noise: result.noise,
        };
      }
      return html(reply, normalizeView(data));
    },
  );
  done();
};
