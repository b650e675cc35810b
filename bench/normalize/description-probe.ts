/**
 * Probe, not part of the engine: does an occupation's description carry ranking evidence on the
 * DEV split (seed 7)? Reranks the engine's top K by calibrated score + W x the IDF-weighted share
 * of the role phrase's words found in the description (ESCO `description`; O*NET Occupation Data
 * description, plus Task Statements with TASKS=1), only when the top score is below T (env).
 *
 *   T=0.5 npx tsx bench/normalize/description-probe.ts esco|onet [W=0.1] [K=10]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { normalizeTitleText } from '../../src/matching/text-normalizer.js';
import { readEsco, splitEsco } from './esco-titles.js';
import { readOnet, splitOnet } from './onet-titles.js';
import { probeReranking } from './rerank-probe.js';

const esco = process.argv[2] === 'esco';
const W = Number(process.argv[3] ?? '0.1');
const K = Number(process.argv[4] ?? '10');
const split = esco
  ? splitEsco(readEsco('/work/shared/data/esco'), 7)
  : splitOnet(readOnet('/work/shared/data/onet'), 7);
const desc = new Map<string, string>();
if (esco) {
  for (const row of parse<Record<string, string>>(
    readFileSync('/work/shared/data/esco/occupations_en.csv', 'utf8'),
    { columns: true },
  ))
    desc.set(row['conceptUri']!, row['description']!);
} else {
  for (const line of readFileSync('/work/shared/data/onet/Occupation Data.txt', 'utf8')
    .split('\n')
    .slice(1)) {
    const [code, , d] = line.split('\t');
    if (code) desc.set(code, d ?? '');
  }
  if (process.env.TASKS)
    for (const line of readFileSync('/work/shared/data/onet/Task Statements.txt', 'utf8')
      .split('\n')
      .slice(1)) {
      const [code, , t] = line.split('\t');
      if (code) desc.set(code, (desc.get(code) ?? '') + ' ' + t);
    }
}
const words = new Map<string, Set<string>>();
const df = new Map<string, number>();
for (const [code, d] of desc) {
  const set = new Set(normalizeTitleText(d));
  words.set(code, set);
  for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
}
const N = desc.size;
const idf = (w: string) => Math.log(1 + N / (1 + (df.get(w) ?? 0)));
probeReranking(
  split,
  `desc W=${W}`,
  (_index, result) => {
    const toks = normalizeTitleText(result.core);
    const total = toks.reduce((s, t) => s + idf(t), 0) || 1;
    const low = (result.matches[0]?.score ?? 0) < Number(process.env.T ?? 2);
    return result.matches
      .map((x) => {
        const ws = words.get(x.code);
        const cov = toks.reduce((s, t) => s + (ws?.has(t) ? idf(t) : 0), 0) / total;
        return { code: x.code, s: x.score + (low ? W * cov : 0) };
      })
      .sort((p, q) => q.s - p.s)
      .map((x) => x.code);
  },
  K,
);
