import { html, type SafeHtml } from '../../guides/index.js';
import { layout } from './layout.js';
import { sitePaths } from './site-paths.js';

export interface ApiDocsViewData {
  /** The OpenAPI 3.1 document as served at /v1/openapi.json. */
  document: unknown;
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description: string;
}

interface Operation {
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  parameters: Parameter[];
  hasBody: boolean;
  responses: { status: string; description: string }[];
  needsKey: boolean;
  deprecated: boolean;
}

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const parameterOf = (value: unknown): Parameter[] => {
  const p = record(value);
  const name = text(p.name);
  return name
    ? [{ name, in: text(p.in), required: p.required === true, description: text(p.description) }]
    : [];
};

/** Reads the operations out of an OpenAPI document, tolerating anything it does not know. */
const operationsOf = (document: unknown): Operation[] => {
  const doc = record(document);
  const globallySecured = list(doc.security).length > 0;
  return Object.entries(record(doc.paths)).flatMap(([path, item]) => {
    const pathItem = record(item);
    const shared = list(pathItem.parameters).flatMap(parameterOf);
    return methods.flatMap((method) => {
      if (!(method in pathItem)) return [];
      const op = record(pathItem[method]);
      const security = op.security === undefined ? globallySecured : list(op.security).length > 0;
      return [
        {
          method: method.toUpperCase(),
          path,
          summary: text(op.summary),
          description: text(op.description),
          tag: text(list(op.tags)[0]) || 'Other',
          parameters: [...shared, ...list(op.parameters).flatMap(parameterOf)],
          hasBody: op.requestBody !== undefined,
          responses: Object.entries(record(op.responses)).map(([status, r]) => ({
            status,
            description: text(record(r).description),
          })),
          needsKey: security,
          deprecated: op.deprecated === true,
        },
      ];
    });
  });
};

/**
 * The document's descriptions are CommonMark, whose backticks mark code; the page shows those
 * spans as code rather than printing the backticks. An unpaired backtick stays as typed.
 * @example codeSpans('the `code` field') // the <code>code</code> field
 */
const codeSpans = (description: string): SafeHtml => {
  const parts = description.split('`');
  if (parts.length % 2 === 0) return html`${description}`;
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
};

/**
 * How a key is sent, as the document's security schemes say: a bearer scheme is a header a
 * reader can copy; any other is left to the document.
 */
const keyUsageOf = (document: unknown): SafeHtml => {
  const schemes = Object.values(record(record(record(document).components).securitySchemes));
  const bearer = schemes.map(record).find((s) => s.type === 'http' && s.scheme === 'bearer');
  if (bearer === undefined) return html`sent as the document's security scheme describes`;
  const description = text(bearer.description).replace(/\.$/, '');
  return html`sent as
    <code>Authorization: Bearer &lt;key&gt;</code
    >${description && html` (${codeSpans(description)})`}`;
};

const anchor = (op: Operation): string =>
  `${op.method}-${op.path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const tagId = (tag: string): string => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

const operationSection = (op: Operation): SafeHtml =>
  html`<section class="operation" id="${anchor(op)}" aria-labelledby="${anchor(op)}-heading">
    <h3 id="${anchor(op)}-heading">
      <span class="method">${op.method}</span> <code>${op.path}</code>
    </h3>
    ${op.summary && html`<p>${codeSpans(op.summary)}${op.deprecated && ' (deprecated)'}</p>`}
    ${op.description && op.description !== op.summary && html`<p class="meta">${codeSpans(op.description)}</p>`}
    ${op.needsKey && html`<p class="meta">Needs an API key.</p>`}
    ${
      op.parameters.length > 0 &&
      html`<div
        class="table-wrap"
        tabindex="0"
        role="region"
        aria-label="Parameters of ${op.method} ${op.path}"
      >
        <table>
          <caption class="visually-hidden">
            Parameters of ${op.method} ${op.path}
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Required</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            ${op.parameters.map(
              (p) =>
                html`<tr>
                  <td><code>${p.name}</code></td>
                  <td>${p.in}</td>
                  <td>${p.required ? 'yes' : 'no'}</td>
                  <td>${codeSpans(p.description)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`
    }
    ${op.hasBody && html`<p class="meta">Takes a JSON body; see the OpenAPI document for its schema.</p>`}
    ${
      op.responses.length > 0 &&
      html`<dl class="facts">
        ${op.responses.map(
          (r) =>
            html`<dt>${r.status}</dt>
              <dd>${r.description ? codeSpans(r.description) : '—'}</dd>`,
        )}
      </dl>`
    }
  </section> `;

/**
 * A browsable, JavaScript-free page of the REST API, read from the OpenAPI document: the
 * operations grouped by tag, each with its parameters, whether it needs a key, and its
 * responses; the document itself is linked for tools.
 * @example apiDocsView({ document: openApiDocument })
 */
export const apiDocsView = (data: ApiDocsViewData): string => {
  const info = record(record(data.document).info);
  const operations = operationsOf(data.document);
  const tags = [...new Set(operations.map((op) => op.tag))];
  const title = text(info.title) || 'Rolebook API';
  return layout(
    { title: `${title} documentation`, section: 'api', wide: true },
    html`<h1>
        ${title}${text(info.version) && html` <span class="meta">${text(info.version)}</span>`}
      </h1>
      ${text(info.description) && html`<p class="lead">${codeSpans(text(info.description))}</p>`}
      <p>
        The machine-readable description is the
        <a href="${sitePaths.openApi}">OpenAPI 3.1 document</a>, and the
        <a href="${sitePaths.apiConsole}">interactive console</a> tries requests from the browser.
        Reading published content needs no key; writes need an API key,
        ${keyUsageOf(data.document)}. Errors are <code>application/problem+json</code> with a stable
        <code>code</code>.
      </p>
      ${
        tags.length > 1 &&
        html`<nav class="toc" aria-label="Groups">
          <ol>
            ${tags.map((t) => html`<li><a href="#${tagId(t)}">${t}</a></li>`)}
          </ol>
        </nav>`
      }
      ${
        operations.length === 0
          ? html`<p>No operations are described yet.</p>`
          : tags.map(
              (tag) =>
                html`<section id="${tagId(tag)}" aria-labelledby="${tagId(tag)}-heading">
                  <h2 id="${tagId(tag)}-heading">${tag}</h2>
                  ${operations.filter((op) => op.tag === tag).map(operationSection)}
                </section> `,
            )
      }`,
  );
};
