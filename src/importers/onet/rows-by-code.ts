import { importFailed } from '../release/index.js';

export interface Located {
  code: string;
  line: number;
}

/** The rows of one file for one occupation at a time. */
export interface RowsByCode<T extends Located> {
  /** Every row for `code`, in file order. */
  take(code: string): Promise<T[]>;
  /**
   * Stops reading. After a complete join (`finished`), first reports through `onUnclaimed` each
   * code whose rows no `take` asked for.
   */
  close(finished: boolean): Promise<void>;
}

/**
 * Merge-join side of a file sorted by code: holds only the rows of the current code, so memory
 * stays flat. `take` must be called with ascending codes, as the occupation file lists them.
 * @example const tasks = sortedRows(readTasks(), file, skip); await tasks.take('11-1011.00');
 */
export const sortedRows = <T extends Located>(
  rows: AsyncIterable<T>,
  file: string,
  onUnclaimed: (code: string) => void,
): RowsByCode<T> => {
  const iterator = rows[Symbol.asyncIterator]();
  let pending: T | undefined;
  let started = false;
  let lastCode = '';
  let lastUnclaimed = '';

  const advance = async (): Promise<void> => {
    const next = await iterator.next();
    pending = next.done ? undefined : next.value;
    if (!pending) return;
    if (pending.code < lastCode) {
      throw importFailed(
        { file, line: pending.line, column: 1 },
        `code ${pending.code} comes after ${lastCode}; the file must stay sorted by O*NET-SOC code while it is read`,
      );
    }
    lastCode = pending.code;
  };

  const unclaimed = (code: string) => {
    if (code !== lastUnclaimed) onUnclaimed(code);
    lastUnclaimed = code;
  };

  return {
    async take(code) {
      if (!started) {
        started = true;
        await advance();
      }
      while (pending && pending.code < code) {
        unclaimed(pending.code);
        await advance();
      }
      const found: T[] = [];
      while (pending?.code === code) {
        found.push(pending);
        await advance();
      }
      return found;
    },
    async close(finished) {
      if (finished) {
        if (!started) await advance();
        started = true;
        while (pending) {
          unclaimed(pending.code);
          await advance();
        }
      }
      await iterator.return?.();
    },
  };
};

/**
 * Fallback for a file that is not sorted by code: every row is grouped in memory first, so the
 * join still works whatever the order, at the cost of holding the file.
 */
export const groupedRows = async <T extends Located>(
  rows: AsyncIterable<T>,
  onUnclaimed: (code: string) => void,
): Promise<RowsByCode<T>> => {
  const groups = new Map<string, T[]>();
  for await (const row of rows) {
    const group = groups.get(row.code);
    if (group) group.push(row);
    else groups.set(row.code, [row]);
  }
  return {
    take(code) {
      const found = groups.get(code) ?? [];
      groups.delete(code);
      return Promise.resolve(found);
    },
    close(finished) {
      if (finished) for (const code of groups.keys()) onUnclaimed(code);
      groups.clear();
      return Promise.resolve();
    },
  };
};
