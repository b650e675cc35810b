/**
 * What no stored or matched text may hold, whichever field it is in: a lone surrogate (it cannot
 * be encoded, so a code that holds one can never be linked to or read back), NUL and the other
 * C0 and C1 control characters except tab, line and page breaks (a terminal obeys them: `render` would
 * print an ESC sequence raw), and the bidirectional overrides and isolates that make text read
 * differently from how it is stored.
 */
const FORBIDDEN_CHARS =
  '[\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';
const FORBIDDEN = new RegExp(FORBIDDEN_CHARS);
// Every forbidden character, and every lone surrogate (a high one not followed by a low one, or a
// low one not preceded by a high one).
const UNPRINTABLE = new RegExp(
  `${FORBIDDEN_CHARS}|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`,
  'g',
);

const codePoint = (char: string): string =>
  `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

const describeForbidden = (char: string): string => {
  const code = char.charCodeAt(0);
  if (code >= 0x202a) return `a bidirectional control character (${codePoint(char)})`;
  return `a control character (${codePoint(char)})`;
};

/**
 * What is wrong with a string as stored text, or undefined when it is fine.
 * @example textRuleProblem('Back\u001b[2Jend') === 'contains a control character (U+001B) at position 5'
 */
export const textRuleProblem = (value: string): string | undefined => {
  const forbidden = FORBIDDEN.exec(value);
  if (forbidden) {
    return `contains ${describeForbidden(forbidden[0])} at position ${forbidden.index + 1}`;
  }
  if (!value.isWellFormed()) return 'is not well-formed Unicode (it holds a lone surrogate)';
  return undefined;
};

/**
 * A string as it may be echoed back in an error: what the text rules forbid becomes U+FFFD, so
 * a refused title cannot carry an escape sequence to the terminal that prints the error.
 * @example printable('a\u001b[2Jb') === 'a\ufffd[2Jb'
 */
export const printable = (value: string): string => value.replace(UNPRINTABLE, '\ufffd');
