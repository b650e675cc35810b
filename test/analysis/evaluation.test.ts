import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';
import {
  evaluate,
  evaluateOutside,
  jobDescriptionCases,
  outsideJobDescriptionCases,
  outsideProblemCases,
  problemCases,
  type CaseResult,
  type Evaluation,
} from '../fixtures/analysis/evaluation.js';

const root = join(import.meta.dirname, '../../content');
const wrong = (results: CaseResult[]) =>
  results
    .filter((r) => r.got !== r.expected)
    .map((r) => `${r.id}: wanted ${r.expected}, got ${r.got}`);

const misses = (results: CaseResult[]) =>
  results
    .filter((r) => !r.correct)
    .map((r) => `${r.id}: wanted ${r.expected}, got ${r.got ?? 'no role'}`);

let library: ContentLibrary;
let evaluation: Evaluation;
beforeAll(async () => {
  library = await readContentLibrary(root);
  evaluation = evaluate(library);
  // Reading the library and running both engines over every case takes a minute on a busy machine.
}, 180_000);

describe('the evaluation set', () => {
  it('has at least 40 job descriptions and 40 problem statements', () => {
    expect(jobDescriptionCases().length).toBeGreaterThanOrEqual(40);
    expect(problemCases().length).toBeGreaterThanOrEqual(40);
  });

  it('covers every built-in role with a job description and a problem statement', () => {
    const codes = library.roles.map((r) => r.code);
    expect(codes.filter((c) => !jobDescriptionCases().some((j) => j.role === c))).toEqual([]);
    expect(codes.filter((c) => !problemCases().some((p) => p.role === c))).toEqual([]);
    const known = new Set(codes);
    const unknown = [...jobDescriptionCases(), ...problemCases()]
      .flatMap((c) => [c.role, ...('alsoAccept' in c ? (c.alsoAccept ?? []) : [])])
      .filter((code) => !known.has(code));
    expect(unknown).toEqual([]);
  });

  it('expects only terms the glossary defines', () => {
    const slugs = new Set(library.terms.map((t) => t.slug));
    const unknown = jobDescriptionCases().flatMap((j) =>
      j.terms.filter((s) => !slugs.has(s)).map((s) => `${j.file}: ${s}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the evaluation set written by people outside the team', () => {
  // The outside set was sized against our first set of 61 problem statements; the cases the
  // guide authors added later for their roles do not raise what the outside set must cover.
  it('has at least three times the 61 problem statements of our first set', () => {
    expect(outsideProblemCases().length).toBeGreaterThanOrEqual(3 * 61);
  });

  it('has at least 60 job descriptions, split between both halves', () => {
    const cases = outsideJobDescriptionCases();
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.split === 'test').length).toBeGreaterThanOrEqual(30);
  });

  it('has at least 30 problems no technology role fits, in both halves', () => {
    const none = outsideProblemCases().filter((p) => p.role === null);
    expect(none.length).toBeGreaterThanOrEqual(30);
    expect(none.filter((p) => p.split === 'test').length).toBeGreaterThanOrEqual(15);
  });

  it('names only built-in roles', () => {
    const known = new Set(library.roles.map((r) => r.code));
    const unknown = outsideProblemCases()
      .flatMap((p) => [...(p.role === null ? [] : [p.role]), ...(p.alsoAccept ?? [])])
      .filter((c) => !known.has(c));
    expect(unknown).toEqual([]);
    expect(
      outsideJobDescriptionCases().filter((j) => j.role !== null && !known.has(j.role)),
    ).toEqual([]);
  });

  it('expects only terms the glossary defines', () => {
    const slugs = new Set(library.terms.map((t) => t.slug));
    const unknown = outsideJobDescriptionCases().flatMap((j) =>
      j.terms.filter((s) => !slugs.has(s)).map((s) => `${j.file}: ${s}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('job-description analysis on the evaluation set', () => {
  it('puts the expected role first for at least 90% of job descriptions', () => {
    const { roleFirst, results } = evaluation.jobDescriptions;
    expect(roleFirst, wrong(results).join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('names the expected role first from the title, through the title index, for at least 85% of titles', () => {
    const { titleRoleFirst, results } = evaluation.jobDescriptions;
    const misread = results
      .filter((r) => r.title && r.title.got !== r.expected)
      .map((r) => `${r.id}: “${r.title!.text}” read as ${r.title!.got ?? 'no role'}`);
    expect(titleRoleFirst, misread.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('finds at least 95% of the terms a recruiter needs explained', () => {
    const { termRecall, results } = evaluation.jobDescriptions;
    const missed = results
      .filter((r) => r.missed.length > 0)
      .map((r) => `${r.id}: ${r.missed.join(', ')}`);
    expect(termRecall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('reports terms with at least 95% precision', () => {
    const { termPrecision, results } = evaluation.jobDescriptions;
    const extra = results
      .filter((r) => r.extra.length > 0)
      .map((r) => `${r.id}: ${r.extra.join(', ')}`);
    expect(termPrecision, extra.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('diagnosis on the evaluation set', () => {
  it('puts the role to hire first for at least 85% of problem statements', () => {
    const { roleFirst, results } = evaluation.problems;
    expect(roleFirst, wrong(results).join('\n')).toBeGreaterThanOrEqual(0.85);
  });
});

// The floors were set on the first two batches; the third, written later to a harder recipe,
// is measured and reported (bench/RESULTS.md) but holds no floor of its own yet.
describe('diagnosis and posting analysis on the held-out half of the first two batches', () => {
  let held: ReturnType<typeof evaluateOutside>;
  beforeAll(() => {
    held = evaluateOutside(library, 'test', [1, 2]);
  }, 180_000);

  it('puts a right role first for at least 80% of problems a technology role fits', () => {
    expect(
      held.problems.roleFirst,
      misses(held.problems.results).join('\n'),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('answers with no role for at least 80% of problems no technology role fits', () => {
    expect(
      held.problems.noFitRefused,
      misses(held.problems.results).join('\n'),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the role the body describes first for at least 90% of job descriptions', () => {
    const { roleFirst, results } = held.jobDescriptions;
    expect(roleFirst, misses(results).join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
