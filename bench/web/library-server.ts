import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ServerLimits } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { openRolebook, type Rolebook } from '../../src/services/index.js';

/**
 * Rolebook over a fresh SQLite database of the built-in library in `dir`, served on loopback in
 * this process with no request rate limit, so that a benchmark's many requests are all answered.
 */
export const serveLibrary = async (
  dir: string,
  limits: Partial<ServerLimits> = {},
): Promise<{ rolebook: Rolebook; url: string; close: () => Promise<void> }> => {
  const rolebook = await openRolebook({
    database: join(dir, 'bench.sqlite'),
    contentDir: join(import.meta.dirname, '../../content'),
  });
  const app = await buildApp({
    ctx: rolebook.ctx,
    logLevel: 'silent',
    limits: { requestsPerMinute: 0, ...limits },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    rolebook,
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await rolebook.close();
    },
  };
};
