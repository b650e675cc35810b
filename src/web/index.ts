import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../services/index.js';
import { guidePageRoutes } from './guide-page.routes.js';
import { siteRoutes } from './site.routes.js';
import { staticRoutes } from './static.routes.js';

export { errorView } from './views/index.js';
export { guideEtag, guideFormatFor } from './guide-format.js';
export { prefersHtml } from './negotiate.js';

export interface WebOptions {
  ctx: ServiceContext;
  /** Origin for canonical URLs and JSON-LD (`https://rolebook.example`); '' keeps them relative. */
  baseUrl?: string | undefined;
}

/**
 * The server-rendered site: home, role lists, guides, glossary, search, the title normalizer
 * and the stylesheet.
 */
export const webRoutes: FastifyPluginCallbackTypebox<WebOptions> = (app, options, done) => {
  const pluginOptions = { ctx: options.ctx, baseUrl: options.baseUrl ?? '' };
  app.register(staticRoutes);
  app.register(siteRoutes, pluginOptions);
  app.register(guidePageRoutes, pluginOptions);
  done();
};
