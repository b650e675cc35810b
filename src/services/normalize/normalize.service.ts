import { AppError, titleProblem, type ErrorCode } from '../../domain/index.js';
import type { MatchOptions, TitleIndex, TitleMatchResult } from '../../matching/index.js';
import type { RoleTitleIndex } from './role-title-index.js';

export type NormalizeOptions = MatchOptions;

export type NormalizeItem =
  TitleMatchResult | { input: string; error: { code: ErrorCode; message: string } };

/** Normalizes one title; a title that cannot be read is a `validation_failed` naming why. */
export const normalizeTitle = async (
  titles: RoleTitleIndex,
  title: string,
  options: NormalizeOptions = {},
): Promise<TitleMatchResult> => {
  const problem = titleProblem(title);
  if (problem)
    throw new AppError('validation_failed', problem, [{ field: 'title', message: problem }]);
  return (await titles.get()).match(title, options);
};

/** One item of a batch: a bad title becomes that item's error, never the batch's. */
export const normalizeItem = (
  index: TitleIndex,
  title: unknown,
  options: NormalizeOptions,
): NormalizeItem => {
  if (typeof title !== 'string') {
    return {
      input: String(title),
      error: { code: 'validation_failed', message: 'the title is not a string' },
    };
  }
  const problem = titleProblem(title);
  return problem
    ? { input: title, error: { code: 'validation_failed', message: problem } }
    : index.match(title, options);
};

export const normalizeBatch = async (
  titles: RoleTitleIndex,
  inputs: readonly unknown[],
  options: NormalizeOptions = {},
): Promise<NormalizeItem[]> => {
  const index = await titles.get();
  return inputs.map((title) => normalizeItem(index, title, options));
};
