import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, systemActor } from '../../src/services/index.js';
import { addUser, FormClient } from '../support/accounts.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The fields of the editor's form as the page filled them, as a browser would send them back. */
const formFields = (body: string): Record<string, string> => {
  const form = /<form class="stack editor"[\s\S]*?<\/form>/.exec(body)?.[0] ?? '';
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"/g)) {
    fields[name!] = unescape(value!);
  }
  for (const [, name, value] of form.matchAll(
    /<textarea[^>]*?name="([^"]+)"[^>]*>\n?([\s\S]*?)<\/textarea>/g,
  )) {
    fields[name!] = unescape(value!);
  }
  for (const [, name, options] of form.matchAll(
    /<select[^>]*?name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const chosen = /<option value="([^"]*)"\s*selected/.exec(options!);
    if (chosen) fields[name!] = unescape(chosen[1]!);
  }
  for (const [, name, value] of form.matchAll(
    /<input type="checkbox" name="([^"]+)" value="([^"]*)"\s*checked/g,
  )) {
    fields[name!] = unescape(value!);
  }
  return fields;
};

/**
 * The fields as a browser posts them back: it sends every line break of a textarea as CRLF and
 * drops those of a text input.
 */
const sentFields = (body: string): Record<string, string> => {
  const textareas = new Set([...body.matchAll(/<textarea[^>]*?name="([^"]+)"/g)].map((m) => m[1]));
  return Object.fromEntries(
    Object.entries(formFields(body)).map(([name, value]) => [
      name,
      textareas.has(name) ? value.replace(/\r\n?|\n/g, '\r\n') : value.replace(/[\r\n]/g, ''),
    ]),
  );
};

const text = (html: string) => unescape(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));

const rolePage = '/edit/roles/rolebook/api-builder';

/** Every box of a role's form filled as a whole guide of the fixture library has it. */
const wholeGuideBoxes = {
  alternativeTitles: 'First Light Specialist',
  responsibilities: 'Keeps the work moving.',
  benefits: 'Focus: Someone owns the work.',
  signs: 'Stalled work: Nobody picks the work up.',
  terms: 'api',
  skills: 'API design',
  technologies: 'OpenAPI: Standard',
  relatedRoles: 'api-builder',
  links: 'RFC Editor – RFC 9110, HTTP Semantics | https://www.rfc-editor.org/rfc/rfc9110',
};
const termPage = '/edit/terms/rest';

