import type { App } from '../../src/http/app.js';

/**
 * Every method and path the server answers, read from Fastify's own route tree, so a test can
 * hold a table of routes against what is really served. Parameters come back as `{}`: where two
 * routes share a parameter's place the tree names both (`:code|:taxonomy`), not which is whose.
 * HEAD is left out: Fastify adds it beside every GET.
 */
export const servedRoutes = (app: App): string[] => {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    stack.length = depth;
    stack.push(node[2]!);
    const path = stack
      .join('')
      .replace(/\/+/g, '/')
      .replace(/:[\w|:]+/g, '{}');
    for (const method of node[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
};
