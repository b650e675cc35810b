import { AppError, titleProblem } from '../../domain/index.js';
import { findTaxonomy, type Store } from '../../store/index.js';
import type { TitleIndex, TitleMatchResult } from '../../matching/index.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unknownTaxonomy } from '../taxonomy.service.js';
import type { DerivedView } from '../derived/index.js';
import {
  normalizeItem,
  normalizeLine,
  type NormalizeItem,
  type NormalizeOptions,
} from './normalize-line.js';
import { titleOfLine, type InputLine, type LineFormat } from './title-lines.js';

/**
 * Normalizes one title; a title that cannot be read is a `validation_failed` naming why, under
 * `field`: the name the title was sent by (`query.title` to an API client, `title` in a form).
 */
export const normalizeTitle = async (
  titles: DerivedView<TitleIndex>,
  title: string,
  options: NormalizeOptions = {},
  field = 'title',
): Promise<TitleMatchResult> => {
  const problem = titleProblem(title);
  if (problem) throw new AppError('validation_failed', problem, [{ field, message: problem }]);
  return (await titles.get()).match(title, options);
};

/**
 * Fails with `not_found` when the options name a taxonomy that does not exist: an empty answer
 * would read as "no role matched".
 */
export const requireTaxonomy = async (
  ctx: { store: Store },
  options: NormalizeOptions,
): Promise<void> => {
  const { taxonomy } = options;
  if (taxonomy !== undefined && !(await findTaxonomy(ctx.store.db, taxonomy))) {
    throw await unknownTaxonomy(ctx.store.db, taxonomy);
  }
};

/**
 * The longest a stream of titles works before it lets other requests run. A stream is matched
 * on the thread that serves everyone, so without the pause one large upload would hold every
 * other request (and the health check) until it ended.
 */
const STREAM_SLICE_MS = 5;

/** Tells a loop on the shared thread when it has worked a slice and should let others run. */
export const sliceClock = () => {
  let start = performance.now();
  return {
    due: (): boolean => performance.now() - start >= STREAM_SLICE_MS,
    async pause(): Promise<void> {
      await nextTurn();
      start = performance.now();
    },
  };
};

/**
 * Normalizes lines as they arrive, one JSON result line per input line, in input order; the
 * results of each chunk read come out together, so a client that sends a few titles at a time
 * gets their answers at once.
 */
export async function* normalizeLines(
  index: TitleIndex,
  batches: AsyncIterable<InputLine[]>,
  format: LineFormat,
  options: NormalizeOptions,
): AsyncGenerator<string> {
  const clock = sliceClock();
  for await (const batch of batches) {
    let out = '';
    for (const line of batch) {
      out += `${JSON.stringify(normalizeLine(index, titleOfLine(line, format), options))}\n`;
      if (!clock.due()) continue;
      yield out;
      out = '';
      await clock.pause();
    }
    if (out) yield out;
  }
}

export const normalizeBatch = async (
  titles: DerivedView<TitleIndex>,
  inputs: readonly unknown[],
  options: NormalizeOptions = {},
): Promise<NormalizeItem[]> => {
  const index = await titles.get();
  return inputs.map((title) => normalizeItem(index, title, options));
};
