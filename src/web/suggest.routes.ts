import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import { rolePath, termPath } from '../guides/index.js';
import { listTaxonomies, searchLibrary, type ServiceContext } from '../services/index.js';
import { sitePaths } from './views/index.js';

/** How many roles and terms a list of suggestions holds at most. */
const SUGGESTED_ROLES = 5;
const SUGGESTED_TERMS = 3;
/** As many as the search page reads, so that the guides among them lead as they do there. */
const SEARCHED = 20;

const SuggestQuery = Type.Object({ q: Type.String({ maxLength: 200 }) });

/** One suggestion: what the list shows, what kind of thing it is, and where it leads. */
interface Suggestion {
  label: string;
  detail: string;
  url: string;
}

/**
 * What the search box suggests as the reader types: the first roles and terms the site's search
 * finds, each with the page it leads to. The suggestion script asks for it; the search page is
 * the same search without script.
 */
export const suggestRoutes: FastifyPluginCallbackTypebox<{ ctx: ServiceContext }> = (
  app,
  { ctx },
  done,
) => {
  app.get(
    sitePaths.suggest,
    { schema: { hide: true, querystring: SuggestQuery } },
    async (request, reply) => {
      const [found, taxonomies] = await Promise.all([
        searchLibrary(ctx, request.query.q, { limit: SEARCHED, actor: request.actor }),
        listTaxonomies(ctx),
      ]);
      const names = new Map(taxonomies.map((t) => [t.id, t.name]));
      const suggestions: Suggestion[] = [
        ...found.roles.slice(0, SUGGESTED_ROLES).map((r) => ({
          label: r.name,
          detail:
            r.taxonomy === BUILT_IN_TAXONOMY
              ? 'Guide'
              : `${names.get(r.taxonomy) ?? r.taxonomy} role`,
          url: rolePath(r.taxonomy, r.code),
        })),
        ...found.terms.slice(0, SUGGESTED_TERMS).map((t) => ({
          label: t.name,
          detail: 'Term',
          url: termPath(t.slug),
        })),
      ];
      return reply.header('cache-control', 'private, max-age=60').send({ suggestions });
    },
  );
  done();
};
