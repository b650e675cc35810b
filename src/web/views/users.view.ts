import { html } from '../../guides/index.js';
import { accountPaths } from './account-paths.js';
import { csrfField, notice } from './account.view.js';
import { formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';

export interface UserRowView {
  name: string;
  role: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface UsersViewData {
  csrfToken: string;
  users: readonly UserRowView[];
  roles: readonly string[];
  /** What the create form sent, kept after a refusal (never the password). */
  draft?: { name: string; role: string };
  error?: FormErrorView;
  /** What the last form did, said back once it is done. */
  done?: string;
  minPasswordLength: number;
}

/** Where a row's forms go: one user's changes, each named by its `action` field. */
const userPath = (name: string) => `${accountPaths.users}/${encodeURIComponent(name)}`;

/** The forms that change one user: another role, disable or re-enable, sign out everywhere. */
const userActions = (user: UserRowView, data: UsersViewData) => {
  const label = (what: string) => `${what} ${user.name}`;
  const form = (action: string, button: string) =>
    html`<form class="inline" method="post" action="${userPath(user.name)}">
      ${csrfField(data.csrfToken)}
      <input type="hidden" name="action" value="${action}" />
      <button type="submit" aria-label="${label(button)}">${button}</button>
    </form>`;
  return html`<form class="inline" method="post" action="${userPath(user.name)}">
      ${csrfField(data.csrfToken)}
      <input type="hidden" name="action" value="role" />
      <select name="role" aria-label="${label('Role of')}">
        ${data.roles.map(
          (role) =>
            html`<option value="${role}" ${role === user.role && html`selected`}>${role}</option>`,
        )}
      </select>
      <button type="submit" aria-label="Change role of ${user.name}">Change role</button>
    </form>
    ${user.disabledAt === null ? form('disable', 'Disable') : form('enable', 'Re-enable')}
    ${form('sign-out', 'Sign out everywhere')}`;
};

/** The admin's page of users: who may sign in, with which role, and a form to add one. */
export const usersView = (data: UsersViewData): string => {
  const refused = formErrors(data.error, 'new-user', {
    name: 'new-user-name',
    password: 'new-user-password',
    role: 'new-user-role',
  });
  return layout(
    { title: 'Users', noindex: true, wide: true },
    html`<h1>Users</h1>
      ${notice(data.done)}
      <div class="table-wrap">
        <table class="stack-table">
          <caption>
            People who may sign in
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${data.users.map(
              (u) =>
                html`<tr>
                  <td data-label="Name">${u.name}</td>
                  <td data-label="Role">${u.role}</td>
                  <td data-label="Created">${u.createdAt.slice(0, 10)}</td>
                  <td data-label="State">
                    ${u.disabledAt === null ? 'active' : `disabled ${u.disabledAt.slice(0, 10)}`}
                  </td>
                  <td data-label="Actions">${userActions(u, data)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${refused.top()}
      <h2 id="new-user-heading">Add a user</h2>
      <form
        class="stack"
        method="post"
        action="${accountPaths.users}"
        aria-labelledby="new-user-heading"
      >
        ${csrfField(data.csrfToken)}
        <label for="new-user-name">Name</label>
        <input
          id="new-user-name"
          name="name"
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          required
          value="${data.draft?.name ?? ''}"
          ${refused.attributes('name')}
        />
        ${refused.message('name')}
        <label for="new-user-password"
          >Password (at least ${data.minPasswordLength} characters)</label
        >
        <input
          id="new-user-password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength="${data.minPasswordLength}"
          required
          ${refused.attributes('password')}
        />
        ${refused.message('password')}
        <label for="new-user-role">Role</label>
        <select id="new-user-role" name="role" ${refused.attributes('role')}>
          ${data.roles.map(
            (role) =>
              html`<option
                value="${role}"
                ${role === (data.draft?.role ?? 'viewer') && html`selected`}
              >
                ${role}
              </option>`,
          )}
        </select>
        ${refused.message('role')}
        <button type="submit">Add user</button>
      </form>`,
  );
};
