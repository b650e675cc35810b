import { pick, seededRandom } from './random.js';

const SENIORITY = [
  'Senior',
  'Sr.',
  'Junior',
  'Jr',
  'Lead',
  'Principal',
  'Staff',
  'Entry-Level',
  'Intern',
];
const LEVELS = ['I', 'II', 'III', 'IV', 'L4', 'Level 2'];
const PLACES = [
  ' - London',
  ', Berlin',
  ' (NYC)',
  ', Austin, TX',
  ' - Toronto',
  ' (Remote, US)',
  ', Chicago',
];
const MODES = ['remote-prefix', ' (Remote)', ' - Hybrid', ', On-site', ' - Remote'];
const REQUISITIONS = ['REQ-{n}', '#{n}', '(Job ID: {n})', '- R00{n}'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One realistic slip of the keyboard in one word of five letters or more. */
const addTypo = (random: () => number, title: string): string => {
  const words = title.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{5,}$/.test(w));
  if (long.length === 0) return title;
  const [word, at] = pick(random, long);
  const p = 1 + Math.floor(random() * (word.length - 1));
  const kind = Math.floor(random() * 4);
  const letter = pick(random, [...LETTERS]);
  const typo =
    kind === 0
      ? word.slice(0, p) + word.slice(p + 1)
      : kind === 1
        ? word.slice(0, p) + letter + word.slice(p + 1)
        : kind === 2 && p < word.length - 1
          ? word.slice(0, p) + (word[p + 1] as string) + (word[p] as string) + word.slice(p + 2)
          : word.slice(0, p) + letter + word.slice(p);
  words[at] = typo;
  return words.join(' ');
};

/**
 * Dresses a clean title the way postings do: a seniority word, a level, a place, a work mode,
 * a requisition number (each with some chance, at least one of them) and one typo.
 */
export const makeNoisy = (titles: readonly string[], seed: number): string[] => {
  const random = seededRandom(seed);
  return titles.map((clean) => {
    let title = addTypo(random, clean);
    let added = 0;
    const want = (p: number): boolean => random() < p;
    while (added === 0) {
      if (want(0.5)) {
        title = `${pick(random, SENIORITY)} ${title}`;
        added++;
      }
      if (want(0.2)) {
        title = `${title} ${pick(random, LEVELS)}`;
        added++;
      }
      if (want(0.35)) {
        title = `${title}${pick(random, PLACES)}`;
        added++;
      }
      if (want(0.3)) {
        const mode = pick(random, MODES);
        title = mode === 'remote-prefix' ? `Remote ${title}` : `${title}${mode}`;
        added++;
      }
      if (want(0.3)) {
        const n = String(1000 + Math.floor(random() * 98_000));
        const req = pick(random, REQUISITIONS).replace('{n}', n);
        title = random() < 0.5 ? `${req} ${title}` : `${title} ${req}`;
        added++;
      }
    }
    return title;
  });
};
