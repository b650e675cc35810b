import { htmlToText } from './html-text.js';
import type { TextView } from './text-view.types.js';

export type TextFormat = 'text' | 'markdown' | 'html';

/**
 * Words of a text and where they are: `start`/`end` index the text they were read in (in an
 * analysis, the input itself: the HTML source, for HTML); `text` is the words as a reader sees
 * them (entities decoded, never markup).
 */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

// Every repetition is bounded, so no input can make these patterns backtrack for long.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"'`]{1,2000}/gi;
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}/g;
const LINK_TARGET =
  /(?<=\])\([^)\s]{0,2000}(?:\s{1,3}"[^"\n]{0,300}")?\)|^ {0,3}\[[^\]\n]{1,300}\]:[^\n]*$/gm;
/** Longest run of characters an inline HTML tag may span in Markdown. */
const TAG_SPAN = 1_000;

const spaces = (s: string) => s.replace(/[^\n]/g, ' ');

/** Blanks what matches with spaces, so nothing moves and nothing is read in it. */
const blank = (text: string, pattern: RegExp): string => text.replace(pattern, spaces);

/**
 * Blanks HTML comments and tags inside Markdown in one pass: each search for a closing
 * `-->` or `>` starts where the last one ended, so unclosed markup costs no more than text.
 */
const blankMarkup = (text: string): string => {
  const parts: string[] = [];
  let copied = 0;
  let commentEnd = -1;
  let tagEnd = -1;
  const cut = (start: number, end: number) => {
    parts.push(text.slice(copied, start), spaces(text.slice(start, end)));
    copied = end;
  };
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i)) {
    if (text.startsWith('<!--', i)) {
      if (commentEnd < i) commentEnd = text.indexOf('-->', i + 4);
      if (commentEnd < 0) break;
      cut(i, commentEnd + 3);
      i = commentEnd + 3;
      continue;
    }
    if (/[a-zA-Z/]/.test(text[i + 1] ?? '')) {
      if (tagEnd < i) tagEnd = text.indexOf('>', i);
      if (tagEnd < 0) break;
      if (tagEnd - i <= TAG_SPAN) {
        cut(i, tagEnd + 1);
        i = tagEnd + 1;
        continue;
      }
    }
    i++;
  }
  parts.push(text.slice(copied));
  return parts.join('');
};

const identity = (text: string): TextView => ({
  text,
  toOriginal: (start, end) => ({ start, end }),
});

/**
 * The readable text of an input and a map back to it. Plain text and Markdown keep their
 * offsets (links, addresses and markup are blanked out, not removed); HTML is read as text.
 * @example textView('Go <b>and</b> Rust', 'html').text === 'Go and Rust'
 */
export const textView = (input: string, format: TextFormat = 'text'): TextView => {
  switch (format) {
    case 'html':
      return htmlToText(input);
    case 'markdown':
      return identity(blank(blank(blank(blankMarkup(input), LINK_TARGET), URL), EMAIL));
    case 'text':
      return identity(blank(blank(input, URL), EMAIL));
  }
};
