import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import {
  createApiKey,
  openRolebook,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import { fixtureContentDir } from '../support/stores.js';
import { guideSections } from '../support/guides.js';

const EDITORS = 50;
const ROUNDS = 3;
const ROLES = ['contested-a', 'contested-b', 'contested-c'];

interface Deployment {
  name: string;
  /** Opens every instance over one fresh database; the first seeds it. */
  open(): Promise<{ instances: Rolebook[]; drop(): Promise<void> }>;
}

const postgresUrl = process.env.TEST_POSTGRES_URL;

const deployments: Deployment[] = [
  {
    name: 'one instance on SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'rolebook-editors-'));
      const instance = await openRolebook({
        database: join(dir, 'test.sqlite'),
        contentDir: fixtureContentDir,
      });
      return {
        instances: [instance],
        drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
      };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'two instances on PostgreSQL',
          async open() {
            const schema = `test_${randomBytes(6).toString('hex')}`;
            const options = { database: postgresUrl, schema, contentDir: fixtureContentDir };
            const first = await openRolebook(options);
            const second = await openRolebook(options);
            return {
              instances: [first, second],
              drop: async () => {
                const client = new pg.Client({ connectionString: postgresUrl });
                await client.connect();
                await client.query(`drop schema if exists ${schema} cascade`);
                await client.end();
              },
            };
          },
        },
      ]
    : []),
];

interface Accepted {
  code: string;
  version: number;
  summary: string;
}

describe.each(deployments)('$name with 50 editors on the same roles', (deployment) => {
  let rolebooks: Rolebook[];
  let apps: App[];
  let urls: string[];
  let key: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await deployment.open();
    rolebooks = opened.instances;
    drop = () => opened.drop();
    apps = await Promise.all(
      rolebooks.map((r) =>
        buildApp({ ctx: r.ctx, logLevel: 'silent', limits: { requestsPerMinute: 0 } }),
      ),
    );
    urls = [];
    for (const app of apps) {
      await app.listen({ port: 0, host: '127.0.0.1' });
      urls.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    }
    key = (
      await createApiKey(rolebooks[0]!.ctx, systemActor('test'), {
        name: 'editors',
        scopes: ['read', 'write'],
      })
    ).secret;
    for (const code of ROLES) {
      const created = await fetch(`${urls[0]}/v1/roles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          name: `Role ${code}`,
          summary: 'first',
          ...guideSections(`Role ${code}`),
          status: 'published',
        }),
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const rolebook of rolebooks) await rolebook.close();
    await drop();
  });

  it('keeps every accepted edit in the history, refuses the rest with 409 or 412, loses none', async () => {
    const accepted: Accepted[] = [];
    const refused: number[] = [];
    const editor = async (id: number) => {
      const base = urls[id % urls.length]!;
      for (let round = 0; round < ROUNDS; round++) {
        const code = ROLES[(id + round) % ROLES.length]!;
        const got = await fetch(`${base}/v1/roles/rolebook/${code}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        const role = (await got.json()) as Record<string, unknown>;
        const summary = `edited by ${id} in round ${round}`;
        const put = await fetch(`${base}/v1/roles/rolebook/${code}`, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'if-match': got.headers.get('etag')!,
          },
          body: JSON.stringify({ ...role, summary }),
        });
        const body = (await put.json()) as { version: number };
        if (put.status === 200) accepted.push({ code, version: body.version, summary });
        else refused.push(put.status);
      }
    };
    await Promise.all(Array.from({ length: EDITORS }, (_, id) => editor(id)));

    expect(accepted.length + refused.length).toBe(EDITORS * ROUNDS);
    expect(refused.filter((s) => s !== 409 && s !== 412)).toEqual([]);
    for (const code of ROLES) {
      const { items: history } = (await (
        await fetch(`${urls[0]}/v1/roles/rolebook/${code}/revisions?limit=500`, {
          headers: { authorization: `Bearer ${key}` },
        })
      ).json()) as {
        items: {
          version: number;
          before: { summary: string } | null;
          after: { summary: string };
        }[];
      };
      const mine = accepted.filter((a) => a.code === code);
      const updates = history.filter((r) => r.version > 1);
      // Each accepted edit is exactly one revision, at the version it was answered with.
      expect(updates.map((r) => `${r.version} ${r.after.summary}`).sort()).toEqual(
        mine.map((a) => `${a.version} ${a.summary}`).sort(),
      );
      // No lost update: every revision starts from what the one before it left.
      const ordered = [...history].sort((a, b) => a.version - b.version);
      expect(ordered.map((r) => r.version)).toEqual(ordered.map((_r, i) => i + 1));
      for (let i = 1; i < ordered.length; i++) {
        expect(ordered[i]!.before?.summary).toBe(ordered[i - 1]!.after.summary);
      }
    }
  });
});
