import { html, renderGuideArticle, type GuideView, type SafeHtml } from '../../guides/index.js';
import { csrfField } from './account.view.js';
import {
  changesTable,
  editorError,
  lintSection,
  type EditorErrorView,
  type FieldChangeView,
  type LintView,
} from './editor-parts.js';
import { editorPaths } from './editor-paths.js';
import { layout } from './layout.js';
import { timeAt } from './time-at.js';

/** A save refused because someone else's save got there first. */
export interface ConflictView {
  theirs: { kind: 'draft' | 'stored'; author: string | undefined; at: string; version: number };
  /** What is there now beside what was typed. */
  changes: readonly FieldChangeView[];
  /** What changed between the version edited and now, when known. */
  meanwhile: readonly FieldChangeView[] | undefined;
  /** The editor as it stands now, to keep what is there and drop what was typed. */
  reloadHref: string;
}

/** What every editor page shows besides its fields. */
export interface EditorPageData {
  csrfToken: string;
  /** Where the form posts: the page's own path. */
  action: string;
  /** The versions the form was filled from; absent for something new. */
  versions?: { version: number; draftVersion: number | undefined } | undefined;
  /** A pending draft the form shows instead of the stored version. */
  draft?: { author: string; at: string; baseVersion: number; storedVersion: number } | undefined;
  /** What just happened (saved, published, reverted). */
  notice?: string | undefined;
  error?: EditorErrorView | undefined;
  conflict?: ConflictView | undefined;
  lint?: LintView | undefined;
  /** The page readers get, and the history, for something stored. */
  links?: { page: string; revisions: string } | undefined;
}

export interface RoleEditorViewData extends EditorPageData {
  values: {
    name: string;
    summary: string;
    alternativeTitles: string;
    responsibilities: string;
    benefits: string;
    signs: string;
    terms: string;
    skills: string;
    technologies: string;
    relatedRoles: string;
    links: string;
  };
  /** A new role's taxonomy and code, as typed; absent when editing a stored role. */
  newRole?: { taxonomy: string; code: string } | undefined;
  /** The role's identity, when stored. */
  role?: { taxonomy: string; code: string } | undefined;
  preview?: GuideView | undefined;
}

export interface TermEditorViewData extends EditorPageData {
  values: {
    name: string;
    abbreviations: string;
    aliases: string;
    definition: string;
    examples: string;
    category: string;
    caseSensitive: boolean;
    needsContext: string;
  };
  categories: readonly string[];
  /** A new term's slug, as typed; absent when editing a stored term. */
  newTerm?: { slug: string } | undefined;
  slug?: string | undefined;
  /** The term as typed, shown as the glossary would. */
  preview?:
    { name: string; abbreviations: string[]; aliases: string[]; definition: string } | undefined;
}

const hintId = (name: string) => `edit-${name}-hint`;
const problemId = (name: string) => `edit-${name}-problem`;

/**
 * The refusal's problems by the form field each is about: a problem's field is a path into the
 * content (`links.0.url`), whose first step names the box that holds it.
 */
const problemsByBox = (error: EditorErrorView | undefined): Map<string, string[]> => {
  const boxes = new Map<string, string[]>();
  for (const { field, message } of error?.fields ?? []) {
    if (field === undefined) continue;
    const box = field.split('.')[0] ?? field;
    boxes.set(box, [...(boxes.get(box) ?? []), message]);
  }
  return boxes;
};

/**
 * The boxes of an editor form, each with its hint and, when the form was refused, the problems
 * with what it holds written beside it and read out with it.
 */
const formBoxes = (error: EditorErrorView | undefined) => {
  const problems = problemsByBox(error);
  const described = (name: string, hint: string | undefined): SafeHtml | false => {
    const ids = [
      ...(hint !== undefined ? [hintId(name)] : []),
      ...(problems.has(name) ? [problemId(name)] : []),
    ];
    return (
      ids.length > 0 &&
      html`aria-describedby="${ids.join(' ')}" ${problems.has(name) && html`aria-invalid="true"`}`
    );
  };
  const before = (name: string, label: string, hint: string | undefined): SafeHtml =>
    html`<label for="edit-${name}">${label}</label>
      ${hint !== undefined && html`<p class="meta" id="${hintId(name)}">${hint}</p>`}
      ${
        problems.has(name) &&
        html`<p class="field-problem" id="${problemId(name)}">${problems.get(name)?.join('; ')}</p>`
      }`;
  return {
    input: (name: string, label: string, value: string, hint?: string): SafeHtml =>
      html`${before(name, label, hint)}
        <input
          id="edit-${name}"
          name="${name}"
          type="text"
          value="${value}"
          ${described(name, hint)}
        />`,
    textarea: (name: string, label: string, value: string, rows: number, hint?: string): SafeHtml =>
      html`${before(name, label, hint)}
        <textarea id="edit-${name}" name="${name}" rows="${rows}" ${described(name, hint)}>
${value}</textarea>`,
  };
};

