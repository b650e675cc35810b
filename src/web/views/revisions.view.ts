import { html } from '../../guides/index.js';
import { csrfField } from './account.view.js';
import { changesTable, type FieldChangeView } from './editor-parts.js';
import { layout } from './layout.js';
import { timeAt } from './time-at.js';

export interface RevisionsViewData {
  csrfToken: string;
  /** The role's or term's name. */
  name: string;
  /** Where the revert form posts: the page's own path. */
  action: string;
  editHref: string;
  pageHref: string;
  /** The version stored now: reverts name it as the version they change. */
  version: number;
  revisions: readonly {
    version: number;
    action: string;
    actor: string;
    at: string;
    changes: readonly FieldChangeView[];
  }[];
  /** The pending draft, which is not a revision until it is published. */
  draft?: { author: string; at: string; changes: readonly FieldChangeView[] } | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

/**
 * The history of a role or a term, newest first: each version with who made it, when, and what
 * it changed, field by field; every earlier version can be brought back as a new one. A pending
 * draft comes first, beside the version it would replace, since the editor opens on it.
 */
export const revisionsView = (data: RevisionsViewData): string =>
  layout(
    { title: `Revisions of ${data.name}`, noindex: true, wide: true },
    html`<h1>Revisions of ${data.name}</h1>
      <p class="meta">
        <a href="${data.editHref}">Edit</a> · <a href="${data.pageHref}">The page readers get</a>
      </p>
      ${data.notice !== undefined && html`<p class="lead" role="status">${data.notice}</p>`}
      ${
        data.error !== undefined &&
        html`<div class="form-error" role="alert">
          <p>${data.error}</p>
        </div>`
      }
      ${
        data.draft !== undefined &&
        html`<section class="draft" aria-labelledby="draft-heading">
          <h2 id="draft-heading">Draft, not published</h2>
          <p class="meta">By ${data.draft.author} on ${timeAt(data.draft.at)}</p>
          ${
            data.draft.changes.length > 0
              ? changesTable(
                  data.draft.changes,
                  `What the draft changes from version ${data.version}`,
                )
              : html`<p>The draft is the same as version ${data.version}.</p>`
          }
          <p><a href="${data.editHref}">Open the draft in the editor</a></p>
        </section>`
      }
      <ol class="revisions" reversed>
        ${data.revisions.map(
          (r) =>
            html`<li>
              <h2>Version ${r.version}: ${r.action}</h2>
              <p class="meta">
                By ${r.actor} on ${timeAt(r.at)}${r.version === data.version && ' · stored now'}
              </p>
              ${
                r.changes.length > 0
                  ? changesTable(r.changes, `What version ${r.version} changed`)
                  : html`<p>No field changed.</p>`
              }
              ${
                r.version !== data.version &&
                r.action !== 'delete' &&
                html`<form method="post" action="${data.action}">
                  ${csrfField(data.csrfToken)}
                  <input type="hidden" name="version" value="${data.version}" />
                  <input type="hidden" name="toVersion" value="${r.version}" />
                  <button type="submit">Revert to version ${r.version}</button>
                </form>`
              }
            </li>`,
        )}
      </ol>`,
  );
