/*
 * Offsets into the record, in the unit of the view that reads them. Only this file uses them.
 */
/** Record stride in float64 slots (16 bytes). */
const WIDE_STRIDE = 2;
/** Record stride in 32-bit slots (16 bytes). */
const NARROW_STRIDE = 4;
/** The running score: float64 slot 0 (bytes 0–7). */
const SCORE = 0;
/** The norm: 32-bit slot 2 (bytes 8–11), float32. */
const NORM = 2;
/** The role slot: 32-bit slot 3 (bytes 12–15), int32. */
const ROLE = 3;

/**
 * Every title's record, by title id: what a query reads and writes of a title, packed.
 *
 * The layout is a contract with the hot loops, which rely on it for speed; nothing outside
 * this class computes an offset into it.
 *
 * | bytes | field | type    | written by                                          | read by          |
 * | ----- | ----- | ------- | --------------------------------------------------- | ---------------- |
 * | 0–7   | score | float64 | QueryScorer, during a query                         | QueryScorer      |
 * | 8–11  | norm  | float32 | TitleStore.refresh (the title's weight)             | scorer and store |
 * | 12–15 | role  | int32   | TitleStore, when the title is added                 | scorer and store |
 *
 * - 16 bytes a title, so a title's record sits in one cache line and the records of a whole
 *   O*NET release (about 45,000 titles, 720 KB) fit in a core's cache: the scorer visits
 *   titles in no useful order. Float32 keeps a norm to seven digits, finer than any difference
 *   between two titles that matters (a norm reads back as Math.fround of what was written).
 * - The head (the title's last token) is read rarely and lives apart, in its own array, so it
 *   does not widen the record.
 * - The score is 0 between queries. A query adds to the scores of the titles it touches
 *   (addScore; a title whose score was 0 is newly touched) and must take every one of them
 *   back to 0 (takeScore, or clearScore when a query stops midway) before it ends. The store's
 *   one QueryScorer is the only writer and holds this in rank()'s finally.
 * - A freed title id keeps its old norm, role and head until it is reused; only live titles
 *   are read.
 * - grow() keeps every record. The arrays are private, so nobody holds a view that growing
 *   replaced.
 */
export class TitleRecords {
  /** The records as float64 slots: the score. */
  private wide: Float64Array;
  /** The same memory as 32-bit float slots: the norm. */
  private narrowFloats: Float32Array;
  /** The same memory as 32-bit integer slots: the role. */
  private narrowInts: Int32Array;
  /** Per title, its head token. */
  private heads: Int32Array;

  constructor(capacity = 1024) {
    this.wide = new Float64Array(capacity * WIDE_STRIDE);
    this.narrowFloats = new Float32Array(this.wide.buffer);
    this.narrowInts = new Int32Array(this.wide.buffer);
    this.heads = new Int32Array(capacity);
  }

  /** The records as plain data for a snapshot: the narrow views are remade from `wide`. */
  toState(): object {
    return { wide: this.wide, heads: this.heads };
  }

  /** Records holding what toState() took, every view over the one memory again. */
  static fromState(state: object): TitleRecords {
    const records = Object.assign(new TitleRecords(0), state);
    records.narrowFloats = new Float32Array(records.wide.buffer);
    records.narrowInts = new Int32Array(records.wide.buffer);
    return records;
  }

  /** How many title ids have a record. */
  get capacity(): number {
    return this.heads.length;
  }

  /** Makes room for title ids below `size`, at least doubling, keeping every record. */
  grow(size: number): void {
    if (this.heads.length >= size) return;
    const capacity = Math.max(size, this.heads.length * 2);
    const wide = new Float64Array(capacity * WIDE_STRIDE);
    wide.set(this.wide);
    this.wide = wide;
    this.narrowFloats = new Float32Array(wide.buffer);
    this.narrowInts = new Int32Array(wide.buffer);
    const heads = new Int32Array(capacity);
    heads.set(this.heads);
    this.heads = heads;
  }

  /** The title's score in the current query; 0 between queries and for untouched titles. */
  score(title: number): number {
    return this.wide[title * WIDE_STRIDE + SCORE] as number;
  }

  /** Adds to the title's score; returns the score before, 0 the first time a query adds. */
  addScore(title: number, amount: number): number {
    const at = title * WIDE_STRIDE + SCORE;
    const before = this.wide[at] as number;
    this.wide[at] = before + amount;
    return before;
  }

  /** The title's score, which this sets back to 0. */
  takeScore(title: number): number {
    const at = title * WIDE_STRIDE + SCORE;
    const score = this.wide[at] as number;
    this.wide[at] = 0;
    return score;
  }

  /** Sets the title's score back to 0. */
  clearScore(title: number): void {
    this.wide[title * WIDE_STRIDE + SCORE] = 0;
  }

  /** The title's weight: the sum of its tokens' weights, the head's boosted (as float32). */
  norm(title: number): number {
    return this.narrowFloats[title * NARROW_STRIDE + NORM] as number;
  }

  setNorm(title: number, norm: number): void {
    this.narrowFloats[title * NARROW_STRIDE + NORM] = norm;
  }

  /** The slot of the role the title belongs to. */
  role(title: number): number {
    return this.narrowInts[title * NARROW_STRIDE + ROLE] as number;
  }

  setRole(title: number, slot: number): void {
    this.narrowInts[title * NARROW_STRIDE + ROLE] = slot;
  }

  /** The title's last token, its head noun. */
  head(title: number): number {
    return this.heads[title] as number;
  }

  setHead(title: number, token: number): void {
    this.heads[title] = token;
  }
}
