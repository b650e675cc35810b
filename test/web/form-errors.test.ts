import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, FormClient, PASSWORD } from '../support/accounts.js';
import { startServer, type TestServer } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

/** The message a page says beside a field, found through the field's aria-describedby. */
const besideField = (body: string, id: string) => {
  const control = new RegExp(`<(?:input|textarea|select)\\s+id="${id}"[^>]*>`).exec(body)?.[0];
  if (control === undefined) return undefined;
  const described = /aria-describedby="([^"]+)"/.exec(control)?.[1];
  return {
    invalid: control.includes('aria-invalid="true"'),
    message: new RegExp(`<p class="field-problem" id="${described}">([^<]*)</p>`).exec(body)?.[1],
  };
};

/** What a script posting a form with `Accept: application/json` is told: a problem document. */
const problemOf = async (response: Response) => {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as {
    status: number;
    code: string;
    errors?: { field?: string; message: string }[];
  };
};

const JSON_ACCEPT = 'application/json';

const REVISIONS = '/edit/roles/rolebook/api-builder/revisions';

describe.each(storeTargets)('forms refused on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target);
    await addUser(server, 'ann', 'admin');
    await addUser(server, 'eve', 'editor');
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows the sign-in form again with a missing password beside its field and the name kept', async () => {
    const client = new FormClient(server);
    const { token } = await client.get('/sign-in');
    const response = await client.post('/sign-in', { _csrf: token!, name: 'eve' });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(besideField(body, 'sign-in-password')).toEqual({
      invalid: true,
      message: expect.stringContaining('password') as string,
    });
    expect(body).toMatch(/id="sign-in-name"[^>]*value="eve"/);
  });

  it('answers a script missing the sign-in password with a problem naming the field', async () => {
    const client = new FormClient(server);
    const { token } = await client.get('/sign-in');
    const response = await client.post('/sign-in', { _csrf: token!, name: 'eve' }, JSON_ACCEPT);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(problem.errors?.map((e) => e.field)).toContain('password');
  });

  it('shows the sign-in form again, never with the password, when its token is wrong', async () => {
    const client = new FormClient(server);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', {
      _csrf: 'forged',
      name: 'eve',
      password: PASSWORD,
    });
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).toMatch(/role="alert">[\s\S]*This form has expired/);
    expect(body).toMatch(/id="sign-in-name"[^>]*value="eve"/);
    expect(body).not.toContain(PASSWORD);
  });

  it('shows the form to add a user again with an over-long name beside its field', async () => {
    const admin = new FormClient(server);
    await admin.signIn('ann');
    const { token } = await admin.get('/admin/users');
    const name = 'n'.repeat(201);
    const response = await admin.post('/admin/users', {
      _csrf: token!,
      name,
      password: PASSWORD,
      role: 'editor',
    });
    expect(response.status).toBe(413);
    const body = await response.text();
    expect(besideField(body, 'new-user-name')?.invalid).toBe(true);
    expect(body).toMatch(new RegExp(`id="new-user-name"[^>]*value="${name}"`));
    expect(body).toMatch(/<option\s+value="editor"\s+selected/);
    expect(body).not.toContain(PASSWORD);
  });

  it('answers a script adding a user with an over-long name with a problem, not the page', async () => {
    const admin = new FormClient(server);
    await admin.signIn('ann');
    const { token } = await admin.get('/admin/users');
    const response = await admin.post(
      '/admin/users',
      { _csrf: token!, name: 'n'.repeat(201), password: PASSWORD, role: 'editor' },
      JSON_ACCEPT,
    );
    expect(response.status).toBe(413);
    const problem = await problemOf(response);
    expect(problem.status).toBe(413);
    expect(problem.errors?.map((e) => e.field)).toContain('name');
  });

  it('shows the analyze form again with an empty description marked beside its box', async () => {
    const response = await new FormClient(server).post('/analyze', { text: '  ' });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(besideField(body, 'jd-text')).toEqual({
      invalid: true,
      message: 'paste a job description or choose a file',
    });
  });

  it('answers a script sending the analyze form an empty description with a problem', async () => {
    const response = await new FormClient(server).post('/analyze', { text: '  ' }, JSON_ACCEPT);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(problem.errors?.map((e) => e.field)).toEqual(['text']);
  });

  it('shows the analyze form again under 415 when posted as a type no form sends', async () => {
    const response = await server.request('/analyze', {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/xml' },
      body: '<text>kept out</text>',
    });
    expect(response.status).toBe(415);
    const body = await response.text();
    expect(body).toMatch(/<textarea id="jd-text"/);
    expect(body).toMatch(/role="alert"/);
  });

  it('answers a script posting the analyze form as a type no form sends with a 415 problem', async () => {
    const response = await server.request('/analyze', {
      method: 'POST',
      headers: { accept: JSON_ACCEPT, 'content-type': 'application/xml' },
      body: '<text>kept out</text>',
    });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).status).toBe(415);
  });

  it('shows the compare form again when its address names too much', async () => {
    const response = await server.request(`/compare?roles=${'r'.repeat(2001)}`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toMatch(/<form class="filter" method="get" action="\/compare">/);
    expect(body).toMatch(/role="alert"/);
  });

  it('shows the editor form again with what was typed when its token is wrong', async () => {
    const editor = new FormClient(server);
    await editor.signIn('eve');
    await editor.get('/edit/new-term');
    const response = await editor.post('/edit/new-term', {
      _csrf: 'forged',
      slug: 'kept-term',
      name: 'Kept Term',
      intent: 'preview',
    });
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).toMatch(/role="alert">[\s\S]*This form has expired/);
    expect(body).toMatch(/name="slug"[^>]*value="kept-term"|value="kept-term"[^>]*name="slug"/);
    expect(body).toMatch(/name="_csrf" value="(?!forged)[^"]+"/);
  });

  it('answers a script sending the editor form with a wrong token with a 403 problem', async () => {
    const editor = new FormClient(server);
    await editor.signIn('eve');
    await editor.get('/edit/new-term');
    const response = await editor.post(
      '/edit/new-term',
      { _csrf: 'forged', slug: 'kept-term', name: 'Kept Term', intent: 'preview' },
      JSON_ACCEPT,
    );
    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 403, code: 'forbidden' });
    expect(problem.errors?.map((e) => e.field)).toEqual(['_csrf']);
  });

  it('shows the revisions page again, reverting nothing, when a revert form is refused', async () => {
    const editor = new FormClient(server);
    await editor.signIn('eve');
    await editor.get(`${REVISIONS}`);
    const response = await editor.post(REVISIONS, {
      _csrf: 'forged',
      version: '1',
      toVersion: '1',
    });
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).toMatch(/role="alert">\s*<p>Nothing was reverted\. This form has expired/);
    expect(body).toMatch(/<h1>Revisions of /);
  });

  it('answers a script sending a revert form with a wrong token with a 403 problem', async () => {
    const editor = new FormClient(server);
    await editor.signIn('eve');
    await editor.get(REVISIONS);
    const response = await editor.post(
      REVISIONS,
      { _csrf: 'forged', version: '1', toVersion: '1' },
      JSON_ACCEPT,
    );
    expect(response.status).toBe(403);
    expect(await problemOf(response)).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
