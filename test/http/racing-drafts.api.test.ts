import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { guideSections } from '../support/guides.js';
import { storeTargets } from '../support/stores.js';

/** Rounds per case: a race is lost a different way from one round to the next. */
const ROUNDS = 6;
/** Publishes of one draft sent at once. */
const RACERS = 6;

interface Role extends Record<string, unknown> {
  code: string;
  version: number;
}

/*
 * A write that loses a race is answered as it would be had it come after the winner, so a
 * client gets one answer for one situation however the requests interleaved.
 */
describe.each(storeTargets)('racing a draft publish on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
  });
  afterAll(async () => {
    await server.close();
  });

  const roleUrl = (code: string) => `/v1/roles/rolebook/${code}`;
  const draftedRole = async (code: string): Promise<Role> => {
    const created = await server.request('/v1/roles', {
      method: 'POST',
      json: {
        code,
        name: `Raced ${code}`,
        summary: 'Published.',
        ...guideSections(`Raced ${code}`),
        status: 'published',
      },
      key: server.writeKey,
    });
    expect(created.status).toBe(201);
    const role = (await created.json()) as Role;
    const { taxonomy: _t, code: _c, version: _v, createdAt: _a, updatedAt: _u, ...content } = role;
    const draft = await server.request(`${roleUrl(code)}/draft`, {
      method: 'POST',
      json: { content: { ...content, summary: 'Drafted.' } },
      key: server.writeKey,
    });
    expect(draft.status).toBe(201);
    return role;
  };
  const publish = (code: string) =>
    server.request(`${roleUrl(code)}/draft/publish`, {
      method: 'POST',
      key: server.writeKey,
      headers: { 'if-match': '"1"' },
    });

  it('answers every publish that loses the race for one draft with 404, as a later one', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `published-twice-${round}`;
      await draftedRole(code);
      const statuses = (await Promise.all(Array.from({ length: RACERS }, () => publish(code)))).map(
        (r) => r.status,
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 404)).toHaveLength(RACERS - 1);
      expect((await publish(code)).status).toBe(404);
    }
  });

  it('refuses a publish that an edit of the published role got ahead of with 409, keeping the draft', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `edited-meanwhile-${round}`;
      const role = await draftedRole(code);
      const [edit, published] = await Promise.all([
        server.request(roleUrl(code), {
          method: 'PUT',
          json: { ...role, summary: 'Edited meanwhile.' },
          key: server.writeKey,
          headers: { 'if-match': '"1"' },
        }),
        publish(code),
      ]);
      // Whichever came first, the other is refused as it is when it comes second.
      if (published.status === 200) {
        expect(edit.status).toBe(412);
      } else {
        expect(edit.status).toBe(200);
        expect(published.status).toBe(409);
        const draft = await server.request(`${roleUrl(code)}/draft`, { key: server.writeKey });
        expect(draft.status).toBe(200);
      }
    }
  });
});
