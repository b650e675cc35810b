/**
 * The JSON lines a worker already wrote, by the title exactly as read. Batches from job boards
 * repeat titles heavily ("Customer Service Representative" hundreds of times in a day's
 * postings), and an index that does not change answers one title the same way every time: the
 * line is a function of the title and the options alone, so a repeat is answered by copying
 * it. Keyed by the whole title, not by what the parser makes of it, as the answer echoes the
 * title and what the parser set aside.
 *
 * Bounded by `limit` lines: when full it is emptied and fills again, so memory stays a few
 * megabytes however long the batch, and a batch without repeats pays one look-up per title.
 */
export class AnswerMemo {
  private readonly lines = new Map<string, string>();

  constructor(private readonly limit: number) {}

  /** The line for the title: the one kept, or `answer`'s, kept for the next time. */
  lineFor(title: string, answer: () => string): string {
    const kept = this.lines.get(title);
    if (kept !== undefined) return kept;
    const line = answer();
    if (this.lines.size >= this.limit) this.lines.clear();
    this.lines.set(title, line);
    return line;
  }

  /** How many lines are kept. */
  get size(): number {
    return this.lines.size;
  }
}
