const NONE = new Int32Array(0);

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

  /** The key's list, oldest value first; empty when nothing was pushed to it. */
  get(key: number): Int32Array {
    const flat = this.flatList(key);
    const list = this.pushed.get(key);
    if (list === undefined) return flat;
    const all = new Int32Array(flat.length + list.length);
    all.set(flat);
    all.set(list, flat.length);
    return all;
  }

  private flatList(key: number): Int32Array {
    const { keys } = this;
    let low = 0;
    let high = keys.length - 1;
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
    return Object.assign(new KeyedLists(), state);
  }
}