describe.each(storeTargets)('the editor on $name', (target) => {
  let server: TestServer;

  const signedIn = async (name: string) => {
    const client = new FormClient(server);
    await client.signIn(name);
    return client;
  };

  /** Opens the page, changes fields and presses a button, as a browser does. */
  const submit = async (
    client: FormClient,
    path: string,
    changes: Record<string, string>,
    intent: 'preview' | 'draft' | 'publish',
  ) => {
    const { body } = await client.get(path);
    return client.post(path, { ...formFields(body), ...changes, intent });
  };

  const storedRole = async () =>
    (await (await server.request('/v1/roles/rolebook/api-builder')).json()) as {
      name: string;
      summary: string;
      version: number;
      technologies: unknown[];
    };

  beforeAll(async () => {
    server = await startServer(target);
    await addUser(server, 'ann', 'admin');
    await addUser(server, 'eve', 'editor');
    await addUser(server, 'vic', 'viewer');
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends someone not signed in to sign in first, and back', async () => {
    const { response } = await new FormClient(server).get(rolePage);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(rolePage)}`);
  });

  it('refuses a viewer the way the services do', async () => {
    const viewer = await signedIn('vic');
    const { response, body } = await viewer.get(rolePage);
    expect(response.status).toBe(403);
    expect(text(body)).toContain('lacks the "write" scope');
  });

  it('tells a refused viewer who is signed in, and where to sign out for someone allowed', async () => {
    const viewer = await signedIn('vic');
    const { body } = await viewer.get(rolePage);
    expect(text(body)).toMatch(/You are signed in as vic\s*, a viewer\./);
    expect(body).toContain('href="/account"');
  });

  it('fills the form from the stored role, one list item a line', async () => {
    const editor = await signedIn('eve');
    const { response, body } = await editor.get(rolePage);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const fields = formFields(body);
    expect(fields.name).toBe('API Builder');
    expect(fields.benefits).toBe('Integration: Other systems can reach your data.');
    expect(fields.links).toBe(
      'RFC Editor – RFC 9110, HTTP Semantics | https://www.rfc-editor.org/rfc/rfc9110',
    );
    expect(fields.relatedRoles).toBe('query-writer');
  });

  it('stores a role saved unchanged exactly as the API stored it', async () => {
    // An imported taxonomy keeps its source's codes, whatever characters they hold.
    await applyImport(server.rolebook.ctx, systemActor('test'), {
      source: 'test',
      taxonomies: [{ id: 'edge', name: 'Edge cases' }],
      roles: [],
    });
    const create = (role: Record<string, unknown>) =>
      server.request('/v1/roles?taxonomy=edge', {
        method: 'POST',
        key: server.writeKey,
        json: { status: 'published', ...role },
      });
    expect(
      (await create({ code: 'xss-1/<b>a,b?c#d', name: 'Slashed', summary: 'S.' })).status,
    ).toBe(201);
    const hostile = {
      code: 'form-hostile',
      name: ' Hostile\nRole ',
      summary: '  A summary\r\nover two lines  ',
      alternativeTitles: [' Edge spaced ', 'C:\\Temp\\new'],
      responsibilities: ['One duty\nthat wraps', 'Pipes | and: colons'],
      benefits: [{ title: 'Ratio 3:1', text: 'Colon: in text too' }],
      signs: [{ title: ' Padded ', text: ' padded ' }],
      skills: [{ name: 'Plain skill (essential)' }, { name: 'SQL', importance: 'optional' }],
      relatedRoles: [
        { taxonomy: 'rolebook', code: 'query-writer' },
        { taxonomy: 'edge', code: 'xss-1/<b>a,b?c#d' },
      ],
      links: [{ title: 'Odd | title: ', url: 'https://example.com/a?b=c:d' }],
    };
    expect((await create(hostile)).status).toBe(201);
    const content = async () => {
      const path = '/v1/roles/edge/form-hostile';
      const role = (await (await server.request(path, { key: server.writeKey })).json()) as object;
      // Publishing may count a version even when nothing changed; the content is the question.
      return { ...role, version: undefined, updatedAt: undefined };
    };
    const before = await content();
    const editor = await signedIn('eve');
    const editPage = '/edit/roles/edge/form-hostile';
    const { body } = await editor.get(editPage);
    const sent = { ...sentFields(body), intent: 'publish' };
    expect((await editor.post(editPage, sent)).status).toBe(303);
    expect(await content()).toEqual(before);
  });

  it('stores a term saved unchanged exactly as the API stored it', async () => {
    const hostile = {
      slug: 'form-hostile-term',
      name: ' Hostile\nTerm ',
      abbreviations: ['CI/CD', 'A,B', ' E ', 'C\\D'],
      aliases: ['One, two', 'Ratio 3:1', ' edge ', 'Two\nlines', 'Ünïcødé 🚀'],
      definition: '\nWindows\r\nline breaks  \r\nand trailing spaces  ',
      examples: ['rest'],
      category: 'practice',
      caseSensitive: true,
      needsContext: ['A,B', ' E '],
    };
    const created = await server.request('/v1/terms', {
      method: 'POST',
      key: server.writeKey,
      json: hostile,
    });
    expect(created.status).toBe(201);
    const content = async () => {
      const path = `/v1/terms/${hostile.slug}`;
      const term = (await (await server.request(path, { key: server.writeKey })).json()) as object;
      return { ...term, version: undefined, updatedAt: undefined };
    };
    const before = await content();
    const editor = await signedIn('eve');
    const editPage = `/edit/terms/${hostile.slug}`;
    const { body } = await editor.get(editPage);
    const sent = { ...sentFields(body), intent: 'publish' };
    expect((await editor.post(editPage, sent)).status).toBe(303);
    expect(await content()).toEqual(before);
  });

  it('saves unchanged a term whose abbreviations fill their limits, escaped', async () => {
    // Ten forms of 100 characters, nearly every one of which the form writes escaped.
    const abbreviations = Array.from({ length: 10 }, (_, i) => `${i}${',\n'.repeat(49)}x`);
    const term = { slug: 'form-full-term', name: 'Full', definition: 'D.', examples: [] };
    const created = await server.request('/v1/terms', {
      method: 'POST',
      key: server.writeKey,
      json: { ...term, abbreviations, aliases: [], category: 'concept', caseSensitive: false },
    });
    expect(created.status).toBe(201);
    const before = ((await created.json()) as { abbreviations: string[] }).abbreviations;
    const editor = await signedIn('eve');
    const editPage = `/edit/terms/${term.slug}`;
    const sent = { ...sentFields((await editor.get(editPage)).body), intent: 'publish' };
    expect((await editor.post(editPage, sent)).status).toBe(303);
    const stored = (await (await server.request(`/v1/terms/${term.slug}`)).json()) as object;
    expect(stored).toMatchObject({ abbreviations: before });
  });

  it('previews typed content with what lint finds in it, saving nothing', async () => {
    const editor = await signedIn('eve');
    const before = await storedRole();
    const response = await submit(
      editor,
      rolePage,
      { name: 'API Crafter', summary: 'Builds {role_name} interfaces.' },
      'preview',
    );
    expect(response.status).toBe(200);
    const page = text(await response.text());
    expect(page).toMatch(/Lint .*Summary: .*\{role_name\}/);
    expect(page).toMatch(/Preview .*API Crafter/);
    expect(await storedRole()).toEqual(before);
  });

  it('names the field and line of a refused list item and keeps what was typed', async () => {
    const editor = await signedIn('eve');
    const response = await submit(editor, rolePage, { benefits: 'A reason with no text' }, 'draft');
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(text(body)).toContain('Why hire, line 1:');
    expect(formFields(body).benefits).toBe('A reason with no text');
  });

  it('shows the form again with what was typed when a field is over its length', async () => {
    const editor = await signedIn('eve');
    const name = 'N'.repeat(1_001);
    const response = await submit(editor, rolePage, { name, summary: 'Kept summary.' }, 'draft');
    expect(response.status).toBe(413);
    const body = await response.text();
    expect(text(body)).toContain('Name: is longer than 1000 characters');
    expect(formFields(body)).toMatchObject({ name, summary: 'Kept summary.' });
  });

  it('refuses a form whose version is not a whole number as bad input, saving nothing', async () => {
    const editor = await signedIn('eve');
    const before = await storedRole();
    for (const version of ['abc', '-1', ' 2', '2.0']) {
      const response = await submit(editor, rolePage, { version, summary: 'Tampered.' }, 'draft');
      expect(response.status, version).toBe(400);
      expect(text(await response.text()), version).toContain('a whole number');
    }
    expect(await storedRole()).toEqual(before);
  });

  it('shows the new-role form again with what was typed when its intent is unknown', async () => {
    const editor = await signedIn('eve');
    const { token } = await editor.get('/edit/new-role');
    const response = await editor.post('/edit/new-role', {
      _csrf: token!,
      taxonomy: 'rolebook',
      code: 'form-keeper',
      name: 'Form Keeper',
      intent: 'shout',
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(text(body)).toContain('must be one of "preview", "draft", "publish"');
    expect(formFields(body)).toMatchObject({ code: 'form-keeper', name: 'Form Keeper' });
  });

  it('saves a draft readers do not get, then publishes it', async () => {
    const editor = await signedIn('eve');
    const before = await storedRole();
    const saved = await submit(editor, rolePage, { summary: 'A drafted summary.' }, 'draft');
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${rolePage}?saved=draft`);
    expect((await storedRole()).summary).toBe(before.summary);
    const { body } = await editor.get(`${rolePage}?saved=draft`);
    expect(text(body)).toContain('Draft saved.');
    expect(formFields(body).summary).toBe('A drafted summary.');

    const published = await submit(editor, rolePage, {}, 'publish');
    expect(published.headers.get('location')).toBe(`${rolePage}?saved=publish`);
    const after = await storedRole();
    expect(after.summary).toBe('A drafted summary.');
    expect(after.version).toBe(before.version + 1);
    expect(after.technologies).toEqual(before.technologies);
  });

  it('shows a pending draft on the revisions page, with what it changes and a way to open it', async () => {
    const editor = await signedIn('eve');
    const page = '/edit/roles/rolebook/query-writer';
    const { version } = (await (
      await server.request('/v1/roles/rolebook/query-writer')
    ).json()) as { version: number };
    await submit(editor, page, { name: 'Report Query Writer' }, 'draft');
    const { body } = await editor.get(`${page}/revisions`);
    expect(text(body)).toMatch(
      new RegExp(
        `Draft, not published By user:eve on .* What the draft changes from version ${version} .*Name .*Report`,
      ),
    );
    expect(body).toContain(`<a href="${page}">Open the draft in the editor</a>`);
  });

  /** What a save could write for an entity: a pending draft, a revision, an audit entry. */
  const writesFor = async (url: string, auditTarget: string) => ({
    draft: (await server.request(`${url}/draft`, { key: server.writeKey })).status,
    revisions: (
      (await (await server.request(`${url}/revisions`, { key: server.writeKey })).json()) as {
        total: number;
      }
    ).total,
    audit: (
      await server.rolebook.ctx.store.db
        .selectFrom('audit_log')
        .select('id')
        .where('target', '=', auditTarget)
        .execute()
    ).length,
  });

  it('writes no draft, revision or audit entry for a role saved as a draft unchanged', async () => {
    const editor = await signedIn('eve');
    const before = await writesFor('/v1/roles/rolebook/api-builder', 'rolebook/api-builder');
    expect(before.draft).toBe(404);
    expect((await submit(editor, rolePage, {}, 'draft')).status).toBe(303);
    expect(await writesFor('/v1/roles/rolebook/api-builder', 'rolebook/api-builder')).toEqual(
      before,
    );
  });

  it('writes no draft, revision or audit entry for a term saved as a draft unchanged', async () => {
    const editor = await signedIn('eve');
    const before = await writesFor('/v1/terms/rest', 'rest');
    expect(before.draft).toBe(404);
    expect((await submit(editor, termPage, {}, 'draft')).status).toBe(303);
    expect(await writesFor('/v1/terms/rest', 'rest')).toEqual(before);
  });

  it('tells the editor that nothing changed when a save changes nothing', async () => {
    const editor = await signedIn('eve');
    const saved = await submit(editor, rolePage, {}, 'draft');
    expect(saved.headers.get('location')).toBe(`${rolePage}?saved=nothing`);
    const { body } = await editor.get(`${rolePage}?saved=nothing`);
    expect(text(body)).toContain('Nothing changed, so nothing was saved.');
  });

  it('tells the editor that nothing changed when publishing what is already published', async () => {
    const editor = await signedIn('eve');
    const { version } = await storedRole();
    const published = await submit(editor, rolePage, {}, 'publish');
    expect(published.headers.get('location')).toBe(`${rolePage}?saved=nothing`);
    expect((await storedRole()).version).toBe(version);
  });

  it('shows a stale save as a conflict beside what was typed, overwriting nothing', async () => {
    const eve = await signedIn('eve');
    const ann = await signedIn('ann');
    const { body: evePage } = await eve.get(rolePage);
    expect((await submit(ann, rolePage, { name: 'API Smith' }, 'publish')).status).toBe(303);

    const stale = await eve.post(rolePage, {
      ...formFields(evePage),
      name: 'API Wright',
      intent: 'publish',
    });
    expect(stale.status).toBe(409);
    const body = await stale.text();
    const page = text(body);
    expect(page).toContain('Changed while you were editing');
    expect(page).toMatch(/What changed meanwhile .*Name .*API Smith/);
    expect(body).toContain('API <del>Smith</del> <ins>Wright</ins>');
    expect((await storedRole()).name).toBe('API Smith');

    // The form keeps what was typed and now names the current version: saving again keeps it.
    const fields = formFields(body);
    expect(fields.name).toBe('API Wright');
    expect((await eve.post(rolePage, { ...fields, intent: 'publish' })).status).toBe(303);
    expect((await storedRole()).name).toBe('API Wright');
  });

  it('lists the revisions as field changes and brings an earlier one back', async () => {
    const editor = await signedIn('eve');
    const { version } = await storedRole();
    await submit(editor, rolePage, { name: 'API Mason' }, 'publish');
    const { body } = await editor.get(`${rolePage}/revisions`);
    expect(text(body)).toMatch(new RegExp(`Version ${version + 1}: update .*Name API \\w+ Mason`));
    const { token } = await editor.get(`${rolePage}/revisions`);
    const reverted = await editor.post(`${rolePage}/revisions`, {
      _csrf: token!,
      version: String(version + 1),
      toVersion: String(version),
    });
    expect(reverted.status).toBe(303);
    const after = await storedRole();
    expect(after.version).toBe(version + 2);
    expect(after.name).not.toBe('API Mason');
  });

  it('refuses a revert from a version no longer stored, reverting nothing', async () => {
    const editor = await signedIn('eve');
    const { version } = await storedRole();
    const { token } = await editor.get(`${rolePage}/revisions`);
    const refused = await editor.post(`${rolePage}/revisions`, {
      _csrf: token!,
      version: String(version - 1),
      toVersion: '1',
    });
    expect(refused.status).toBe(412);
    expect(text(await refused.text())).toContain('Nothing was reverted.');
    expect((await storedRole()).version).toBe(version);
  });

  it('edits a glossary term and publishes it', async () => {
    const editor = await signedIn('eve');
    const response = await submit(
      editor,
      termPage,
      { definition: 'A style of web interface built on plain HTTP requests.' },
      'publish',
    );
    expect(response.status).toBe(303);
    const term = (await (await server.request('/v1/terms/rest')).json()) as { definition: string };
    expect(term.definition).toBe('A style of web interface built on plain HTTP requests.');
  });

  it('creates a role as a draft from the new-role form', async () => {
    const editor = await signedIn('eve');
    const { token } = await editor.get('/edit/new-role');
    const response = await editor.post('/edit/new-role', {
      _csrf: token!,
      taxonomy: 'rolebook',
      code: 'schema-keeper',
      name: 'Schema Keeper',
      summary: 'Looks after the shape of the data.',
      terms: 'sql',
      intent: 'draft',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/edit/roles/rolebook/schema-keeper?saved=draft');
    const role = (await (
      await server.request('/v1/roles/rolebook/schema-keeper', { key: server.writeKey })
    ).json()) as { status: string; terms: string[] };
    expect(role).toMatchObject({ status: 'draft', terms: ['sql'] });
  });

  it('refuses to publish a guide lint finds errors in, saying why beside the box', async () => {
    const editor = await signedIn('eve');
    const before = await storedRole();
    const links = 'Example | https://example.com/';
    const refused = await submit(editor, rolePage, { links }, 'publish');
    expect(refused.status).toBe(422);
    const body = await refused.text();
    expect(body).toMatch(
      /<p class="field-problem" id="edit-links-problem">[^<]*example\.com is not one of the library&#39;s reference sources/,
    );
    expect(formFields(body).links).toBe(links);
    expect((await storedRole()).version).toBe(before.version);
  });

  it('records publishing a role never published from its editor as a publish', async () => {
    const editor = await signedIn('eve');
    const { token } = await editor.get('/edit/new-role');
    await editor.post('/edit/new-role', {
      _csrf: token!,
      taxonomy: 'rolebook',
      code: 'first-light',
      name: 'First Light',
      summary: 'Published once it is ready.',
      ...wholeGuideBoxes,
      intent: 'draft',
    });
    const page = '/edit/roles/rolebook/first-light';
    expect((await submit(editor, page, {}, 'publish')).status).toBe(303);
    const history = (await (
      await server.request('/v1/roles/rolebook/first-light/revisions', { key: server.writeKey })
    ).json()) as { items: { action: string }[] };
    expect(history.items.map((r) => r.action)).toEqual(['publish', 'create']);
  });

  it('creates a glossary term from the new-term form', async () => {
    const editor = await signedIn('eve');
    const { token } = await editor.get('/edit/new-term');
    const response = await editor.post('/edit/new-term', {
      _csrf: token!,
      slug: 'orm',
      name: 'Object-relational mapper',
      abbreviations: 'ORM',
      definition: 'A library that maps database rows to objects.',
      category: 'library',
      intent: 'publish',
    });
    expect(response.status).toBe(303);
    expect((await server.request('/v1/terms/orm')).status).toBe(200);
  });

  it('serves the editor’s script, which the site’s policy lets run and nothing else', async () => {
    const editor = await signedIn('eve');
    const policy = (await editor.get(rolePage)).response.headers.get('content-security-policy');
    expect(policy?.match(/script-src [^;]+/g)).toEqual(["script-src 'self'"]);
    const script = await server.request('/static/editor.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a form sent without its token', async () => {
    const editor = await signedIn('eve');
    const { body } = await editor.get(rolePage);
    const { _csrf: _token, ...fields } = formFields(body);
    const response = await editor.post(rolePage, { ...fields, intent: 'publish' });
    expect(response.status).toBe(403);
  });

  it('links a guide and a term to their editors only for someone who may edit', async () => {
    const links = async (client: FormClient) => [
      (await client.get('/roles/api-builder')).body.includes(`href="${rolePage}"`),
      (await client.get('/terms/rest')).body.includes(`href="${termPage}"`),
    ];
    expect(await links(new FormClient(server))).toEqual([false, false]);
    expect(await links(await signedIn('vic'))).toEqual([false, false]);
    expect(await links(await signedIn('eve'))).toEqual([true, true]);
  });
});
