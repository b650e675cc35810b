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
import { TitleIndex } from '../../src/matching/index.js';
import { normalizeTitleText } from '../../src/matching/text-normalizer.js';
import { readEsco, splitEsco } from './esco-titles.js';
import { makeNoisy } from './noise.js';
import { readOnet, splitOnet } from './onet-titles.js';

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
const index = TitleIndex.build(split.sources);
const clean = split.queries.map((q) => q.title);
for (const [mode, titles] of [
  ['clean', clean],
  ['noisy', makeNoisy(clean, 8)],
] as const) {
  let a1 = 0,
    a5 = 0,
    b1 = 0,
    b5 = 0;
  titles.forEach((title, i) => {
    const exp = split.queries[i]!.codes;
    const r = index.match(title, { top: K, minScore: 0 });
    const toks = normalizeTitleText(r.core);
    const total = toks.reduce((s, t) => s + idf(t), 0) || 1;
    const m = r.matches;
    if (m[0] && exp.has(m[0].code)) a1++;
    if (m.slice(0, 5).some((x) => exp.has(x.code))) a5++;
    const low = (m[0]?.score ?? 0) < Number(process.env.T ?? 2);
    const re = m
      .map((x) => {
        const ws = words.get(x.code);
        const cov = toks.reduce((s, t) => s + (ws?.has(t) ? idf(t) : 0), 0) / total;
        return { x, s: x.score + (low ? W * cov : 0) };
      })
      .sort((p, q) => q.s - p.s);
    if (re[0] && exp.has(re[0].x.code)) b1++;
    if (re.slice(0, 5).some((y) => exp.has(y.x.code))) b5++;
  });
  const p = (n: number) => ((100 * n) / titles.length).toFixed(1);
  console.log(`${mode} base @1 ${p(a1)} @5 ${p(a5)} | desc W=${W} @1 ${p(b1)} @5 ${p(b5)}`);
}
