/** The largest job description we read, in bytes of UTF-8. */
export const MAX_TEXT_INPUT_BYTES = 200 * 1024;

/**
 * The longest problem statement diagnosis reads, in characters: a few pages of plain words.
 * Diagnosis weighs every phrase against every guide, so a longer text would hold the server
 * for seconds (200 KB took 1–3 s); at this length it takes under 0.2 s.
 */
export const MAX_PROBLEM_INPUT_LENGTH = 20_000;

// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * What is wrong with a text as input for analysis: too large for its limit (a 413 at the HTTP
 * door, since a client should send less rather than fix what it sent) or unreadable.
 */
export interface TextProblem {
  readonly tooLarge: boolean;
  readonly message: string;
}

/**
 * What is wrong with a text as input for analysis, or undefined when it can be read. NUL and
 * other control bytes mean binary data; U+FFFD or a lone surrogate mean broken UTF-8.
 * `maxCharacters` is a tighter limit for a reader slower than the byte limit allows.
 * @example textProblem('')?.message === 'the text is empty'
 */
export const textProblem = (text: string, maxCharacters?: number): TextProblem | undefined => {
  if (text.trim() === '') return { tooLarge: false, message: 'the text is empty' };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_INPUT_BYTES) {
    return {
      tooLarge: true,
      message: `the text is ${bytes} bytes; the limit is ${MAX_TEXT_INPUT_BYTES}`,
    };
  }
  if (maxCharacters !== undefined && text.length > maxCharacters) {
    return {
      tooLarge: true,
      message: `the text is ${text.length} characters long; the limit is ${maxCharacters}`,
    };
  }
  if (BINARY.test(text)) {
    return { tooLarge: false, message: 'the text contains binary data (control characters)' };
  }
  if (text.includes('\uFFFD') || !text.isWellFormed()) {
    return { tooLarge: false, message: 'the text is not valid UTF-8' };
  }
  return undefined;
};
