import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, decodeText } from '../domain/index.js';
import { docxFaultMessage, type ServiceContext, wordDocumentText } from '../services/index.js';
import { keepFormFields } from './form-again.js';

/** How the engines are told to read a text. */
export type TextFormat = 'text' | 'markdown' | 'html';

/** A file a form sent. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** What an HTML form sent: its text fields (repeated names keep every value) and its files. */
export interface FormInput {
  fields: ReadonlyMap<string, readonly string[]>;
  files: ReadonlyMap<string, UploadedFile>;
}

/** The largest file a form may upload: a job description (.docx included) or a CSV of titles. */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Room for a form's other fields and its part headers beside its one file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The largest file this route's form takes, when not UPLOAD_LIMIT_BYTES: a bulk job's
     * upload, which the route streams to the service rather than holding it.
     */
    uploadBytes?: number;
  }
}

/** The most text fields a form may send; the site's largest form sends five. */
export const MAX_FORM_FIELDS = 10;

/**
 * The most a form post may declare in Content-Length, given the largest file it takes; a longer
 * one is refused before it is read.
 */
export const mostFormBytes = (uploadBytes = UPLOAD_LIMIT_BYTES): number =>
  uploadBytes + FORM_OVERHEAD_BYTES;

const sizeOf = (bytes: number): string =>
  bytes >= 1_048_576
    ? `${Number((bytes / 1_048_576).toFixed(1))} MiB`
    : `${Number((bytes / 1024).toFixed(1))} KiB`;

/**
 * A form over its limits: one file, or all its fields together, of at most `uploadBytes`.
 */
export const formTooLarge = (field = 'file', uploadBytes = UPLOAD_LIMIT_BYTES): AppError => {
  const message = `a form sends at most ${sizeOf(uploadBytes)}, in one file or in its fields`;
  return new AppError('payload_too_large', `The form is too large: ${message}.`, [
    { field, message },
  ]);
};

/**
 * What went wrong reading a multipart body, as the client should hear it: a file over the
 * limit is too large a form, a second file one file too many, an eleventh field a field too
 * many; anything else the parser met (no boundary, a body cut short) is a body that cannot be
 * read, not a fault of ours.
 */
const formReadError = (error: unknown): unknown => {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  // Two small files are no large form: what is wrong is the second file.
  if (code === 'FST_FILES_LIMIT') {
    return invalid('file', 'A form sends one file; choose a single file and send it again.');
  }
  // Eleven short fields are no large form either: what is wrong is how many there are.
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    const message = `a form sends at most ${MAX_FORM_FIELDS} fields and one file`;
    return new AppError('payload_too_large', `The form has too many fields: ${message}.`, [
      { field: 'form', message },
    ]);
  }
  if ((error as { statusCode?: unknown }).statusCode === 413) return formTooLarge();
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('bad_request', `The form cannot be read as multipart data: ${reason}.`);
};

/**
 * A file part's bytes, refused the moment it passes the limit: the parser would otherwise
 * drop the rest of the file quietly and answer only once the client had sent it all.
 */
const fileBytes = (part: MultipartFile): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    part.file.on('data', (chunk: Buffer) => chunks.push(chunk));
    part.file.once('limit', () => reject(formTooLarge()));
    part.file.once('error', reject);
    part.file.once('end', () => resolve(Buffer.concat(chunks)));
  });

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', message, [{ field, message }]);

/**
 * The fields and files of a form post, urlencoded or multipart. A file input left empty sends
 * a part with no name and no bytes: it is left out, as if the input were not there.
 */
export const readForm = async (request: FastifyRequest): Promise<FormInput> => {
  const fields = new Map<string, string[]>();
  const files = new Map<string, UploadedFile>();
  // Added in place: a field a form repeats a hundred thousand times is read as fast as one
  // hundred thousand fields.
  const add = (name: string, value: string) => {
    const values = fields.get(name);
    if (values === undefined) fields.set(name, [value]);
    else values.push(value);
  };
  // Kept as they are read, so a form refused part way is shown again with what it had.
  keepFormFields(request, fields);
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, string | string[]>;
    for (const [name, value] of Object.entries(body)) {
      for (const v of Array.isArray(value) ? value : [value]) add(name, v);
    }
    return { fields, files };
  }
  // Each field is held to the file limit by the parser; together they are held to it here, so
  // a body sent without a length cannot make ten fields of the most one may hold.
  let fieldBytes = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const value = String(part.value);
        fieldBytes += Buffer.byteLength(value);
        // The parser cuts a field at its limit and says so only here: read on, and the rest of
        // a pasted list would be lost without a word.
        if (part.valueTruncated || fieldBytes > UPLOAD_LIMIT_BYTES) {
          throw formTooLarge(part.fieldname);
        }
        add(part.fieldname, value);
        continue;
      }
      const data = await fileBytes(part);
      if (part.filename !== '' || data.length > 0) {
        files.set(part.fieldname, { filename: part.filename, data });
      }
    }
  } catch (error) {
    throw formReadError(error);
  }
  return { fields, files };
};

