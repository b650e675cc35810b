import { AppError, type ProblemDetail } from '../../domain/index.js';

/** Where a reader sends a problem it can read past; the default throws it. */
export type ProblemSink = (problem: AppError) => void;

/** Problems kept in full; past this many they are only counted, so memory stays bounded. */
const KEPT = 10_000;

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The problems found in checking every file of a release, to be reported together. */
export interface ReleaseProblems {
  /** Records one problem; the reader that found it goes on. */
  readonly add: ProblemSink;
  /**
   * Refuses the import when anything was recorded: one problem as found, several as one
   * `import_failed` error listing each with its file, line and column.
   */
  throwIfAny(): void;
}

/**
 * Collects the problems of a release across its files, so that one run reports all of them.
 * @example
 * const problems = releaseProblems();
 * for await (const row of readTable(file, spec, problems.add)) check(row);
 * problems.throwIfAny();
 */
export const releaseProblems = (): ReleaseProblems => {
  const kept: AppError[] = [];
  const files = new Set<string>();
  let count = 0;
  return {
    add: (problem) => {
      count += 1;
      for (const detail of problem.details) if (detail.file) files.add(detail.file);
      if (kept.length < KEPT) kept.push(problem);
    },
    throwIfAny: () => {
      if (count === 0) return;
      if (count === 1) throw kept[0]!;
      const details: ProblemDetail[] = kept.flatMap((p) =>
        p.details.length > 0 ? p.details : [{ message: p.message }],
      );
      const where = files.size > 1 ? ` in ${plural(files.size, 'file')}` : '';
      const cut =
        count > kept.length ? ` (the first ${kept.length.toLocaleString('en')} listed)` : '';
      throw new AppError(
        'import_failed',
        `${plural(count, 'problem')}${where} of the release${cut}; nothing was imported`,
        details,
      );
    },
  };
};
