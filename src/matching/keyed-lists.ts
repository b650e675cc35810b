const NONE = new Int32Array(0);

/** How many high bits of a key (above its lowest) the bucket table tells apart: 2^16 buckets. */
const BUCKET_BITS = 16;

/**
 * Lists of integers by integer key. A snapshot holds them as three flat arrays (the keys
 * sorted, where each key's list ends, every list one after another), which loading takes as
 * they are: tens of thousands of small lists would otherwise each be an object to deserialize
 * and later to collect. Lists pushed to since (while an index is built, or patched after
 * loading) live in a Map beside the flat arrays until the next snapshot merges them in.
 */
export class KeyedLists {
  private keys = NONE;
  private ends = NONE;
  private values = NONE;
  private readonly pushed = new Map<number, number[]>();
  /**
   * Where the keys of each bucket start among the sorted keys: a key's bucket is its distance
   * from the lowest key over `scale`. A typo's look-up asks for each of its deletions, and a
   * binary search over all the keys (some 100,000 for O*NET) missed the cache at nearly every
   * step; within a bucket it takes one or two.
   */
  private buckets = NONE;
  private lowest = 0;
  private scale = 1;

  /** Appends the value to the key's list, unless the list already ends in it. */
  push(key: number, value: number): void {
    const list = this.pushed.get(key);
    if (list !== undefined) {
      if (list[list.length - 1] !== value) list.push(value);
      return;
    }
    const flat = this.flatList(key);
    if (flat[flat.length - 1] !== value) this.pushed.set(key, [value]);
  }

  /**
   * The key's list, oldest value first; empty when nothing was pushed to it. Not to be
   * changed: it may be the list pushes extend.
   */
  get(key: number): Int32Array | readonly number[] {
    const flat = this.flatList(key);
    const list = this.pushed.get(key);
    if (list === undefined) return flat;
    // An index built rather than loaded holds every list here: copying the list on each
    // look-up cost a typo search an allocation per deletion key and per trigram.
    if (flat.length === 0) return list;
    const all = new Int32Array(flat.length + list.length);
    all.set(flat);
    all.set(list, flat.length);
    return all;
  }

  private flatList(key: number): Int32Array {
    const { keys, buckets } = this;
    const bucket = Math.floor((key - this.lowest) / this.scale);
    if (!(bucket >= 0 && bucket < buckets.length - 1)) return NONE;
    let low = buckets[bucket] as number;
    let high = (buckets[bucket + 1] as number) - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = keys[middle] as number;
      if (found < key) low = middle + 1;
      else if (found > key) high = middle - 1;
      else {
        return this.values.subarray(middle === 0 ? 0 : this.ends[middle - 1], this.ends[middle]);
      }
    }
    return NONE;
  }

  /** Every list as the three flat arrays, the pushed ones merged in. */
  toState(): object {
    const keys = Int32Array.from(new Set([...this.keys, ...this.pushed.keys()])).sort();
    const ends = new Int32Array(keys.length);
    const lists = Array.from(keys, (key) => this.get(key));
    const values = new Int32Array(lists.reduce((total, list) => total + list.length, 0));
    let at = 0;
    lists.forEach((list, i) => {
      values.set(list, at);
      at += list.length;
      ends[i] = at;
    });
    return { keys, ends, values };
  }

  /** Lists holding what toState() took. */
  static fromState(state: object): KeyedLists {
    const lists = Object.assign(new KeyedLists(), state);
    lists.fillBuckets();
    return lists;
  }

  /** The bucket table of the flat keys (see buckets), made once they are loaded. */
  private fillBuckets(): void {
    const { keys } = this;
    if (keys.length === 0) return;
    this.lowest = keys[0] as number;
    const span = (keys[keys.length - 1] as number) - this.lowest;
    while (span / this.scale >= 2 ** BUCKET_BITS) this.scale *= 2;
    const count = Math.floor(span / this.scale) + 1;
    const buckets = new Int32Array(count + 1);
    let bucket = 0;
    for (let i = 0; i < keys.length; i++) {
      const of = Math.floor(((keys[i] as number) - this.lowest) / this.scale);
      while (bucket <= of) buckets[bucket++] = i;
    }
    while (bucket <= count) buckets[bucket++] = keys.length;
    this.buckets = buckets;
  }
}
