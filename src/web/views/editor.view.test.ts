import { describe, expect, it } from 'vitest';
import { roleEditorView, termEditorView } from './editor.view.js';

const hostile = '</textarea><script>alert(1)</script>';

const roleValues = {
  name: 'Data Engineer',
  summary: hostile,
  alternativeTitles: '',
  responsibilities: '',
  benefits: '',
  signs: '',
  terms: '',
  skills: '',
  technologies: '',
  relatedRoles: '',
  links: '',
};

describe('the editor views', () => {
  it('escapes typed text inside a box, so it cannot close the box', () => {
    const page = roleEditorView({ csrfToken: 't', action: '/edit/new-role', values: roleValues });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;/textarea&gt;&lt;script&gt;');
  });

  it('sends back the versions the form was filled from', () => {
    const page = roleEditorView({
      csrfToken: 't',
      action: '/edit/roles/rolebook/x',
      values: roleValues,
      versions: { version: 4, draftVersion: 2 },
    });
    expect(page).toContain('<input type="hidden" name="version" value="4" />');
    expect(page).toContain('<input type="hidden" name="draftVersion" value="2" />');
  });

  it('names the field and line of each refusal', () => {
    const page = roleEditorView({
      csrfToken: 't',
      action: '/edit/new-role',
      values: roleValues,
      error: {
        message: 'benefits.1.text must NOT have fewer than 1 characters',
        fields: [
          {
            field: 'benefits.1.text',
            message: 'benefits.1.text must NOT have fewer than 1 characters',
          },
        ],
      },
    });
    expect(page).toMatch(
      /<strong>Why hire, line 2:<\/strong>\s*must NOT have fewer than 1 characters/,
    );
  });

  it('writes each refusal beside the box it is about, and marks the box', () => {
    const page = roleEditorView({
      csrfToken: 't',
      action: '/edit/roles/rolebook/x',
      values: roleValues,
      error: {
        message: 'Role rolebook/x cannot be published with lint errors',
        fields: [{ field: 'links.0.url', message: '"ftp://x" is not an absolute https URL' }],
      },
    });
    expect(page).toMatch(
      /<p class="field-problem" id="edit-links-problem">&quot;ftp:\/\/x&quot; is not an absolute https URL<\/p>\s*<textarea\s+id="edit-links"[^>]*aria-describedby="edit-links-hint edit-links-problem" aria-invalid="true"/,
    );
  });

  it('offers a new term only Preview and Create', () => {
    const page = termEditorView({
      csrfToken: 't',
      action: '/edit/new-term',
      newTerm: { slug: '' },
      categories: ['concept', 'tool'],
      values: {
        name: '',
        abbreviations: '',
        aliases: '',
        definition: '',
        examples: '',
        category: 'tool',
        caseSensitive: false,
        needsContext: '',
      },
    });
    const buttons = [...page.matchAll(/<button[^>]*value="(\w+)">([^<]+)</g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(buttons).toEqual(['preview:Preview', 'publish:Create']);
    expect(page).toMatch(/<option value="tool" selected>/);
  });
});
