import { BUILT_IN_TAXONOMY } from '../../domain/index.js';
import { html, rolePath, termPath, type SafeHtml } from '../../guides/index.js';
import { excerpt } from './text.js';
import type { RoleListItem, TermListItem } from './view-models.js';

/** One role in a list: linked name, its taxonomy when not the built-in one, a short summary. */
export const roleItem = (role: RoleListItem): SafeHtml =>
  html`<li>
    <a href="${rolePath(role.taxonomy, role.code)}">${role.name}</a>${
      role.taxonomy !== BUILT_IN_TAXONOMY &&
      html` <span class="meta">${role.taxonomyName ?? role.taxonomy} ${role.code}</span>`
    }${role.matched !== undefined && html` <span class="meta">matched “${role.matched}”</span>`}${
      role.uses !== undefined && html` <span class="meta">works with ${role.uses}</span>`
    }${role.summary && html`<p>${excerpt(role.summary)}</p>`}
  </li>`;

/** One term in a list: linked name, abbreviations, a short definition. */
export const termItem = (term: TermListItem): SafeHtml =>
  html`<li>
    <a href="${termPath(term.slug)}">${term.name}</a>${
      term.abbreviations !== undefined &&
      term.abbreviations.length > 0 &&
      html` <span class="meta">(${term.abbreviations.join(', ')})</span>`
    }${term.matched !== undefined && html` <span class="meta">matched “${term.matched}”</span>`}${term.definition && html`<p>${excerpt(term.definition)}</p>`}
  </li>`;
