/**
 * Probe, not part of the engine: are substitutions learned from a taxonomy's own labels
 * evidence on the DEV split (seed 7)? Two labels of one occupation that differ in one word
 * ("machine operator" / "machine operative") make a substitution pair; pairs seen in at least
 * MINC occupations are kept. A query below 0.9 is re-asked with each word swapped for its two
 * most frequent substitutes, and each role keeps its best score, a swapped one times D.
 * HEAD=1 swaps only the head noun. It costs several matches per query: a measure of the
 * signal, not of a way to run it.
 *
 *   [HEAD=1] npx tsx bench/normalize/synonym-probe.ts esco|onet [D=0.8] [MINC=2]
 */
import { normalizeTitleText } from '../../src/matching/text-normalizer.js';
import { readEsco, splitEsco } from './esco-titles.js';
import { readOnet, splitOnet } from './onet-titles.js';
import { probeReranking } from './rerank-probe.js';

const esco = process.argv[2] === 'esco';
const D = Number(process.argv[3] ?? '0.8');
const MINC = Number(process.argv[4] ?? '2');
const split = esco
  ? splitEsco(readEsco('/work/shared/data/esco'), 7)
  : splitOnet(readOnet('/work/shared/data/onet'), 7);
// substitution pairs: two labels of one occupation that differ in exactly one position
const pairCount = new Map<string, number>();
for (const s of split.sources) {
  const labels = [
    ...new Set([s.name, ...s.titles].map((t) => normalizeTitleText(t).join(' '))),
  ].map((t) => t.split(' '));
  const seen = new Set<string>();
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!,
        b = labels[j]!;
      if (a.length !== b.length || a.length < 2) continue;
      let diff = -1,
        n = 0;
      for (let k = 0; k < a.length; k++)
        if (a[k] !== b[k]) {
          diff = k;
          n++;
        }
      if (n !== 1) continue;
      for (const key of [`${a[diff]}>${b[diff]}`, `${b[diff]}>${a[diff]}`]) {
        if (!seen.has(key)) {
          seen.add(key);
          pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
        }
      }
    }
}
const subs = new Map<string, Array<[string, number]>>();
for (const [k, c] of pairCount) {
  if (c < MINC) continue;
  const [a, b] = k.split('>') as [string, string];
  (subs.get(a) ?? subs.set(a, []).get(a)!).push([b, c]);
}
for (const l of subs.values()) l.sort((p, q) => q[1] - p[1]);
console.log(
  'pairs',
  [...pairCount.values()].filter((c) => c >= MINC).length,
  [...subs]
    .slice(0, 8)
    .map(
      ([a, l]) =>
        `${a}:${l
          .slice(0, 3)
          .map((x) => x.join('/'))
          .join(',')}`,
    )
    .join(' '),
);
probeReranking(split, `subs D=${D}`, (index, result) => {
  const m = result.matches;
  const best = new Map<string, number>();
  for (const x of m) best.set(x.code, x.score);
  const toks = normalizeTitleText(result.core);
  if ((m[0]?.score ?? 0) < 0.9)
    for (let k = process.env.HEAD ? toks.length - 1 : 0; k < toks.length; k++) {
      for (const [alt] of (subs.get(toks[k]!) ?? []).slice(0, 2)) {
        const v = [...toks];
        v[k] = alt;
        for (const x of index.match(v.join(' '), { top: 10, minScore: 0 }).matches) {
          const s = x.score * D;
          if (s > (best.get(x.code) ?? 0)) best.set(x.code, s);
        }
      }
    }
  return [...best].sort((p, q) => q[1] - p[1]).map(([code]) => code);
});
