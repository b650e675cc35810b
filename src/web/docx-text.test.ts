import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX_UNPACKED_LIMIT_BYTES, docxText } from './docx-text.js';

const WORD_XML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal Word document holding one paragraph of `text`. */
const wordDocument = (text: string): Promise<Buffer> => {
  const archive = new JSZip();
  archive.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  archive.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  archive.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="${WORD_XML}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

const UNPACKS_PAST_LIMIT = 'unpacks to more than 16 MiB, the most a Word document may';

describe('docxText', () => {
  it('reads the text of a Word document', async () => {
    const text = await docxText(await wordDocument('Backend Developer'), 'jd.docx', 'file');
    expect(text.trim()).toBe('Backend Developer');
  });

  it('refuses a small file that unpacks past the limit as too large, naming the field', async () => {
    const bomb = await wordDocument('A'.repeat(DOCX_UNPACKED_LIMIT_BYTES + 1));
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expect(docxText(bomb, 'bomb.docx', 'file')).rejects.toMatchObject({
      code: 'payload_too_large',
      details: [{ field: 'file', message: `bomb.docx ${UNPACKS_PAST_LIMIT}` }],
    });
  });

  it('refuses a file that is no Word document as one that cannot be read', async () => {
    await expect(docxText(Buffer.from('not a zip'), 'a.docx', 'file')).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'a.docx could not be read as a Word document',
    });
  });
});
