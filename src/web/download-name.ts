import { printable } from '../domain/index.js';

/**
 * The most characters of the uploaded name a download keeps. A file system keeps 255 bytes of a
 * name; the name, sent back by the download form, was echoed whole into a header of megabytes.
 */
const MAX_BASE_NAME_CHARS = 100;

/**
 * The name a normalized CSV is saved under: the uploaded file's, marked as normalized
 * (openings-q1.csv becomes openings-q1-normalized.csv), so that answers to several files do not
 * overwrite one another in a downloads folder. A pasted list has no name of its own.
 */
export const normalizedFileName = (uploaded: string | undefined): string => {
  const whole = (uploaded ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const base = Array.from(whole).slice(0, MAX_BASE_NAME_CHARS).join('');
  return `${base || 'normalized-titles'}${base ? '-normalized' : ''}.csv`;
};

/**
 * A Content-Disposition asking to save the answer as `name`: quoted in plain ASCII for every
 * browser, and in full as UTF-8 (RFC 6266) for those that read it, so an accented name survives.
 */
export const attachmentOf = (name: string): string => {
  const plain = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // A browser decodes filename* as it is written: a control character, a line break or a
  // bidirectional override (which shows "report\u202Evsc.exe" as "reportexe.csv") would reach
  // the saved file's name, so each becomes _ as in the plain name.
  const safe = printable(name).replace(/[\t\n\v\f\r\ufffd]/g, '_');
  // encodeURIComponent leaves these four, which RFC 5987 does not allow unencoded.
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
};
