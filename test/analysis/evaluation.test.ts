import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';
import {
  evaluate,
  jobDescriptionCases,
  problemCases,
  type CaseResult,
  type Evaluation,
} from '../fixtures/analysis/evaluation.js';

const root = join(import.meta.dirname, '../../content');
const wrong = (results: CaseResult[]) =>
  results
    .filter((r) => r.got !== r.expected)
    .map((r) => `${r.id}: wanted ${r.expected}, got ${r.got}`);

let library: ContentLibrary;
let evaluation: Evaluation;
beforeAll(async () => {
  library = await readContentLibrary(root);
  evaluation = evaluate(library);
});

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