const versionFields = (data: EditorPageData): SafeHtml | false =>
  data.versions !== undefined &&
  html`<input type="hidden" name="version" value="${data.versions.version}" /> ${
      data.versions.draftVersion !== undefined &&
      html`<input type="hidden" name="draftVersion" value="${data.versions.draftVersion}" />`
    }`;

const buttons = (labels: { draft?: string; publish: string }): SafeHtml =>
  html`<div class="buttons">
    <button type="submit" name="intent" value="preview">Preview</button>
    ${labels.draft !== undefined && html`<button type="submit" name="intent" value="draft">${labels.draft}</button>`}
    <button type="submit" name="intent" value="publish">${labels.publish}</button>
  </div>`;

const conflictSection = (conflict: ConflictView): SafeHtml => {
  const { theirs } = conflict;
  const who = theirs.author !== undefined ? ` by ${theirs.author}` : '';
  const what =
    theirs.kind === 'draft'
      ? html`A draft was saved${who} on ${timeAt(theirs.at)}`
      : html`Version ${theirs.version} was saved${who} on ${timeAt(theirs.at)}`;
  return html`<section class="conflict" aria-labelledby="conflict-heading">
    <h2 id="conflict-heading">Changed while you were editing</h2>
    <p role="alert">
      ${what}, after you opened this page. Nothing you typed was saved, and nothing was overwritten.
    </p>
    ${
      conflict.meanwhile !== undefined &&
      conflict.meanwhile.length > 0 &&
      changesTable(conflict.meanwhile, 'What changed meanwhile')
    }
    ${
      conflict.changes.length > 0
        ? changesTable(conflict.changes, 'What is there now, beside what you typed', [
            'There now',
            'You typed',
          ])
        : html`<p>What you typed is what is there now.</p>`
    }
    <p>
      To keep what you typed, save it again below: the form still holds it. To keep what is there
      now, <a href="${conflict.reloadHref}">open the editor again</a> and leave your text.
    </p>
  </section>`;
};

const draftNote = (data: EditorPageData): SafeHtml | false =>
  data.draft !== undefined &&
  html`<p class="notice" role="note">
    This form shows the pending draft saved by ${data.draft.author} on ${timeAt(data.draft.at)};
    readers still get version ${data.draft.storedVersion}.
    ${
      data.draft.baseVersion !== data.draft.storedVersion &&
      html`The draft was edited from version ${data.draft.baseVersion}: check it against what was
      published since before you publish it.`
    }
  </p>`;

const pageLinks = (data: EditorPageData): SafeHtml | false =>
  data.links !== undefined &&
  html`<p class="meta">
    <a href="${data.links.page}">The page readers get</a> ·
    <a href="${data.links.revisions}">Revisions</a>
  </p>`;

/** What comes before the form on every editor page: notices, refusals, conflict, lint. */
const beforeForm = (data: EditorPageData): SafeHtml =>
  html`${pageLinks(data)}
  ${data.notice !== undefined && html`<p class="lead" role="status">${data.notice}</p>`}
  ${editorError(data.error)} ${data.conflict !== undefined && conflictSection(data.conflict)}
  ${draftNote(data)} ${data.lint !== undefined && lintSection(data.lint)}`;

const editorLayout = (title: string, body: SafeHtml): string =>
  layout(
    {
      title,
      noindex: true,
      wide: true,
      head: html`<script src="${editorPaths.script}" defer></script>`,
    },
    body,
  );

/**
 * The form for a role, stored or new: its fields one per box, lists one item a line, with
 * Preview (lint and the guide it makes, nothing saved), Save draft and Publish.
 */
