import { printable, titleProblem, type ErrorCode } from '../../domain/index.js';
import type { MatchOptions, TitleIndex, TitleMatchResult } from '../../matching/index.js';
import { titleOfItem, type TitleLine } from './title-lines.js';

/*
 * Answering one title of a batch. Kept apart from the services that read the store, because
 * worker threads load it: a worker then loads the engine and no database driver.
 */

export type NormalizeOptions = MatchOptions;

export type NormalizeItem =
  TitleMatchResult | { input: string; error: { code: ErrorCode; message: string } };

/** How much of a batch item that holds no title is echoed back in its error, in characters. */
const ECHO_CHARACTERS = 120;

/**
 * A batch item that holds no title, as it was sent: as JSON, so `["qa"]` does not read as the
 * title "qa" refused, and cut short like an unreadable line of a stream.
 */
const echoOf = (item: unknown): string => {
  const characters = [...JSON.stringify(item)];
  const echo = characters.slice(0, ECHO_CHARACTERS).join('');
  return printable(characters.length > ECHO_CHARACTERS ? `${echo}…` : echo);
};

/** One item of a batch: a bad title becomes that item's error, never the batch's. */
export const normalizeItem = (
  index: TitleIndex,
  item: unknown,
  options: NormalizeOptions,
): NormalizeItem => {
  const found = titleOfItem(item);
  if ('problem' in found) {
    return { input: echoOf(item), error: { code: 'validation_failed', message: found.problem } };
  }
  const { title } = found;
  if (typeof title !== 'string') {
    return {
      input: echoOf(item),
      error: {
        code: 'validation_failed',
        message: 'the title is not a string or an object with a string "title"',
      },
    };
  }
  const problem = titleProblem(title);
  return problem
    ? { input: printable(title), error: { code: 'validation_failed', message: problem } }
    : index.match(title, options);
};

/** One line of a batch: a line that could not be read is answered with its problem. */
export const normalizeLine = (
  index: TitleIndex,
  line: TitleLine,
  options: NormalizeOptions,
): NormalizeItem =>
  typeof line === 'string'
    ? normalizeItem(index, line, options)
    : { input: printable(line.input), error: { code: line.code, message: line.problem } };
