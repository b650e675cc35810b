import { describe, expect, it } from 'vitest';
import { apiDocsView } from './api-docs.view.js';
import { flat } from './views.fixture.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'Rolebook API', version: '0.1.0', description: 'Roles and terms.' },
  paths: {
    '/v1/roles/{taxonomy}/{code}': {
      parameters: [{ name: 'taxonomy', in: 'path', required: true }],
      get: {
        tags: ['roles'],
        summary: 'Get a role',
        parameters: [
          { name: 'code', in: 'path', required: true, description: 'Code of the role' },
          { name: 'q', in: 'query', description: 'Text such as `data` or `<b>`' },
          { name: 'odd', in: 'query', description: 'One ` alone' },
        ],
        responses: { '200': { description: 'The role' }, '404': { description: 'No such role' } },
      },
      put: {
        tags: ['roles'],
        summary: 'Replace a role',
        security: [{ apiKey: [] }],
        requestBody: { content: {} },
        responses: { '200': { description: 'Updated' } },
      },
    },
    '/v1/terms': { get: { tags: ['terms'], summary: 'List terms', responses: {} } },
  },
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'A key from `keys create`.' },
    },
  },
};

describe('apiDocsView', () => {
  const page = apiDocsView({ document });

  it('lists every operation with its method and path', () => {
    expect(flat(page)).toContain(
      flat('<span class="method">GET</span> <code>/v1/roles/{taxonomy}/{code}</code>'),
    );
    expect(flat(page)).toContain(flat('<span class="method">PUT</span>'));
    expect(flat(page)).toContain(flat('<code>/v1/terms</code>'));
  });

  it('groups operations by tag', () => {
    expect(flat(page)).toContain(flat('<h2 id="tag-roles-heading">roles</h2>'));
    expect(flat(page)).toContain(flat('<h2 id="tag-terms-heading">terms</h2>'));
  });

  it('shows path and operation parameters', () => {
    expect(flat(page)).toContain(flat('<td><code>taxonomy</code></td><td>path</td><td>yes</td>'));
    expect(page).toContain('Code of the role');
  });

  it('says which operations need a key', () => {
    const put = page.slice(page.indexOf('<span class="method">PUT</span>'));
    expect(put.slice(0, put.indexOf('</section>'))).toContain('Needs an API key.');
    const get = page.slice(page.indexOf('<span class="method">GET</span>'));
    expect(get.slice(0, get.indexOf('</section>'))).not.toContain('Needs an API key.');
  });

  it('shows the header a bearer key is sent in', () => {
    expect(flat(page)).toContain(
      flat(
        'sent as <code>Authorization: Bearer &lt;key&gt;</code> (A key from <code>keys create</code>)',
      ),
    );
  });

  it('links the OpenAPI document', () => {
    expect(page).toContain('href="/v1/openapi.json"');
  });

  it('shows the backticked spans of a description as code, escaped', () => {
    expect(page).toContain('Text such as <code>data</code> or <code>&lt;b&gt;</code>');
  });

  it('keeps an unpaired backtick as typed', () => {
    expect(page).toContain('One ` alone');
  });

  it('survives a document it cannot read', () => {
    expect(apiDocsView({ document: null })).toContain('No operations are described yet.');
  });
});
