import { writeFileSync } from 'node:fs';
import type { OutsideProblemCase } from '../../test/fixtures/analysis/evaluation.js';

/** How one batch of problems (or all of them) came out: right first, and no-fit refused. */
export interface Tally {
  fits: number;
  first: number;
  noFits: number;
  refused: number;
}

export const emptyTally = (): Tally => ({ fits: 0, first: 0, noFits: 0, refused: 0 });

/** Counts one problem's first answer (undefined: refused) into the tally. */
export const countAnswer = (
  tally: Tally,
  problem: OutsideProblemCase,
  got: string | undefined,
): void => {
  if (problem.role === null) {
    tally.noFits++;
    if (got === undefined) tally.refused++;
  } else {
    tally.fits++;
    if (got !== undefined && [problem.role, ...(problem.alsoAccept ?? [])].includes(got)) {
      tally.first++;
    }
  }
};

export const addTally = (into: Tally, from: Tally): void => {
  into.fits += from.fits;
  into.first += from.first;
  into.noFits += from.noFits;
  into.refused += from.refused;
};

const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** The tally's two table cells: right first, and no-fit refused, each as a count and a share. */
export const tallyCells = (t: Tally): string =>
  `${t.first}/${t.fits} ${percent(t.first, t.fits)} | ${t.refused}/${t.noFits} ${percent(t.refused, t.noFits)}`;

/** With `--cases FILE`, writes each case's line (its index, answer and expected role) there. */
export const writeCasesIfAsked = (lines: readonly string[]): void => {
  const at = process.argv.indexOf('--cases');
  if (at > 0) writeFileSync(process.argv[at + 1]!, `${lines.join('\n')}\n`);
};