export const roleEditorView = (data: RoleEditorViewData): string => {
  const v = data.values;
  const { input, textarea } = formBoxes(data.error);
  const title = data.role ? `Edit ${v.name || data.role.code}` : 'New role';
  return editorLayout(
    title,
    html`<h1>${title}</h1>
      ${beforeForm(data)}
      ${
        data.preview !== undefined &&
        html`<section class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          ${renderGuideArticle(data.preview)}
        </section>`
      }
      <form class="stack editor" method="post" action="${data.action}">
        ${csrfField(data.csrfToken)} ${versionFields(data)}
        ${
          data.newRole !== undefined &&
          html`${input('taxonomy', 'Taxonomy', data.newRole.taxonomy, 'rolebook for the built-in guides.')}
          ${input('code', 'Code', data.newRole.code, 'A slug such as data-engineer; it cannot change later.')}`
        }
        ${input('name', 'Name', v.name)} ${textarea('summary', 'Summary', v.summary, 4)}
        ${textarea('alternativeTitles', 'Alternative titles', v.alternativeTitles, 4, 'One title a line.')}
        ${textarea('responsibilities', 'What it does', v.responsibilities, 5, 'One duty a line.')}
        ${textarea('benefits', 'Why hire', v.benefits, 4, 'One reason a line, as "Title: why it matters"; \\: is a colon in the title.')}
        ${textarea('signs', 'Signs you need one', v.signs, 4, 'One sign a line, as "Title: what you notice"; \\: is a colon in the title.')}
        ${input('terms', 'Glossary terms', v.terms, 'Slugs of glossary terms, separated by commas.')}
        ${textarea('skills', 'Skills', v.skills, 4, 'One skill a line; add (essential) or (optional) if it matters.')}
        ${textarea('technologies', 'Technologies', v.technologies, 3, 'One technology a line, as "Name: category"; \\: is a colon in the name.')}
        ${textarea('relatedRoles', 'Related roles', v.relatedRoles, 3, 'One code a line; taxonomy/code for a role of another taxonomy.')}
        ${textarea('links', 'Links', v.links, 3, 'One link a line, as "Title | https://…".')}
        ${buttons(data.newRole !== undefined ? { draft: 'Save as draft', publish: 'Publish' } : { draft: 'Save draft', publish: 'Publish' })}
      </form>`,
  );
};

const termPreview = (preview: NonNullable<TermEditorViewData['preview']>): SafeHtml =>
  html`<section class="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">Preview</h2>
    <p>
      <dfn>${preview.name}</dfn
      >${preview.abbreviations.length > 0 && ` (${preview.abbreviations.join(', ')})`}:
      ${preview.definition}
    </p>
    ${preview.aliases.length > 0 && html`<p class="meta">Also called ${preview.aliases.join(', ')}.</p>`}
  </section>`;

/** The form for a glossary term, stored or new, with Preview, Save draft and Publish. */
export const termEditorView = (data: TermEditorViewData): string => {
  const v = data.values;
  const { input, textarea } = formBoxes(data.error);
  const title = data.slug !== undefined ? `Edit ${v.name || data.slug}` : 'New term';
  return editorLayout(
    title,
    html`<h1>${title}</h1>
      ${beforeForm(data)} ${data.preview !== undefined && termPreview(data.preview)}
      <form class="stack editor" method="post" action="${data.action}">
        ${csrfField(data.csrfToken)} ${versionFields(data)}
        ${
          data.newTerm !== undefined &&
          input('slug', 'Slug', data.newTerm.slug, 'Lower case with hyphens, such as ci-cd.')
        }
        ${input('name', 'Name', v.name)}
        ${input('abbreviations', 'Abbreviations', v.abbreviations, 'Separated by commas; \\, is a comma inside one.')}
        ${textarea('aliases', 'Other names', v.aliases, 3, 'One name a line.')}
        ${textarea('definition', 'Definition', v.definition, 4)}
        ${input('examples', 'Examples', v.examples, 'Slugs of terms that are examples of this one.')}
        <label for="edit-category">Category</label>
        <select id="edit-category" name="category">
          ${data.categories.map((c) => html`<option value="${c}" ${c === v.category && 'selected'}>${c}</option>`)}
        </select>
        <label class="check">
          <input type="checkbox" name="caseSensitive" value="yes" ${v.caseSensitive && 'checked'} />
          Match only with this exact case (for names that are also ordinary words)
        </label>
        ${input('needsContext', 'Needs context', v.needsContext, 'Abbreviations that also mean something else, separated by commas; \\, is a comma inside one.')}
        ${buttons(data.newTerm !== undefined ? { publish: 'Create' } : { draft: 'Save draft', publish: 'Publish' })}
      </form>`,
  );
};
