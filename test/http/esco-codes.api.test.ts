import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEscoRelease, systemActor } from '../../src/services/index.js';
import { escoFixtureRelease } from '../support/release-fixtures.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const developer = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001';

describe.each(storeTargets)('ESCO occupations by their published code, API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target);
    const { dir, dispose } = await escoFixtureRelease();
    await importEscoRelease(server.rolebook.ctx, systemActor('test'), dir).finally(dispose);
  });
  afterAll(() => server.close());

  it('answers an occupation asked for by its ESCO code with the role its URI keys', async () => {
    const response = await server.request('/v1/roles/esco/2512.4');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: developer, occupationCode: '2512.4' });
  });

  it('answers a code ESCO publishes for no occupation as not found', async () => {
    const response = await server.request('/v1/roles/esco/9999.9');
    expect(response.status).toBe(404);
  });
});
