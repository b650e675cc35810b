import { describe, expect, it } from 'vitest';
import { importFailed } from './import-error.js';
import { releaseProblems } from './release-problems.js';

const problemAt = (line: number, file = 'a.txt') => importFailed({ file, line }, 'bad value');

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('releaseProblems', () => {
  it('lets a release without problems through', () => {
    expect(refusal(() => releaseProblems().throwIfAny())).toBeUndefined();
  });

  it('refuses with a lone problem as it was found', () => {
    const problems = releaseProblems();
    const only = problemAt(3);
    problems.add(only);
    expect(refusal(() => problems.throwIfAny())).toBe(only);
  });

  it('refuses with every problem, counting them and the files they are in', () => {
    const problems = releaseProblems();
    problems.add(problemAt(2));
    problems.add(problemAt(4));
    problems.add(problemAt(9, 'b.txt'));
    expect(refusal(() => problems.throwIfAny())).toMatchObject({
      code: 'import_failed',
      message: '3 problems in 2 files of the release; nothing was imported',
      details: [{ line: 2 }, { line: 4 }, { line: 9, file: 'b.txt' }],
    });
  });

  it('keeps the first ten thousand problems and counts the rest', () => {
    const problems = releaseProblems();
    for (let line = 2; line < 12_002; line += 1) problems.add(problemAt(line));
    const error = refusal(() => problems.throwIfAny()) as { message: string; details: unknown[] };
    expect(error.message).toBe(
      '12,000 problems of the release (the first 10,000 listed); nothing was imported',
    );
    expect(error.details).toHaveLength(10_000);
  });
});
