import type JSZip from 'jszip';

/**
 * The most a Word document may unpack to, all its parts together. The text of the longest job
 * description read (200 KB) takes a few megabytes of document XML; a small upload that unpacks
 * to hundreds of megabytes exists only to exhaust memory.
 */
export const DOCX_UNPACKED_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * The most XML tags a Word document's parts may hold together. Reading costs by the element, not
 * by the byte: 300,000 empty paragraphs (a 30 KB upload, 11 MB unpacked) held the server for a
 * minute, while a long job description takes a few thousand tags.
 */
export const DOCX_TAG_LIMIT = 100_000;

/**
 * Why a Word document could not be read: `too-large` past the unpacked limits, `protected` for
 * an encrypted one (Word keeps those in an OLE container, not a ZIP archive), `unreadable` for
 * anything else that is no Word document.
 */
export type DocxFault = 'too-large' | 'protected' | 'unreadable';

/** What each front door says of a fault, after the file's name. */
export const docxFaultMessage: Record<DocxFault, string> = {
  'too-large': `unpacks to more than ${DOCX_UNPACKED_LIMIT_BYTES / 1024 / 1024} MiB or holds more than ${DOCX_TAG_LIMIT.toLocaleString('en')} XML tags, the most a Word document may`,
  protected: 'is password-protected (or an old .doc): save it again without a password, as .docx',
  unreadable: 'could not be read as a Word document',
};

/** The opening bytes of an OLE compound file, the container of an encrypted document. */
const OLE_CONTAINER = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** What the parts of an archive not yet unpacked may still take. */
interface Allowance {
  bytes: number;
  tags: number;
}

const TAG_OPEN = 0x3c;

/** The tags a piece of XML opens or closes, counted by their `<`. */
const tagsIn = (chunk: Buffer): number => {
  let tags = 0;
  for (let at = chunk.indexOf(TAG_OPEN); at !== -1; at = chunk.indexOf(TAG_OPEN, at + 1)) tags++;
  return tags;
};

/** Unpacks one part, taking its bytes and tags from `left`, and stops the moment either runs out. */
const unpackWithin = (part: JSZip.JSZipObject, left: Allowance): Promise<void> =>
  new Promise((resolve, reject) => {
    const stream = part.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      left.bytes -= chunk.length;
      left.tags -= tagsIn(chunk);
      if (left.bytes >= 0 && left.tags >= 0) return;
      // Unread, the stream fills and pauses the unpacking behind it.
      stream.pause();
      stream.removeAllListeners('data');
      reject(new RangeError('over the limit'));
    });
    stream.once('error', reject);
    stream.once('end', () => resolve());
  });

/**
 * Whether the archive's parts unpack to at most the limits, found by unpacking them as a stream
 * and stopping at a limit: the sizes an archive declares for its parts may be false.
 */
const withinLimit = async (data: Buffer): Promise<boolean> => {
  // Loaded here, as mammoth is below: with pako, jszip is some 300 KB that every command of the
  // CLI would otherwise compile at start.
  const { default: zip } = await import('jszip');
  const archive = await zip.loadAsync(data);
  const left: Allowance = { bytes: DOCX_UNPACKED_LIMIT_BYTES, tags: DOCX_TAG_LIMIT };
  for (const part of Object.values(archive.files)) {
    if (part.dir) continue;
    try {
      await unpackWithin(part, left);
    } catch (error) {
      if (error instanceof RangeError) return false;
      throw error;
    }
  }
  return true;
};

/**
 * The "Title" paragraph style, which mammoth leaves a paragraph, as a first-level heading: it
 * names what the document is about. Word keeps the style's id in the language it was made in.
 */
const TITLE_STYLES = ['Title', 'Titel', 'Titre'].map((id) => `p.${id} => h1:fresh`);

/**
 * A Word document (.docx) read by mammoth as plain text or as HTML (headings, a title
 * and lists and links kept), once the archive is known to unpack to at most DOCX_UNPACKED_LIMIT_BYTES and
 * DOCX_TAG_LIMIT tags; a document that cannot be read comes back as its fault.
 * @example await readWordDocument(data, 'html') // '<h1>Security Engineer</h1>…'
 */
export const readWordDocument = async (
  data: Buffer,
  as: 'text' | 'html',
): Promise<string | { fault: DocxFault }> => {
  if (data.subarray(0, OLE_CONTAINER.length).equals(OLE_CONTAINER)) return { fault: 'protected' };
  let fits: boolean;
  try {
    fits = await withinLimit(data);
  } catch {
    return { fault: 'unreadable' };
  }
  if (!fits) return { fault: 'too-large' };
  // Loaded here, not with the module: every command of the CLI loads this one, and mammoth
  // takes tens of milliseconds to load that a command reading no Word document need not pay.
  const { default: mammoth } = await import('mammoth');
  try {
    if (as === 'text') return (await mammoth.extractRawText({ buffer: data })).value;
    return (await mammoth.convertToHtml({ buffer: data }, { styleMap: TITLE_STYLES })).value;
  } catch {
    return { fault: 'unreadable' };
  }
};
