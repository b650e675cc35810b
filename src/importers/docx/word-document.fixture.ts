import JSZip from 'jszip';

const WORD_XML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal Word document whose body is the XML given, as the tests of what reads one need it. */
export const wordDocumentOfBody = (body: string): Promise<Buffer> => {
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
    `<?xml version="1.0"?><w:document xmlns:w="${WORD_XML}"><w:body>${body}</w:body></w:document>`,
  );
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/**
 * A minimal Word document of paragraphs, each with its style (`Heading1`, or '' for body text)
 * and its text.
 */
export const wordDocument = (paragraphs: readonly (readonly [string, string])[]): Promise<Buffer> =>
  wordDocumentOfBody(
    paragraphs
      .map(
        ([style, text]) =>
          `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`,
      )
      .join(''),
  );
