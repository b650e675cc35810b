import { describe, expect, it } from 'vitest';
import { KeyedLists } from './keyed-lists.js';

const listsOf = (lists: KeyedLists, keys: number[]): number[][] =>
  keys.map((key) => [...lists.get(key)]);

describe('KeyedLists', () => {
  it('give each key its values in the order pushed, and nothing for a key never pushed to', () => {
    const lists = new KeyedLists();
    lists.push(7, 3);
    lists.push(-2, 1);
    lists.push(7, 5);
    expect(listsOf(lists, [7, -2, 4])).toEqual([[3, 5], [1], []]);
  });

  it('keep a value once when it is pushed twice in a row', () => {
    const lists = new KeyedLists();
    lists.push(1, 4);
    lists.push(1, 4);
    lists.push(1, 6);
    lists.push(1, 4);
    expect(listsOf(lists, [1])).toEqual([[4, 6, 4]]);
  });

  it('hold the same lists after a snapshot, and take pushes after it', () => {
    const lists = new KeyedLists();
    for (let key = 0; key < 50; key++) lists.push(key * 37, key);
    lists.push(0, 100);
    const loaded = KeyedLists.fromState(lists.toState());
    loaded.push(37, 1);
    loaded.push(37, 200);
    loaded.push(5, 300);
    expect(listsOf(loaded, [0, 37, 5, 74, 38])).toEqual([[0, 100], [1, 200], [300], [2], []]);
    const again = KeyedLists.fromState(loaded.toState());
    expect(listsOf(again, [0, 37, 5, 74, 38])).toEqual(listsOf(loaded, [0, 37, 5, 74, 38]));
  });

  it('find each key after a snapshot however widely the keys are spread', () => {
    const lists = new KeyedLists();
    const keys = [-(2 ** 31), -5, 0, 1, 2 ** 20, 2 ** 20 + 1, 2 ** 31 - 1];
    keys.forEach((key, i) => lists.push(key, i));
    const loaded = KeyedLists.fromState(lists.toState());
    expect(listsOf(loaded, keys)).toEqual(keys.map((_, i) => [i]));
    expect(listsOf(loaded, [-4, 2, 2 ** 20 + 2, 2 ** 31 - 2])).toEqual([[], [], [], []]);
  });
});
