import { html } from '../../guides/index.js';
import { accountPaths } from './account-paths.js';
import { csrfField, notice } from './account.view.js';
import { formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';

export interface KeyRowView {
  id: string;
  name: string;
  prefix: string;
  scopes: readonly string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

export interface KeysViewData {
  csrfToken: string;
  keys: readonly KeyRowView[];
  scopes: readonly string[];
  /** A key just made, whose secret this page shows once and no page ever again. */
  created?: { name: string; secret: string };
  /** What the create form sent, kept after a refusal. */
  draft?: { name: string; scopes: readonly string[] };
  error?: FormErrorView;
  done?: string;
}

/** What each scope lets a key do, beside its box. */
const SCOPE_HINTS: Readonly<Record<string, string>> = {
  read: 'drafts, history and lint',
  write: 'create, edit, publish and import',
  delete: 'delete roles and terms',
  admin: 'keys, users and the audit log',
};

const day = (at: string | null): string => (at === null ? 'never' : at.slice(0, 10));

const stateOf = (key: KeyRowView): string =>
  key.revokedAt !== null
    ? `revoked ${day(key.revokedAt)}`
    : key.expiresAt !== null
      ? `active until ${day(key.expiresAt)}`
      : 'active';

const revokeForm = (key: KeyRowView, token: string) =>
  key.revokedAt === null &&
  html`<form
    class="inline"
    method="post"
    action="${accountPaths.keys}/${encodeURIComponent(key.id)}/revoke"
  >
    ${csrfField(token)}
    <button type="submit" aria-label="Revoke ${key.name} (${key.prefix}…)">Revoke</button>
  </form>`;

/** The secret of a key just made: shown here once, as only its hash is kept. */
const createdSecret = (created: KeysViewData['created']) =>
  created !== undefined &&
  html`<div class="form-done" role="status">
    <p>
      Created the key ${created.name}. Copy its secret now: it is shown on this page only, and
      cannot be shown again.
    </p>
    <p><code class="secret">${created.secret}</code></p>
  </div>`;

/** The admin's page of API keys: what each may do and when it was last used; make or revoke one. */
export const keysView = (data: KeysViewData): string => {
  const refused = formErrors(data.error, 'new-key', {
    name: 'new-key-name',
    scopes: 'new-key-scopes',
  });
  const chosen = new Set(data.draft?.scopes ?? ['read']);
  return layout(
    { title: 'API keys', noindex: true, wide: true },
    html`<h1>API keys</h1>
      ${notice(data.done)} ${createdSecret(data.created)}
      <div class="table-wrap">
        <table class="stack-table">
          <caption>
            Keys the API takes, oldest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${data.keys.map(
              (k) =>
                html`<tr>
                  <td data-label="Name">${k.name}</td>
                  <td data-label="Starts with"><code>${k.prefix}…</code></td>
                  <td data-label="Scopes">${k.scopes.join(', ')}</td>
                  <td data-label="Created">${day(k.createdAt)}</td>
                  <td data-label="Last used">${day(k.lastUsedAt)}</td>
                  <td data-label="State">${stateOf(k)}</td>
                  <td data-label="Actions">${revokeForm(k, data.csrfToken)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${refused.top()}
      <h2 id="new-key-heading">Create a key</h2>
      <form
        class="stack"
        method="post"
        action="${accountPaths.keys}"
        aria-labelledby="new-key-heading"
      >
        ${csrfField(data.csrfToken)}
        <label for="new-key-name">Name (who or what uses it)</label>
        <input
          id="new-key-name"
          name="name"
          autocomplete="off"
          required
          maxlength="200"
          value="${data.draft?.name ?? ''}"
          ${refused.attributes('name')}
        />
        ${refused.message('name')}
        <fieldset id="new-key-scopes" ${refused.attributes('scopes')}>
          <legend>Scopes</legend>
          ${data.scopes.map(
            (scope) =>
              html`<label
                ><input
                  type="checkbox"
                  name="scopes"
                  value="${scope}"
                  ${chosen.has(scope) && html`checked`}
                />
                ${scope}: ${SCOPE_HINTS[scope] ?? ''}</label
              >`,
          )}
        </fieldset>
        ${refused.message('scopes')}
        <button type="submit">Create key</button>
      </form>`,
  );
};
