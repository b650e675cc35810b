import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../../src/domain/index.js';
import { cliStores, finished, runCli, startCli, type CliDatabase } from '../support/cli.js';
import { guideSections } from '../support/guides.js';

/** Rounds per case, each with this many requests at once over the two instances. */
const ROUNDS = 4;
const REQUESTS = 40;

/** A loopback port free a moment ago, for a server told its port on the command line. */
const freePort = async (): Promise<number> => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
};

/** `rolebook serve` in its own process, answering once its database does. */
const serve = async (database: string) => {
  const port = await freePort();
  const child = startCli(database, ['serve', '--port', String(port)]);
  const ended = finished(child);
  const url = `http://127.0.0.1:${port}`;
  // Two servers starting over PostgreSQL while the rest of the suite shares both cores took
  // over 30 s once; a server that never answers still fails, a minute on.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`serve did not start: ${(await ended).stderr}`);
    }
    await sleep(100);
  }
  return { url, child, ended };
};

const role = (code: string, i: number, alternativeTitles = [`Role ${code} Specialist`]) => ({
  ...emptyRoleContent(`Role ${code}`),
  ...guideSections(`Role ${code}`),
  code,
  summary: `Written by request ${i}.`,
  alternativeTitles,
  status: 'published',
});

const term = (slug: string, i: number) => ({
  slug,
  name: `Term ${slug}`,
  abbreviations: [],
  aliases: [],
  definition: `Written by request ${i}.`,
  examples: [],
  category: 'concept',
  caseSensitive: false,
});

// Two server processes over one database, as a deployment runs them: the report that found
// several creates of one code answered 201 on PostgreSQL sent its requests this way.
describe.each(cliStores)('racing creates over two instances on $name', (store) => {
  let database: CliDatabase | undefined;
  const servers: ChildProcess[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(async (child) => {
        const ended = finished(child);
        child.kill('SIGTERM');
        await ended;
      }),
    );
    await database?.drop();
  });

  // Two servers of their own and 400 racing writes: about 6 s alone, over a minute once browsers
  // and three other files share the two cores, so it gets room the default does not give.
  it(
    'answers one 201 and the rest 409 for each contested code, slug, title and term name',
    { timeout: 180_000 },
    async () => {
      database = await store.create();
      const keys = await runCli(database.url, ['keys', 'create', '--name', 'racing']);
      expect(keys.code, keys.stderr).toBe(0);
      const key = keys.stdout.trim();
      const instances = [await serve(database.url), await serve(database.url)];
      servers.push(...instances.map((i) => i.child));

      /** Sends every body at once, alternating instances; the statuses, and the 201 bodies. */
      const race = async (path: string, bodies: object[]) => {
        const responses = await Promise.all(
          bodies.map((body, i) =>
            fetch(`${instances[i % 2]!.url}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
              body: JSON.stringify(body),
            }),
          ),
        );
        const statuses = responses.map((r) => r.status);
        const created = await Promise.all(
          responses.filter((r) => r.status === 201).map((r) => r.json()),
        );
        await Promise.all(responses.filter((r) => r.status !== 201).map((r) => r.text()));
        return { statuses, created };
      };
      const expectOneWinner = (statuses: number[]) => {
        expect(statuses.filter((s) => s === 201)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(statuses.length - 1);
      };
      const get = async (path: string) => (await fetch(`${instances[0]!.url}${path}`)).json();

      for (let round = 0; round < ROUNDS; round++) {
        const code = `racer-${round}`;
        const roles = await race(
          '/v1/roles',
          Array.from({ length: REQUESTS }, (_, i) => role(code, i)),
        );
        expectOneWinner(roles.statuses);
        expect(await get(`/v1/roles/rolebook/${code}`)).toMatchObject({
          summary: (roles.created[0] as { summary: string }).summary,
          version: 1,
        });
        const history = (
          (await get(`/v1/roles/rolebook/${code}/revisions`)) as { items: { action: string }[] }
        ).items;
        expect(history.map((r) => r.action)).toEqual(['create']);

        const terms = await race(
          '/v1/terms',
          Array.from({ length: REQUESTS }, (_, i) => term(code, i)),
        );
        expectOneWinner(terms.statuses);
        const termHistory = (
          (await get(`/v1/terms/${code}/revisions`)) as { items: { action: string }[] }
        ).items;
        expect(termHistory.map((r) => r.action)).toEqual(['create']);

        const title = `Contested Title ${round}`;
        const claims = await race(
          '/v1/roles',
          Array.from({ length: REQUESTS / 2 }, (_, i) =>
            role(`claimant-${round}-${i}`, i, [title]),
          ),
        );
        expectOneWinner(claims.statuses);
        const owners = (await get(
          `/v1/roles?taxonomy=rolebook&q=${encodeURIComponent(title)}`,
        )) as {
          items: { code: string }[];
        };
        expect(owners.items.map((r) => r.code)).toEqual([
          (claims.created[0] as { code: string }).code,
        ]);

        const name = `Contested Term ${round}`;
        const namers = await race(
          '/v1/terms',
          Array.from({ length: REQUESTS / 2 }, (_, i) => ({
            ...term(`namer-${round}-${i}`, i),
            name,
          })),
        );
        expectOneWinner(namers.statuses);
        const named = (await get(`/v1/terms?q=${encodeURIComponent(name)}&limit=100`)) as {
          items: { slug: string }[];
        };
        expect(named.items.map((t) => t.slug)).toEqual([
          (namers.created[0] as { slug: string }).slug,
        ]);
      }
    },
  );
});
