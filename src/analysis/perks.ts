import { namedElsewhere } from './named-elsewhere.js';
import type { TermHit } from './term-spotter.js';

/** A heading that opens what the employer gives: "Benefits", "Our perks", "What we offer". */
const PERKS_HEADING =
  /^[\s#*_>•\-–]*(?:(?:our|the|your|employee|some|great|extra)\s+)?(?:benefits|perks|what we offer|what you['’]ll get|what you get|rewards?|compensation and benefits|in return)\b/i;
/** The most words a heading line has: "Benefits that people actually use". */
const HEADING_WORDS = 8;
/** A line that opens a list item rather than a heading: a bullet, a number or an emoji ("💷 £38k"). */
const LIST_ITEM = /^\s*(?:(?:[-–•*·▸→+]|\d+[.)])\s|\p{Extended_Pictographic})/u;

const isHeading = (line: string): boolean => {
  const words = line.trim().split(/\s+/).length;
  return (
    line.trim().length > 0 &&
    words <= HEADING_WORDS &&
    !LIST_ITEM.test(line) &&
    !/[.!?,;]$/.test(line.trim())
  );
};

/**
 * Where each part of a text under a heading the pattern matches stands: to the next heading, or
 * to a paragraph that follows the part's list after a blank line ("No cover letter needed! Send
 * your GitHub.").
 */
export const partsUnder = (text: string, opening: RegExp): { start: number; end: number }[] => {
  const parts: { start: number; end: number }[] = [];
  let open: number | undefined;
  let told = false;
  let blank = false;
  let at = 0;
  const close = () => {
    if (open !== undefined) parts.push({ start: open, end: at });
    open = undefined;
  };
  for (const line of text.split('\n')) {
    if (isHeading(line)) {
      close();
      if (opening.test(line)) [open, told] = [at, false];
    } else if (line.trim()) {
      if (blank && told && !LIST_ITEM.test(line)) close();
      told = true;
    }
    blank = !line.trim();
    at += line.length + 1;
  }
  close();
  return parts;
};

/**
 * The hits less each term a posting names only among its perks ("MacBook Pro", "GitHub
 * Copilot licences for everyone", "a Kubernetes cluster for hack days"): what the employer
 * gives is not what the hire does. A term the posting names anywhere else is still asked for.
 * @example withoutPerks('Benefits\n- GitHub Copilot for everyone', hits) // no github
 */
export const withoutPerks = (text: string, hits: readonly TermHit[]): TermHit[] => {
  const parts = partsUnder(text, PERKS_HEADING);
  if (parts.length === 0) return [...hits];
  return namedElsewhere(hits, (h) => parts.some((p) => h.start >= p.start && h.end <= p.end));
};
