/**
 * Whether a UTF-16 code unit is what `\s` matches and String.prototype.trim removes: the
 * Unicode space separators, the ASCII controls tab to carriage return, the line and paragraph
 * separators, and the byte order mark.
 */
const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0xa0 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

/**
 * The text with every run of whitespace made one space and none at either end, as
 * `text.replace(/\s+/g, ' ').trim()` gives it. Written as one pass over the text: the parser
 * squashes every piece of a title it reads, and a noisy title's pieces mostly have spaces to
 * squash, where a global regular expression replace cost most of a microsecond a piece.
 *
 * @example squashSpaces('  Senior \t Developer ') // 'Senior Developer'
 */
export const squashSpaces = (text: string): string => {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  let out = '';
  let from = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) {
      i++;
      continue;
    }
    // A single plain space is kept where it stands; anything else ends a piece.
    if (c === 32 && !isSpace(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    out += `${text.slice(from, i)} `;
    while (isSpace(text.charCodeAt(i))) i++;
    from = i;
  }
  return from === 0 && end === n ? text : out + text.slice(from, end);
};

/** Whether the code unit is whitespace or one of the characters. */
const isEdge = (c: number, characters: string): boolean => {
  if (isSpace(c)) return true;
  for (let i = 0; i < characters.length; i++) if (characters.charCodeAt(i) === c) return true;
  return false;
};

/**
 * The text without the whitespace and `leading` characters it starts with, nor the whitespace
 * and `trailing` characters it ends with: what a replace of `^[leading\s]+|[trailing\s]+$`
 * leaves, at the cost of reading the two ends only, where the expression tried its second
 * branch at every character of every segment the parser reads.
 *
 * @example trimEdges('- Data Analyst:.', '-:', '-:.') // 'Data Analyst'
 */
export const trimEdges = (text: string, leading: string, trailing: string): string => {
  let start = 0;
  while (start < text.length && isEdge(text.charCodeAt(start), leading)) start++;
  let end = text.length;
  while (end > start && isEdge(text.charCodeAt(end - 1), trailing)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
};
