import JSZip from 'jszip';
import mammoth from 'mammoth';
import { AppError } from '../domain/index.js';

/**
 * The most a Word document may unpack to, all its parts together. The text of the longest job
 * description read (200 KB) takes a few megabytes of document XML; a small upload that unpacks
 * to hundreds of megabytes exists only to exhaust memory.
 */
export const DOCX_UNPACKED_LIMIT_BYTES = 16 * 1024 * 1024;

const tooLarge = (filename: string, fieldName: string): AppError => {
  const message = `${filename} unpacks to more than ${DOCX_UNPACKED_LIMIT_BYTES / 1024 / 1024} MiB, the most a Word document may`;
  return new AppError('payload_too_large', `The document is too large: ${message}.`, [
    { field: fieldName, message },
  ]);
};

const unreadable = (filename: string, fieldName: string): AppError => {
  const message = `${filename} could not be read as a Word document`;
  return new AppError('validation_failed', message, [{ field: fieldName, message }]);
};

/** Unpacks one part, counting its bytes, and stops the moment they pass what is left. */
const unpackWithin = (part: JSZip.JSZipObject, left: number): Promise<number> =>
  new Promise((resolve, reject) => {
    let bytes = 0;
    const stream = part.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= left) return;
      // Unread, the stream fills and pauses the unpacking behind it.
      stream.pause();
      stream.removeAllListeners('data');
      reject(new RangeError('over the limit'));
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(bytes));
  });

/**
 * Whether the archive's parts unpack to at most the limit, found by unpacking them as a stream
 * and stopping at the limit: the sizes an archive declares for its parts may be false.
 */
const withinLimit = async (data: Buffer): Promise<boolean> => {
  const archive = await JSZip.loadAsync(data);
  let left = DOCX_UNPACKED_LIMIT_BYTES;
  for (const part of Object.values(archive.files)) {
    if (part.dir) continue;
    try {
      left -= await unpackWithin(part, left);
    } catch (error) {
      if (error instanceof RangeError) return false;
      throw error;
    }
  }
  return true;
};

/**
 * The text of a Word document (.docx), read by mammoth once the archive is known to unpack to
 * at most DOCX_UNPACKED_LIMIT_BYTES; one that would unpack to more is refused as too large.
 */
export const docxText = async (
  data: Buffer,
  filename: string,
  fieldName: string,
): Promise<string> => {
  let fits: boolean;
  try {
    fits = await withinLimit(data);
  } catch {
    throw unreadable(filename, fieldName);
  }
  if (!fits) throw tooLarge(filename, fieldName);
  try {
    return (await mammoth.extractRawText({ buffer: data })).value;
  } catch {
    throw unreadable(filename, fieldName);
  }
};
