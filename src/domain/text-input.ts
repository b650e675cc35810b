/** The largest job description we read, in bytes of UTF-8. */
const MAX_TEXT_INPUT_BYTES = 200 * 1024;

/**
 * The longest problem statement diagnosis reads, in characters: a few pages of plain words.
 * Diagnosis weighs every phrase against every guide, so a longer text would hold the server
 * for seconds (200 KB took 1–3 s); at this length it takes under 0.2 s.
 */
export const MAX_PROBLEM_INPUT_LENGTH = 20_000;

// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * What is wrong with a text as input for analysis, or undefined when it can be read. NUL and
 * other control bytes mean binary data; U+FFFD or a lone surrogate mean broken UTF-8.
 * @example textProblem('') === 'the text is empty'
 */
export const textProblem = (text: string): string | undefined => {
  if (text.trim() === '') return 'the text is empty';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_INPUT_BYTES) {
    return `the text is ${bytes} bytes; the limit is ${MAX_TEXT_INPUT_BYTES}`;
  }
  if (BINARY.test(text)) return 'the text contains binary data (control characters)';
  if (text.includes('\uFFFD') || !text.isWellFormed()) return 'the text is not valid UTF-8';
  return undefined;
};
