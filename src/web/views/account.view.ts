import { html, type SafeHtml } from '../../guides/index.js';
import { accountPaths } from './account-paths.js';
import { formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';

export interface SignInViewData {
  /** The form's CSRF token. */
  csrfToken: string;
  /** The name as typed, kept after a refusal. */
  name?: string;
  /** Where to go once signed in. */
  next?: string;
  /** Why the last attempt was refused. */
  error?: FormErrorView;
  /** What just happened (signed out). */
  notice?: string;
}

export interface AccountViewData {
  csrfToken: string;
  name: string;
  role: string;
}

/** A hidden field with the form's CSRF token: the forms work without script. */
export const csrfField = (token: string): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${token}" />`;

export const notice = (message: string | undefined): SafeHtml | false =>
  message !== undefined && html`<p class="lead" role="status">${message}</p>`;

/** The sign-in form. */
export const signInView = (data: SignInViewData): string => {
  const refused = formErrors(data.error, 'sign-in', {
    name: 'sign-in-name',
    password: 'sign-in-password',
  });
  return layout(
    { title: 'Sign in', noindex: true, section: 'account' },
    html`<h1>Sign in</h1>
      ${notice(data.notice)} ${refused.top()}
      <form class="stack" method="post" action="${accountPaths.signIn}">
        ${csrfField(data.csrfToken)}
        ${data.next !== undefined && html`<input type="hidden" name="next" value="${data.next}" />`}
        <label for="sign-in-name">Name</label>
        <input
          id="sign-in-name"
          name="name"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          required
          value="${data.name ?? ''}"
          ${refused.attributes('name')}
        />
        ${refused.message('name')}
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          ${refused.attributes('password')}
        />
        ${refused.message('password')}
        <button type="submit">Sign in</button>
      </form>`,
  );
};

/** Who is signed in, with the ways out: this browser, or every browser at once. */
export const accountView = (data: AccountViewData): string =>
  layout(
    { title: 'Your account', noindex: true, section: 'account' },
    html`<h1>Your account</h1>
      <p class="lead">Signed in as <strong>${data.name}</strong> (${data.role}).</p>
      ${
        data.role === 'admin' &&
        html`<p>
          <a href="${accountPaths.users}">Manage users</a> ·
          <a href="${accountPaths.keys}">Manage API keys</a>
        </p>`
      }
      <form class="stack" method="post" action="${accountPaths.signOut}">
        ${csrfField(data.csrfToken)}
        <button type="submit">Sign out</button>
      </form>
      <form class="stack" method="post" action="${accountPaths.signOut}">
        ${csrfField(data.csrfToken)}
        <input type="hidden" name="everywhere" value="yes" />
        <p>Signed in on a computer you no longer use? End every session of this account.</p>
        <button type="submit">Sign out everywhere</button>
      </form>`,
  );
