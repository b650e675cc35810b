import type { AddressInfo } from 'node:net';
import type { ServerLimits, TrustProxy } from '../../src/config.js';
import { buildApp, type App } from '../../src/http/app.js';
import { createApiKey, systemActor, type Rolebook } from '../../src/services/index.js';
import type { StoreTarget } from './stores.js';

export interface TestServer {
  rolebook: Rolebook;
  app: App;
  url: string;
  /** An editor's key: the read, write and delete scopes. */
  writeKey: string;
  request(path: string, init?: RequestInit & { key?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** A real server on a loopback port over a fresh database of the target. */
export const startServer = async (
  target: StoreTarget,
  options: {
    limits?: Partial<ServerLimits>;
    logLevel?: string;
    logStream?: NodeJS.WritableStream;
    trustProxy?: TrustProxy;
    metricsToken?: string;
    publicUrl?: string;
  } = {},
): Promise<TestServer> => {
  const rolebook = await target.open();
  const app = await buildApp({ ctx: rolebook.ctx, logLevel: 'silent', ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { secret } = await createApiKey(rolebook.ctx, systemActor('test'), {
    name: 'test',
    scopes: ['read', 'write', 'delete'],
  });
  return {
    rolebook,
    app,
    url,
    writeKey: secret,
    request: (path, init = {}) => {
      const { key, json, headers, ...rest } = init;
      return fetch(`${url}${path}`, {
        ...rest,
        headers: {
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(headers as Record<string, string> | undefined),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    close: async () => {
      await app.close();
      await rolebook.close();
    },
  };
};
