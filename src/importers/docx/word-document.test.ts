import { describe, expect, it } from 'vitest';
import { wordDocument } from './word-document.fixture.js';
import { DOCX_TAG_LIMIT, DOCX_UNPACKED_LIMIT_BYTES, readWordDocument } from './word-document.js';

/** A Word document of one paragraph of body text. */
const onePara = (text: string) => wordDocument([['', text]]);

describe('readWordDocument', () => {
  it('reads the text of a Word document', async () => {
    const text = await readWordDocument(await onePara('Backend Developer'), 'text');
    expect(typeof text === 'string' && text.trim()).toBe('Backend Developer');
  });

  it('reads a Word document as HTML, its paragraphs as paragraphs', async () => {
    const html = await readWordDocument(await onePara('Backend Developer'), 'html');
    expect(html).toBe('<p>Backend Developer</p>');
  });

  it('finds a small file that unpacks past the limit too large', async () => {
    const bomb = await onePara('A'.repeat(DOCX_UNPACKED_LIMIT_BYTES + 1));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await readWordDocument(bomb, 'html')).toEqual({ fault: 'too-large' });
  });

  it('finds a small file of more paragraphs than its tags allow too large', async () => {
    const paragraphs = Array.from(
      { length: DOCX_TAG_LIMIT / 4 },
      () => ['', 'a'] as [string, string],
    );
    const flood = await wordDocument(paragraphs);
    expect(flood.length).toBeLessThan(DOCX_UNPACKED_LIMIT_BYTES / 16);
    expect(await readWordDocument(flood, 'text')).toEqual({ fault: 'too-large' });
  });

  it('finds a file that is no Word document unreadable', async () => {
    expect(await readWordDocument(Buffer.from('not a zip'), 'text')).toEqual({
      fault: 'unreadable',
    });
  });

  it('finds a document in an OLE container, as Word encrypts one, password-protected', async () => {
    const encrypted = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect(await readWordDocument(encrypted, 'html')).toEqual({ fault: 'protected' });
  });
});