/** A form whose file is left to be read as it arrives: its fields, and its file if one came. */
export interface StreamedForm {
  fields: ReadonlyMap<string, readonly string[]>;
  file?: { filename: string; bytes: AsyncIterable<Buffer> };
  /** Reads what is left of the body once the file has been read, so the answer ends it cleanly. */
  finish: () => Promise<void>;
}

/**
 * The fields of a form that uploads a file too large to hold (a bulk job's), and its file still
 * arriving, for the service to read a piece at a time. The fields come before the file in the
 * form, so all are read by the time the file starts; one after it is not read. A file past
 * `uploadBytes` is let through a byte further, so the service that reads it refuses it in its
 * own words rather than the parser cutting it short.
 */
export const readFormToFile = async (
  request: FastifyRequest,
  uploadBytes: number,
): Promise<StreamedForm> => {
  const fields = new Map<string, string[]>();
  keepFormFields(request, fields);
  const add = (name: string, value: string) =>
    fields.set(name, [...(fields.get(name) ?? []), value]);
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, string | string[]>;
    for (const [name, value] of Object.entries(body)) {
      for (const v of [value].flat()) add(name, v);
    }
    return { fields, finish: () => Promise.resolve() };
  }
  const parts = request.parts({ limits: { fileSize: uploadBytes + 1 } });
  const finish = async () => {
    for await (const part of parts) if (part.type === 'file') part.file.resume();
  };
  try {
    for (let next = await parts.next(); next.done !== true; next = await parts.next()) {
      const part = next.value;
      if (part.type === 'field') {
        add(part.fieldname, String(part.value));
        continue;
      }
      // A file input left empty sends a part with no name: no file was chosen.
      if (part.filename === '') {
        part.file.resume();
        continue;
      }
      return { fields, file: { filename: part.filename, bytes: part.file }, finish };
    }
  } catch (error) {
    throw formReadError(error);
  }
  return { fields, finish };
};

/** The first value of a field, trimmed; undefined when absent or blank. */
export const field = (form: Pick<FormInput, 'fields'>, name: string): string | undefined => {
  const value = form.fields.get(name)?.[0]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/**
 * An uploaded text file (a CSV, a plain-text document) as a string, read as the API reads a
 * body (UTF-16 behind its byte-order mark, else strict UTF-8), so a file means the same through
 * the site and the API; a UTF-8 mark is no part of the text.
 * @example uploadedText({ filename: 'a.csv', data: Buffer.from('\uFEFFtitle') }, 'file') // 'title'
 */
export const uploadedText = (file: UploadedFile, fieldName: string): string => {
  try {
    return decodeText(file.data).replace(/^\uFEFF/, '');
  } catch {
    throw invalid(
      fieldName,
      `${file.filename} is not UTF-8 text, nor UTF-16 with its byte-order mark`,
    );
  }
};

const formatOfExtension: Record<string, TextFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/** The text of an uploaded Word document, or the error that says why it cannot be read. */
const docxText = async (
  ctx: ServiceContext,
  file: UploadedFile,
  fieldName: string,
): Promise<string> => {
  const text = await wordDocumentText(ctx, file.data);
  if (typeof text === 'string') return text;
  const message = `${file.filename} ${docxFaultMessage[text.fault]}`;
  const details = [{ field: fieldName, message }];
  if (text.fault === 'too-large') {
    throw new AppError('payload_too_large', `The document is too large: ${message}.`, details);
  }
  throw new AppError('validation_failed', message, details);
};

/** The file types an upload of a document accepts, for the form's `accept` attribute. */
export const documentExtensions = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'];

/**
 * The text of an uploaded document and how to read it, told by its extension: plain text,
 * Markdown, HTML, or a Word document (.docx), whose text mammoth reads.
 * @example await documentText(ctx, { filename: 'jd.md', data: Buffer.from('# Dev') }, 'file') // { text: '# Dev', format: 'markdown' }
 */
export const documentText = async (
  ctx: ServiceContext,
  file: UploadedFile,
  fieldName: string,
): Promise<{ text: string; format: TextFormat }> => {
  const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase() ?? 'txt';
  if (extension === 'docx') {
    return { text: await docxText(ctx, file, fieldName), format: 'text' };
  }
  const format = formatOfExtension[extension];
  if (format === undefined) {
    throw invalid(
      fieldName,
      `${file.filename}: only ${documentExtensions.join(', ')} files can be read`,
    );
  }
  return { text: uploadedText(file, fieldName), format };
};
