import { describe, expect, it } from 'vitest';
import { flat, hostileGuideInput } from './guide.fixture.js';
import { renderGuideHtml } from './guide.html.js';
import { renderGuideJsonLd } from './guide.jsonld.js';
import { renderGuideMarkdown } from './guide.markdown.js';
import { presentGuide } from './guide.presenter.js';

/** Every edited field of the role, its terms, its neighbours and its taxonomy is an attack. */
describe('a guide whose every edited field is a script injection', () => {
  const guide = presentGuide(hostileGuideInput());

  describe('as HTML', () => {
    const page = renderGuideHtml(guide);

    it('runs no script but the JSON-LD', () => {
      expect(page.match(/<script/gi)).toHaveLength(1);
    });

    it('adds no element from edited text', () => {
      expect(page).not.toMatch(/<img/i);
    });

    it('shows each field as text', () => {
      for (const field of [
        'name',
        'summary.1',
        'summary.2',
        'alternativeTitle',
        'responsibility',
        'benefit.title',
        'benefit.text',
        'sign.title',
        'sign.text',
        'skill',
        'skill.optional',
        'technology',
        'category',
        'link.title',
        'related',
        'counterpart.name',
        'counterpart.code',
        'counterpart.taxonomy',
        'taxonomy.name',
        'taxonomy.version',
        'taxonomy.license',
        'taxonomy.attribution',
        'updatedAt',
        'api.name',
        'api.definition',
        'api.abbreviation',
        'mysql.name',
      ]) {
        expect(page, field).toContain(`&lt;script&gt;alert(&quot;${field}&quot;)&lt;/script&gt;`);
      }
    });

    it('keeps quotes in URLs from ending the attribute', () => {
      expect(page).toContain(
        'href="https://example.test/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
      );
    });

    it('writes no javascript: URL', () => {
      expect(page).not.toMatch(/href="\s*javascript:/i);
    });

    it('escapes text around a linked term mention', () => {
      expect(flat(page)).toContain(
        flat(
          '&lt;script&gt;<a class="term-link" href="https://rolebook.example/terms/alert">alert</a>(&quot;summary.1&quot;)',
        ),
      );
    });

    it('keeps the JSON-LD inside its script element and valid', () => {
      const body = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
      expect(body).not.toContain('<');
      expect((JSON.parse(body) as { name: string }).name).toContain(
        '<script>alert("name")</script>',
      );
    });
  });

  describe('as Markdown', () => {
    const md = renderGuideMarkdown(guide);

    it('leaves no raw HTML tag', () => {
      expect(md).not.toMatch(/(?<!\\)<(script|img)/i);
    });

    // Link destinations are URLs, where these characters are literal.
    const text = md.replace(/\]\(https:\/\/[^\s)]+\)/g, '](URL)');

    it('leaves no live link from edited text', () => {
      expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
      expect(text).toContain('\\[link\\](javascript:alert(1))');
    });

    it('leaves no live emphasis or entity from edited text', () => {
      expect(text).not.toMatch(/(?<!\\)\*bold(?<!\\)\*/);
      expect(text).not.toMatch(/(?<!\\)&amp;/);
    });
  });

  describe('as JSON-LD', () => {
    it('keeps the text as data', () => {
      const doc = JSON.parse(renderGuideJsonLd(guide)) as { name: string };
      expect(doc.name).toBe(hostileGuideInput().role.name);
    });
  });
});
