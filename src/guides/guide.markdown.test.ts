import { describe, expect, it } from 'vitest';
import { emptyRoleContent } from '../domain/index.js';
import { backendGuideInput } from './guide.fixture.js';
import { renderGuideMarkdown } from './guide.markdown.js';
import { presentGuide, type GuideInput } from './guide.presenter.js';

const render = (overrides: Partial<GuideInput> = {}) =>
  renderGuideMarkdown(presentGuide(backendGuideInput(overrides)));

describe('renderGuideMarkdown', () => {
  const md = render();

  it('has the same sections as the page, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## What does a Backend Developer do?',
      '## What a Backend Developer is responsible for',
      '## Why hire a Backend Developer?',
      '## What are the signs that you need a Backend Developer?',
      '## Terms a recruiter should know',
      '## Skills',
      '## Technologies',
      '## Related roles',
      '## Learn more',
      '## Codes in other taxonomies',
    ]);
  });

  it('starts with the role as the title', () => {
    expect(md.startsWith('# Backend Developer\n')).toBe(true);
  });

  it('gives the kicker as a subtitle under the title', () => {
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# Backend Developer',
      '',
      '*Understanding the role*',
    ]);
  });

  it('leaves no placeholder', () => {
    expect(md).not.toMatch(/\{[a-z_ ]+\}/);
  });

  it('lists each term with its abbreviation, definition and linked examples', () => {
    expect(md).toContain(
      '- **[Database Management System](https://rolebook.example/terms/dbms)** (DBMS): Software that stores data and answers questions about it.',
    );
    expect(md).toContain(
      '  - Examples: [MySQL](https://rolebook.example/terms/mysql), [PostgreSQL]',
    );
  });

  it('writes reasons to hire as titled points', () => {
    expect(md).toContain(
      '- **Scalability:** The system keeps working when the number of users grows.',
    );
  });

  it('escapes Markdown in edited text', () => {
    const escaped = render({
      role: { ...backendDeveloper(), responsibilities: ['Use *stars* and _under_ [x](y) <b>'] },
    });
    expect(escaped).toContain('- Use \\*stars\\* and \\_under\\_ \\[x\\](y) \\<b\\>');
  });

  it('links the first mention of a spotted term', () => {
    const linked = render({
      spotTerms: (text) => {
        const at = text.indexOf('API');
        return at < 0 ? [] : [{ start: at, end: at + 3, slug: 'api' }];
      },
    });
    expect(linked).toContain('the [API](https://rolebook.example/terms/api) that apps call');
  });

  it('leaves out empty sections', () => {
    const empty = render({
      role: {
        ...emptyRoleContent('Backend Developer'),
        taxonomy: 'rolebook',
        code: 'backend-developer',
      },
      terms: [],
      related: [],
      counterparts: [],
    });
    expect(empty).not.toContain('## ');
  });

  it('ends with the source', () => {
    expect(md.trimEnd().split('\n').slice(-3)).toEqual([
      'Source: Rolebook library',
      '',
      'Last updated: 2025-03-02',
    ]);
  });
});

function backendDeveloper() {
  return backendGuideInput().role;
}
