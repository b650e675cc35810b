import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TitleSource } from '../../src/matching/index.js';
import { seededRandom, shuffle } from './random.js';

/** One indexed title as every tool sees it: the text and the occupation it belongs to. */
export interface TitleRow {
  code: string;
  title: string;
}

export interface HeldOutQuery {
  title: string;
  /** Every occupation the title is listed under; a hit on any of them counts. */
  codes: ReadonlySet<string>;
}

export interface Split {
  sources: TitleSource[];
  rows: TitleRow[];
  queries: HeldOutQuery[];
}

interface OnetData {
  occupations: Array<{ code: string; name: string }>;
  alternates: Array<{ code: string; title: string; shortTitle?: string }>;
}

const readTable = (path: string): Array<Record<string, string>> =>
  parse(readFileSync(path, 'utf8'), {
    delimiter: '\t',
    columns: true,
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
  });

export const onetFilesPresent = (dir: string): boolean =>
  existsSync(join(dir, 'Occupation Data.txt')) && existsSync(join(dir, 'Alternate Titles.txt'));

export const readOnet = (dir: string): OnetData => {
  const occupations = readTable(join(dir, 'Occupation Data.txt')).map((row) => ({
    code: row['O*NET-SOC Code'] as string,
    name: row['Title'] as string,
  }));
  const alternates = readTable(join(dir, 'Alternate Titles.txt')).map((row) => {
    const short = row['Short Title'];
    return {
      code: row['O*NET-SOC Code'] as string,
      title: row['Alternate Title'] as string,
      ...(short !== undefined && short !== 'n/a' && short.length > 0 ? { shortTitle: short } : {}),
    };
  });
  return { occupations, alternates };
};

const keyOf = (title: string): string => title.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Holds out a seeded `share` of the distinct alternate titles. A held-out title leaves every
 * occupation that lists it (so the exact text is never in the index); each occupation keeps its
 * name and its other titles.
 */
export const splitOnet = (data: OnetData, seed: number, share = 0.2): Split => {
  const byKey = new Map<string, { title: string; codes: Set<string> }>();
  for (const alt of data.alternates) {
    const key = keyOf(alt.title);
    const entry = byKey.get(key) ?? { title: alt.title.trim(), codes: new Set<string>() };
    entry.codes.add(alt.code);
    byKey.set(key, entry);
  }
  const keys = shuffle(seededRandom(seed), [...byKey.keys()].sort());
  const heldOut = new Set(keys.slice(0, Math.round(keys.length * share)));
  const titlesByCode = new Map<string, string[]>();
  for (const alt of data.alternates) {
    if (heldOut.has(keyOf(alt.title))) continue;
    const list = titlesByCode.get(alt.code) ?? [];
    list.push(alt.title);
    if (alt.shortTitle !== undefined) list.push(alt.shortTitle);
    titlesByCode.set(alt.code, list);
  }
  const sources: TitleSource[] = data.occupations.map(({ code, name }) => ({
    taxonomy: 'onet',
    code,
    name,
    titles: titlesByCode.get(code) ?? [],
  }));
  const rows = sources.flatMap((s) =>
    [s.name, ...s.titles].map((title) => ({ code: s.code, title })),
  );
  const queries = keys
    .filter((k) => heldOut.has(k))
    .map((k) => byKey.get(k) as { title: string; codes: Set<string> })
    .map(({ title, codes }) => ({ title, codes }));
  return { sources, rows, queries };
};
