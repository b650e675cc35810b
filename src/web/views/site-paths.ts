/** Paths of the site's pages, in one place for the views and the routes that serve them. */
export const sitePaths = {
  home: '/',
  roles: '/roles',
  glossary: '/terms',
  search: '/search',
  /** Suggestions for the search box, as JSON, for the script that shows them. */
  suggest: '/search/suggest',
  normalize: '/normalize',
  /** A signed-in user's bulk jobs: files of titles answered in the background. */
  jobs: '/normalize/jobs',
  analyze: '/analyze',
  diagnose: '/diagnose',
  compare: '/compare',
  favicon: '/favicon.svg',
  /** The API reference as a plain page, read from the OpenAPI document. */
  apiDocs: '/api',
  /** The interactive console (Swagger UI) that tries requests from the browser. */
  apiConsole: '/v1/docs',
  openApi: '/v1/openapi.json',
  /** The API's streaming batch, which answers a CSV file with the same rows, results added. */
  normalizeStream: '/v1/normalize',
} as const;

/**
 * A path with a query string, leaving out empty parameters.
 * @example withQuery('/roles', { taxonomy: 'onet', page: 2 }) === '/roles?taxonomy=onet&page=2'
 */
export const withQuery = (
  path: string,
  params: Readonly<Record<string, string | number | undefined | null>>,
): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};
