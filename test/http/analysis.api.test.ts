import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PROBLEM_INPUT_LENGTH } from '../../src/domain/text-input.js';
import { serverForTests, startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

interface TitleFacts {
  seniority?: string;
  level?: string;
  workMode?: string;
  location?: string;
}

interface Analysis {
  title: (TitleFacts & { text: string; matches: unknown[] }) | null;
  roles: { code: string }[];
  seniority: { level: string | null; source: string | null; years: unknown };
  terms: { slug: string; definition: string; mentions: { start: number; end: number }[] }[];
  missing: string[];
  workModes: string[];
}

const factsOf = ({ seniority, level, workMode, location }: TitleFacts): TitleFacts => ({
  ...(seniority ? { seniority } : {}),
  ...(level ? { level } : {}),
  ...(workMode ? { workMode } : {}),
  ...(location ? { location } : {}),
});

const posting = `API Engineer

Responsibilities: design a REST API over our SQL database.
`;

describe.each(storeTargets)('analysis API on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(target, { analysisThread: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the role, the terms with their definitions and offsets, and what is missing', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      json: { text: posting },
    });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as Analysis;
    expect(analysis.roles[0]?.code).toBe('api-builder');
    const rest = analysis.terms.find((t) => t.slug === 'rest');
    expect(rest?.definition).toContain('web API');
    const mention = rest?.mentions[0];
    expect(mention && posting.slice(mention.start, mention.end)).toBe('REST');
    expect(analysis.missing).toContain('salary');
  });

  it('reads an HTML posting as text and ignores its scripts', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/html' },
      body: '<h1>API Engineer</h1><script>var SQL = 1;</script><p>Build a REST API.</p>',
    });
    const analysis = (await response.json()) as Analysis;
    expect(analysis.terms.map((t) => t.slug)).toEqual(expect.arrayContaining(['rest']));
    expect(analysis.terms.map((t) => t.slug)).not.toContain('sql');
  });

  it.each([
    ['Staff API Engineer, Tech Lead - Remote', { seniority: 'staff', workMode: 'remote' }],
    ['Lead SQL Writer (On-site)', { seniority: 'lead', workMode: 'onsite' }],
    ['Distinguished API Engineer | Hybrid', { seniority: 'distinguished', workMode: 'hybrid' }],
    ['API Engineer III - Berlin', { level: 'III', location: 'Berlin' }],
    ['Remote Sensing Analyst', {}],
  ])('says what /v1/normalize says of the title "%s"', async (title, expected) => {
    const query = `title=${encodeURIComponent(title)}&taxonomy=rolebook&top=5`;
    const normalized = (await (await server.request(`/v1/normalize?${query}`)).json()) as {
      matches: unknown[];
    } & TitleFacts;
    expect(factsOf(normalized)).toEqual(expected);
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      json: { text: `${title}\n\nResponsibilities: design a REST API.` },
    });
    const analysis = (await response.json()) as Analysis;
    expect(analysis.title?.text).toBe(title);
    expect(factsOf(analysis.title!)).toEqual(expected);
    expect(analysis.title?.matches).toEqual(normalized.matches);
    if (normalized.seniority) {
      expect(analysis.seniority).toEqual({
        level: normalized.seniority,
        source: 'title',
        years: null,
      });
    }
    expect(analysis.workModes).toEqual(normalized.workMode ? [normalized.workMode] : []);
  });

  it.each([
    ['an empty text', { text: '  ' }, 'empty'],
    ['binary data', { text: 'PK\u0003\u0004\u0000\u0000' }, 'control character'],
    ['invalid UTF-8', { text: 'caf\uFFFD' }, 'UTF-8'],
  ])('refuses %s with a 400 that says why', async (_case, body, message) => {
    const response = await server.request('/v1/analyze', { method: 'POST', json: body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain(message);
  });

  it('refuses a job description over 200 KB with a 413 that names the limit', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      json: { text: 'a '.repeat(110_000) },
    });
    expect(response.status).toBe(413);
    const problem = (await response.json()) as {
      code: string;
      errors: { field: string; message: string }[];
    };
    expect(problem.code).toBe('payload_too_large');
    expect(problem.errors).toEqual([
      { field: 'text', message: 'text is longer than 204800 characters' },
    ]);
  });

  it("names the server's body limit setting when a body is over it", async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      json: { text: 'a'.repeat(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      errors: [{ field: 'body', message: 'at most 1048576 bytes (BODY_LIMIT_BYTES)' }],
    });
  });

  it('refuses a job description of fewer characters but more bytes than the limit with a 413', async () => {
    const response = await server.request('/v1/analyze', {
      method: 'POST',
      json: { text: 'é '.repeat(70_000) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      errors: [{ field: 'text', message: 'the text is 210000 bytes; the limit is 204800' }],
    });
  });

  it('diagnoses plain-word problems from the roles\u2019 signs', async () => {
    const response = await server.request('/v1/diagnose', {
      method: 'POST',
      json: { text: 'Our partners cannot connect to pull data automatically' },
    });
    expect(response.status).toBe(200);
    const diagnosis = (await response.json()) as { roles: { code: string }[] };
    expect(diagnosis.roles[0]?.code).toBe('api-builder');
  });

  it('answers with no role and what it understood when the problem is not technology work', async () => {
    const response = await server.request('/v1/diagnose', {
      method: 'POST',
      json: { text: 'hiring a nurse for night shifts' },
    });
    expect(response.status).toBe(200);
    const diagnosis = (await response.json()) as {
      verdict: string;
      message: string;
      roles: unknown[];
      understood: { said: string; means: string }[];
    };
    expect(diagnosis.verdict).toBe('no-technology-role');
    expect(diagnosis.roles).toEqual([]);
    expect(diagnosis.message).toMatch(/does not sound like a technology role/);
    expect(diagnosis.understood).toContainEqual({
      said: 'nurse',
      means: 'work outside technology',
    });
  });
});

// The text is the whole load here, so one store shows it; the server is given a request time
// limit a test can wait out, and the answer must come within it.
describe('a posting that repeats one short term', () => {
  const requestTimeoutMs = 10_000;
  const { server } = serverForTests(storeTargets[0]!, {
    analysisThread: true,
    limits: { requestTimeoutMs },
  });

  it(
    'is answered within the request time limit at 100 KB, for analysis and diagnosis alike',
    async () => {
      const repeated = (chars: number) => 'SQL '.repeat(chars / 4);
      // The analysis thread starts and reads the library on the first request, not this one's work.
      await server.request('/v1/analyze', { method: 'POST', json: { text: posting } });
      for (const [path, text] of [
        ['/v1/analyze', repeated(100_000)],
        ['/v1/diagnose', repeated(MAX_PROBLEM_INPUT_LENGTH)],
      ] as const) {
        const response = await server.request(path, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: text,
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        expect(response.status, path).toBe(200);
      }
    },
    3 * requestTimeoutMs,
  );
});
