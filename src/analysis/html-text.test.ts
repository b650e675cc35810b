import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('drops tags and keeps the text', () => {
    expect(htmlToText('<p>We use <b>Go</b> and <a href="/x">Rust</a>.</p>').text).toBe(
      'We use Go and Rust.',
    );
  });

  it('skips the content of scripts, styles and templates', () => {
    const html =
      '<style>p{color:red}</style><p>Java</p><script>alert("Python")</script><template>Ruby</template>';
    expect(htmlToText(html).text).toBe('Java');
  });

  it('skips comments, doctypes and processing instructions', () => {
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?><!-- Kotlin --><p>Swift</p>').text).toBe(
      'Swift',
    );
  });

  it('puts block elements on their own lines', () => {
    expect(htmlToText('<h1>Data Engineer</h1><ul><li>Spark</li><li>dbt</li></ul>').text).toBe(
      'Data Engineer\nSpark\ndbt',
    );
  });

  it('reads white space in the source as one space, as a browser does', () => {
    expect(htmlToText('<p>Senior   Backend\n   Engineer</p>').text).toBe('Senior Backend Engineer');
  });

  it('decodes named and numeric entities', () => {
    expect(htmlToText('R&amp;D &#8212; C&#x23; &nbsp;&lt;tag&gt; &unknown;').text).toBe(
      'R&D — C# <tag> &unknown;',
    );
  });

  it('does not let a > inside a quoted attribute end the tag', () => {
    expect(htmlToText('<a title="a > b">Scala</a>').text).toBe('Scala');
  });

  it('keeps a lone < that starts no tag', () => {
    expect(htmlToText('<p>latency < 100 ms</p>').text).toBe('latency < 100 ms');
  });

  it('maps every span of the text back to the HTML it came from', () => {
    const html = '<p>Build <em>REST</em> APIs &amp; C&#35; services</p>';
    const view = htmlToText(html);
    const spanOf = (word: string) => {
      const start = view.text.indexOf(word);
      const back = view.toOriginal(start, start + word.length);
      return html.slice(back.start, back.end);
    };
    expect(spanOf('REST')).toBe('REST');
    expect(spanOf('REST APIs')).toBe('REST</em> APIs');
    expect(spanOf('C#')).toBe('C&#35;');
  });

  it('reads an unclosed script to the end as hidden', () => {
    expect(htmlToText('<p>Go</p><script>never').text).toBe('Go');
  });
});
