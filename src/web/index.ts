import formBody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AccountPolicy, ServiceContext } from '../services/index.js';
import { accountRoutes } from './account.routes.js';
import { compression } from './compression.js';
import { editorRoutes } from './editor.routes.js';
import { jobsRoutes } from './jobs.routes.js';
import { keysRoutes } from './keys.routes.js';
import { formTooLarge, MAX_FORM_FIELDS, mostFormBytes, UPLOAD_LIMIT_BYTES } from './form-input.js';
import { pageCaching } from './page-caching.js';
import { guidePageRoutes } from './guide-page.routes.js';
import { siteRoutes } from './site.routes.js';
import { staticRoutes } from './static.routes.js';
import { suggestRoutes } from './suggest.routes.js';
import type { SiteLimits } from './site-limits.js';
import { toolsRoutes } from './tools.routes.js';

export { apiConsoleTheme, errorView } from './views/index.js';
export { formAgainPage } from './form-again.js';
export { guideFormatFor } from './guide-format.js';
export { negotiate, prefersHtml } from './negotiate.js';
export { contentEtag, noneMatchHolds } from './page-caching.js';
export { publicOrigin } from './public-origin.js';
export { SESSION_COOKIE } from './session-cookie.js';
export { varyOn } from './vary.js';

export interface WebOptions {
  ctx: ServiceContext;
  /** Origin for canonical URLs and JSON-LD (`https://rolebook.example`); '' takes the request's. */
  baseUrl?: string | undefined;
  /** Session lengths and the sign-in throttle. */
  accounts: AccountPolicy;
  /** What uploads and downloads are held to, as the API's are. */
  limits: SiteLimits;
}

/**
 * The server-rendered site: home, role lists, guides, glossary, search, the tools (analyze,
 * diagnose, compare, normalize), a signed-in user's bulk jobs and the static files. Its responses are compressed and carry
 * cache validators; the API under /v1 is left as it is, so its streams are never buffered.
 */
export const webRoutes: FastifyPluginAsyncTypebox<WebOptions> = async (app, options) => {
  const pluginOptions = { ctx: options.ctx, baseUrl: options.baseUrl ?? '' };
  await app.register(pageCaching);
  await app.register(compression);
  await app.register(formBody);
  // A text field may carry as much as a file: the result page sends an uploaded CSV file back
  // as one to download it, and a pasted list of titles may be as long as that file.
  await app.register(multipart, {
    limits: {
      fileSize: UPLOAD_LIMIT_BYTES,
      fieldSize: UPLOAD_LIMIT_BYTES,
      files: 1,
      fields: MAX_FORM_FIELDS,
      // Each field and the file, and an empty file input's part.
      parts: MAX_FORM_FIELDS + 2,
    },
  });
  // A form that says up front it is too large is refused before its body is read (and the
  // connection closed), rather than read to the end or to the body timeout to be refused then.
  app.addHook('onRequest', (request, _reply, done) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const multipartBody = /^multipart\//i.test(request.headers['content-type'] ?? '');
    const { uploadBytes } = request.routeOptions.config;
    const tooLarge = declared > mostFormBytes(uploadBytes) && multipartBody;
    done(tooLarge ? formTooLarge('file', uploadBytes) : undefined);
  });
  await app.register(staticRoutes);
  await app.register(siteRoutes, pluginOptions);
  await app.register(guidePageRoutes, pluginOptions);
  await app.register(toolsRoutes, { ...pluginOptions, limits: options.limits });
  await app.register(suggestRoutes, { ctx: options.ctx });
  await app.register(accountRoutes, { ctx: options.ctx, accounts: options.accounts });
  await app.register(keysRoutes, { ctx: options.ctx });
  await app.register(jobsRoutes, {
    ctx: options.ctx,
    limits: options.limits,
  });
  await app.register(editorRoutes, { ctx: options.ctx });
};
