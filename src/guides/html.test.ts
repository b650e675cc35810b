import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  html,
  isSafeHtml,
  isSafeUrl,
  joinHtml,
  jsonForScript,
  raw,
  type SafeHtml,
} from './html.js';

describe('html', () => {
  it('escapes every interpolated string', () => {
    const text = '<script>alert("x")</script> & \'quoted\'';
    expect(String(html`<p>${text}</p>`)).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</p>',
    );
  });

  it('escapes a value placed in an attribute so it cannot end the attribute', () => {
    expect(String(html`<a title="${'" onmouseover="steal()'}">x</a>`)).toBe(
      '<a title="&quot; onmouseover=&quot;steal()">x</a>',
    );
  });

  it('keeps markup made by html itself', () => {
    const inner = html`<em>${'a<b'}</em>`;
    expect(String(html`<p>${inner}</p>`)).toBe('<p><em>a&lt;b</em></p>');
  });

  it('joins arrays, escaping each item', () => {
    expect(
      String(
        html`<ul>
          ${['<a>', html`<li>b</li>`]}
        </ul>`,
      ),
    ).toBe('<ul>\n&lt;a&gt;<li>b</li>\n</ul>');
  });

  it('folds the indentation of literal markup to one newline, leaving values alone', () => {
    const value = 'a\n    b';
    const markup = html`<div>
      <p>${value}</p>
      <p>second</p>
    </div>`;
    expect(String(markup)).toBe('<div>\n<p>a\n    b</p>\n<p>second</p>\n</div>');
  });

  it('renders null, undefined and false as nothing', () => {
    expect(String(html`[${null}${undefined}${false}]`)).toBe('[]');
  });

  it('renders numbers as they are', () => {
    expect(String(html`<td>${42}</td>`)).toBe('<td>42</td>');
  });

  it('passes constant markup through raw', () => {
    expect(String(html`${raw('<hr>')}`)).toBe('<hr>');
    expect(isSafeHtml(raw('<hr>'))).toBe(true);
  });

  it('refuses a plain string where markup is required, at compile time', () => {
    const edited: string = '<script>';
    // @ts-expect-error a string is not SafeHtml
    const markup: SafeHtml = edited;
    // @ts-expect-error raw takes constant literals only
    raw(edited);
    expect(isSafeHtml(markup)).toBe(false);
  });

  it('joins with an escaped separator', () => {
    expect(String(joinHtml(['a', 'b&c'], ' & '))).toBe('a &amp; b&amp;c');
  });
});

describe('jsonForScript', () => {
  it('escapes "</" and line separators yet parses to the same value', () => {
    const value = { text: '</script><script>alert(1)</script>', sep: 'a\u2028b\u2029c', amp: '&' };
    const out = String(jsonForScript(value));
    expect(out).not.toContain('</');
    expect(out).not.toMatch(/[\u2028\u2029<>&]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('isSafeUrl', () => {
  it('accepts http, https, mailto and site paths', () => {
    for (const url of [
      'https://a.test/x',
      'http://a.test',
      'mailto:a@b.test',
      '/terms/api',
      '#top',
      '?q=1',
    ]) {
      expect(isSafeUrl(url)).toBe(true);
    }
  });

  it('refuses script, data and protocol-relative URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '//evil.test',
      'vbscript:x',
    ]) {
      expect(isSafeUrl(url)).toBe(false);
    }
  });
});
