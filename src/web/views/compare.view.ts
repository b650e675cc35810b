import { BUILT_IN_TAXONOMY } from '../../domain/index.js';
import { html, rolePath, termPath, type SafeHtml } from '../../guides/index.js';
import { formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';
import { sitePaths } from './site-paths.js';
import { excerpt } from './text.js';

/** What the comparison shows of one role. */
export interface CompareRoleView {
  taxonomy: string;
  code: string;
  name: string;
  summary: string;
  responsibilities: readonly string[];
  titles: readonly string[];
  terms: readonly { slug: string; name: string }[];
  skills: readonly string[];
  technologies: readonly string[];
}

export interface CompareViewData {
  roles: readonly CompareRoleView[];
  /** The built-in roles to pick from, by name. */
  choices: readonly { code: string; name: string }[];
  /** What each picker keeps selected. */
  selected: readonly string[];
  error?: FormErrorView;
}

const key = (text: string) => text.trim().toLowerCase();

/** Items every role has, and for each role what only it has; the first spelling is kept. */
const split = <T>(lists: readonly (readonly T[])[], keyOf: (item: T) => string) => {
  const keySets = lists.map((list) => new Set(list.map(keyOf)));
  const shared = (lists[0] ?? []).filter((item) => keySets.every((s) => s.has(keyOf(item))));
  const sharedKeys = new Set(shared.map(keyOf));
  const own = lists.map((list) => list.filter((item) => !sharedKeys.has(keyOf(item))));
  return { shared, own };
};

const plainList = (items: readonly string[]): SafeHtml =>
  items.length === 0
    ? html`<p class="meta">None.</p>`
    : html`<ul class="tags">
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>`;

const termList = (items: readonly { slug: string; name: string }[]): SafeHtml =>
  items.length === 0
    ? html`<p class="meta">None.</p>`
    : html`<ul class="tags">
        ${items.map((t) => html`<li><a href="${termPath(t.slug)}">${t.name}</a></li>`)}
      </ul>`;

/** One aspect: what the roles share, then a column per role with what only it has. */
const aspect = <T>(
  id: string,
  heading: string,
  roles: readonly CompareRoleView[],
  itemsOf: (role: CompareRoleView) => readonly T[],
  keyOf: (item: T) => string,
  render: (items: readonly T[]) => SafeHtml,
): SafeHtml => {
  const { shared, own } = split(roles.map(itemsOf), keyOf);
  return html`<section aria-labelledby="${id}">
    <h2 id="${id}">${heading}</h2>
    <h3>Shared by all</h3>
    ${render(shared)}
    <div class="compare-grid">
      ${roles.map(
        (role, i) =>
          html`<div>
            <h3>Only ${role.name}</h3>
            ${render(own[i] ?? [])}
          </div>`,
      )}
    </div>
  </section>`;
};

/** Whether a role asked for by the address is this built-in choice, named bare or by taxonomy. */
const names = (asked: string, code: string): boolean =>
  asked === code || asked === `${BUILT_IN_TAXONOMY}:${code}`;

/**
 * One picker, keeping the role its place in the address asked for: a role of another taxonomy,
 * or a code not found, is offered as asked, so comparing again keeps it.
 */
const picker = (data: CompareViewData, index: number): SafeHtml => {
  const asked = data.selected[index];
  const offered = asked === undefined || data.choices.some((c) => names(asked, c.code));
  return html`<div>
    <label for="role-${index}">Role ${index + 1}${index === 2 && ' (optional)'}</label>
    <select id="role-${index}" name="role">
      <option value="">—</option>
      ${!offered && html`<option value="${asked}" selected>${data.roles[index]?.name ?? asked}</option>`}
      ${data.choices.map((c) => {
        const picked = asked !== undefined && names(asked, c.code);
        return html`<option value="${c.code}" ${picked && 'selected'}>${c.name}</option>`;
      })}
    </select>
  </div>`;
};

const comparison = (roles: readonly CompareRoleView[]): SafeHtml =>
  html`<section aria-labelledby="what-heading">
      <h2 id="what-heading">What each does</h2>
      <div class="compare-grid">
        ${roles.map(
          (role) =>
            html`<div>
              <h3><a href="${rolePath(role.taxonomy, role.code)}">${role.name}</a></h3>
              <p>${excerpt(role.summary, 300)}</p>
              <ul>
                ${role.responsibilities.slice(0, 5).map((r) => html`<li>${r}</li>`)}
              </ul>
            </div>`,
        )}
      </div>
    </section>
    ${aspect('titles-heading', 'Titles', roles, (r) => r.titles, key, plainList)}
    ${aspect(
      'terms-heading',
      'Terms',
      roles,
      (r) => r.terms,
      (t) => t.slug,
      termList,
    )}
    ${aspect('skills-heading', 'Skills', roles, (r) => r.skills, key, plainList)}
    ${aspect('tech-heading', 'Technologies', roles, (r) => r.technologies, key, plainList)}`;

/**
 * Two or three roles side by side: what each does, then the titles, terms, skills and
 * technologies they share and those only one has. The page's address names the roles, so a
 * comparison can be linked (`/compare?roles=a,b`).
 */
export const compareView = (data: CompareViewData): string => {
  const names = data.roles.map((r) => r.name);
  return layout(
    {
      title: names.length > 0 ? `Compare ${names.join(', ')}` : 'Compare roles',
      description: 'Two or three roles side by side: what each does, and what they share.',
      section: 'compare',
      wide: true,
    },
    html`<h1>${names.length > 0 ? `${names.join(' vs ')}` : 'Compare roles'}</h1>
      <p>Pick two or three roles to see what each does and where they differ.</p>
      ${formErrors(data.error, 'compare', {}).top()}
      <form class="filter" method="get" action="${sitePaths.compare}">
        ${[0, 1, 2].map((i) => picker(data, i))}
        <button type="submit">Compare</button>
      </form>
      ${data.roles.length >= 2 && comparison(data.roles)}`,
  );
};
