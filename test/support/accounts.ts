import { createUser, systemActor } from '../../src/services/index.js';
import type { TestServer } from './server.js';

export const PASSWORD = 'correct horse battery staple';

/** A user of that role, made directly through the service. */
export const addUser = (server: TestServer, name: string, role: string, password = PASSWORD) =>
  createUser(server.rolebook.ctx, systemActor('test'), { name, password, role });

/** The cookies a response set, as a Cookie header (name=value; …). */
const cookiesOf = (response: Response, jar: Map<string, string> = new Map()) => {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, value] = pair!.split('=') as [string, string];
    if (value === '') jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
};

export const cookieHeader = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** A browser's view of the site without one: a cookie jar and the form's CSRF token. */
export class FormClient {
  readonly jar = new Map<string, string>();
  constructor(private readonly server: TestServer) {}

  async get(
    path: string,
  ): Promise<{ response: Response; body: string; token: string | undefined }> {
    const response = await this.server.request(path, {
      redirect: 'manual',
      headers: { cookie: cookieHeader(this.jar), accept: 'text/html' },
    });
    cookiesOf(response, this.jar);
    const body = await response.text();
    return { response, body, token: /name="_csrf" value="([^"]+)"/.exec(body)?.[1] };
  }

  /** Posts a form as a browser does, or as a script does when `accept` says what it wants. */
  async post(
    path: string,
    fields: Record<string, string>,
    accept = 'text/html',
  ): Promise<Response> {
    const response = await this.server.request(path, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(this.jar),
        accept,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
    });
    cookiesOf(response, this.jar);
    return response;
  }

  /** Signs in through the form, as a browser would. */
  async signIn(name: string, password = PASSWORD): Promise<Response> {
    const { token } = await this.get('/sign-in');
    return this.post('/sign-in', { _csrf: token!, name, password });
  }
}
