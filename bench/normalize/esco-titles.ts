import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TitleSource } from '../../src/matching/index.js';
import { seededRandom, shuffle } from './random.js';
import type { HeldOutQuery, Split } from './onet-titles.js';

interface EscoOccupation {
  code: string;
  name: string;
  alternates: string[];
  hidden: string[];
}

const OCCUPATIONS_FILE = 'occupations_en.csv';

export const escoFilesPresent = (dir: string): boolean => existsSync(join(dir, OCCUPATIONS_FILE));

const labels = (field: string | undefined): string[] =>
  (field ?? '')
    .split('\n')
    .map((label) => label.trim())
    .filter((label) => label.length > 0);

/** ESCO's occupations with their preferred, alternative and hidden labels; the URI is the code. */
export const readEsco = (dir: string): EscoOccupation[] =>
  parse<Record<string, string>>(readFileSync(join(dir, OCCUPATIONS_FILE), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }).map((row) => ({
    code: row['conceptUri'] as string,
    name: (row['preferredLabel'] as string).trim(),
    alternates: labels(row['altLabels']),
    hidden: labels(row['hiddenLabels']),
  }));

const keyOf = (title: string): string => title.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Holds out a seeded `share` of the distinct alternative labels, as splitOnet does for O*NET: a
 * held-out label leaves every occupation that lists it, and each occupation keeps its preferred
 * label, its other alternative labels and its hidden labels (as hidden titles).
 */
export const splitEsco = (occupations: EscoOccupation[], seed: number, share = 0.2): Split => {
  const byKey = new Map<string, { title: string; codes: Set<string> }>();
  for (const occupation of occupations) {
    for (const title of occupation.alternates) {
      const entry = byKey.get(keyOf(title)) ?? { title, codes: new Set<string>() };
      entry.codes.add(occupation.code);
      byKey.set(keyOf(title), entry);
    }
  }
  const keys = shuffle(seededRandom(seed), [...byKey.keys()].sort());
  const heldOut = new Set(keys.slice(0, Math.round(keys.length * share)));
  const sources: TitleSource[] = occupations.map((o) => ({
    taxonomy: 'esco',
    code: o.code,
    name: o.name,
    titles: o.alternates.filter((title) => !heldOut.has(keyOf(title))),
    ...(o.hidden.length > 0 ? { hiddenTitles: o.hidden } : {}),
  }));
  const rows = sources.flatMap((s) =>
    [s.name, ...s.titles].map((title) => ({ code: s.code, title })),
  );
  const queries: HeldOutQuery[] = keys
    .filter((k) => heldOut.has(k))
    .map((k) => byKey.get(k) as { title: string; codes: Set<string> });
  return { sources, rows, queries };
};
