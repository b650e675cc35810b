import { describe, expect, it } from 'vitest';
import { textView } from './text-view.js';

describe('textView', () => {
  it('keeps plain text as it is, offsets and all', () => {
    const view = textView('Go and Rust');
    expect(view.text).toBe('Go and Rust');
    expect(view.toOriginal(3, 6)).toEqual({ start: 3, end: 6 });
  });

  it('blanks web addresses and e-mail addresses without moving anything', () => {
    const input = 'Apply at https://jobs.example.com/golang or jobs@example.com today';
    const view = textView(input);
    expect(view.text).toHaveLength(input.length);
    expect(view.text).not.toMatch(/golang|example/);
    expect(view.text.endsWith('today')).toBe(true);
  });

  it('blanks Markdown link targets and inline HTML but keeps link text', () => {
    const view = textView(
      '[Kotlin guide](https://kotlinlang.org "Kotlin") <br/> **Swift**',
      'markdown',
    );
    expect(view.text).toMatch(/^\[Kotlin guide\] +\*\*Swift\*\*$/);
  });

  it('reads HTML as text', () => {
    expect(textView('<p>Go <script>x</script></p>', 'html').text).toBe('Go');
  });
});
