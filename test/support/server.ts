import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { ServerLimits, TrustProxy } from '../../src/config.js';
import { buildApp, type App } from '../../src/http/app.js';
import { createApiKey, systemActor, type Rolebook, type Scope } from '../../src/services/index.js';
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

interface ServerOptions {
  limits?: Partial<ServerLimits>;
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  trustProxy?: TrustProxy;
  metricsToken?: string;
  publicUrl?: string;
  /** Analyses on a worker thread, as `rolebook serve` runs them. */
  analysisThread?: boolean;
}

/** A real server on a loopback port over a fresh database of the target. */
export const startServer = async (
  target: StoreTarget,
  options: ServerOptions = {},
): Promise<TestServer> => {
  const { analysisThread = false, ...appOptions } = options;
  const rolebook = await target.open({ analysisThread });
  const app = await buildApp({ ctx: rolebook.ctx, logLevel: 'silent', ...appOptions });
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

/**
 * The server of the tests of the `describe` block this is called in: started before them, closed
 * after them, with an API key of its own for each name `keys` gives scopes to (beside the
 * server's `writeKey`). Both are read once the tests run.
 * @example const { server, keys } = serverForTests(target, { keys: { admin: ['admin'] } });
 */
export const serverForTests = <Name extends string = never>(
  target: StoreTarget,
  { keys: scopes, ...options }: ServerOptions & { keys?: Record<Name, Scope[]> } = {},
): { server: TestServer; keys: Readonly<Record<Name, string>> } => {
  let started: TestServer | undefined;
  const keys = {} as Record<Name, string>;
  beforeAll(async () => {
    started = await startServer(target, options);
    for (const [name, granted] of Object.entries<Scope[]>(scopes ?? {})) {
      const created = await createApiKey(started.rolebook.ctx, systemActor('test'), {
        name,
        scopes: granted,
      });
      keys[name as Name] = created.secret;
    }
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): TestServer => {
    if (started === undefined) throw new Error('The server is read before its tests start.');
    return started;
  };
  const server: TestServer = {
    get rolebook() {
      return current().rolebook;
    },
    get app() {
      return current().app;
    },
    get url() {
      return current().url;
    },
    get writeKey() {
      return current().writeKey;
    },
    request: (path, init) => current().request(path, init),
    close: () => current().close(),
  };
  return { server, keys };
};
