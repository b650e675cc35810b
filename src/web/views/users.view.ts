import { html } from '../../guides/index.js';
import { accountPaths } from './account-paths.js';
import { alert, csrfField, notice } from './account.view.js';
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
  error?: string;
  created?: string;
  minPasswordLength: number;
}

/** The admin's page of users: who may sign in, with which role, and a form to add one. */
export const usersView = (data: UsersViewData): string =>
  layout(
    { title: 'Users', noindex: true, wide: true },
    html`<h1>Users</h1>
      ${notice(data.created !== undefined ? `Created ${data.created}.` : undefined)}
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
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2 id="new-user-heading">Add a user</h2>
      ${alert(data.error)}
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
        />
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
        />
        <label for="new-user-role">Role</label>
        <select id="new-user-role" name="role">
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
        <button type="submit">Add user</button>
      </form>`,
  );
