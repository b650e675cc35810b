import { describe, expect, it } from 'vitest';
import type { TitleSource } from './match.types.js';
import { TitleIndex } from './title-index.js';
import { TitleStore } from './title-store.js';

const MACHINES = ['press', 'lathe', 'crane', 'kiln', 'loom', 'drill'];

/** A role whose name and one alternate title differ only in the head. */
const machineRole = (taxonomy: string, machine: string): TitleSource => ({
  taxonomy,
  code: machine,
  name: `${machine} operator`,
  titles: [`${machine} operative`],
});

/** A role whose name and one alternate title differ only in "worker" and "hand". */
const handRole = (machine: string): TitleSource => ({
  taxonomy: 'esco',
  code: `${machine}-hand`,
  name: `${machine} worker`,
  titles: [`${machine} hand`],
});

const storeOf = (sources: TitleSource[]): TitleStore => {
  const store = new TitleStore();
  for (const source of sources) store.upsert(source);
  return store;
};

/** The words a store takes for the word in a title's head (or before it), as of a refresh. */
const substitutes = (
  store: TitleStore,
  word: string,
  atHead = true,
): Array<[string, number]> | undefined => {
  store.refresh();
  return store
    .substitutesOf(store.tokenIdOf(word) as number, atHead)
    ?.map(({ id, credit }) => [store.wordOf(id) as string, credit]);
};

describe('Word substitutions learned from titles', () => {
  it('takes two words for one another when several roles list titles differing only in them', () => {
    const store = storeOf(MACHINES.slice(0, 3).map((m) => machineRole('esco', m)));
    expect(substitutes(store, 'operative')).toEqual([
      ['operative', 1],
      ['operator', expect.any(Number)],
    ]);
    expect(substitutes(store, 'operator')?.map(([word]) => word)).toEqual([
      'operator',
      'operative',
    ]);
  });

  it('credits a substitute less than the word itself', () => {
    const store = storeOf(MACHINES.slice(0, 3).map((m) => machineRole('esco', m)));
    const credit = substitutes(store, 'operative')?.[1]?.[1] as number;
    expect(credit).toBeGreaterThan(0);
    expect(credit).toBeLessThan(1);
  });

  it('learns nothing in a taxonomy none of whose pairs three roles show', () => {
    const store = storeOf(MACHINES.slice(0, 2).map((m) => machineRole('esco', m)));
    expect(substitutes(store, 'operative')).toBeUndefined();
  });

  it('learns a pair two roles show where three roles show another', () => {
    const store = storeOf([
      ...MACHINES.slice(0, 3).map((m) => machineRole('esco', m)),
      ...MACHINES.slice(0, 2).map(handRole),
    ]);
    expect(substitutes(store, 'hand')?.map(([word]) => word)).toEqual(['hand', 'worker']);
  });

  it('learns nothing from a pair only one role shows', () => {
    const store = storeOf([
      ...MACHINES.slice(0, 3).map((m) => machineRole('esco', m)),
      handRole('press'),
    ]);
    expect(substitutes(store, 'hand')).toBeUndefined();
  });

  it('learns the substitutes of a head apart from those of the same word before a head', () => {
    const store = storeOf([
      ...MACHINES.slice(0, 3).map((m) => ({
        taxonomy: 'esco',
        code: `${m}-assistant`,
        name: `${m} assistant`,
        titles: [`${m} clerk`],
      })),
      ...MACHINES.slice(0, 3).map((m) => ({
        taxonomy: 'esco',
        code: `${m}-trainee`,
        name: `assistant ${m} fitter`,
        titles: [`trainee ${m} fitter`],
      })),
    ]);
    expect(substitutes(store, 'assistant')?.map(([word]) => word)).toEqual(['assistant', 'clerk']);
    expect(substitutes(store, 'assistant', false)?.map(([word]) => word)).toEqual([
      'assistant',
      'trainee',
    ]);
  });

  it('counts the roles of each taxonomy apart', () => {
    const store = storeOf([
      ...MACHINES.slice(0, 3).map((m) => machineRole('esco', m)),
      handRole('press'),
      { ...handRole('lathe'), taxonomy: 'isco' },
    ]);
    expect(substitutes(store, 'hand')).toBeUndefined();
  });

  it('learns nothing in a taxonomy whose titles mostly differ in words no other role varies', () => {
    const particular = Array.from({ length: 8 }, (_, i) => ({
      taxonomy: 'esco',
      code: `clerk-${i}`,
      name: `${'abcdefgh'[i]}ledger clerk`,
      titles: [`${'abcdefgh'[i]}payroll clerk`],
    }));
    const store = storeOf([
      ...MACHINES.slice(0, 3).map((m) => machineRole('esco', m)),
      ...particular,
    ]);
    expect(substitutes(store, 'operative')).toBeUndefined();
  });

  it('forgets a pair once too few roles show it, and learns it again when one does', () => {
    const store = storeOf(MACHINES.slice(0, 3).map((m) => machineRole('esco', m)));
    store.remove('esco', 'press');
    expect(substitutes(store, 'operative')).toBeUndefined();
    store.upsert(machineRole('esco', 'kiln'));
    expect(substitutes(store, 'operative')?.length).toBe(2);
    store.upsert({ ...machineRole('esco', 'kiln'), titles: [] });
    expect(substitutes(store, 'operative')).toBeUndefined();
  });

  it('counts on from a snapshot as from the roles themselves', () => {
    const loaded = TitleStore.fromState(
      storeOf(MACHINES.slice(0, 2).map((m) => machineRole('esco', m))).toState(),
    );
    expect(substitutes(loaded, 'operative')).toBeUndefined();
    loaded.upsert(machineRole('esco', 'crane'));
    expect(substitutes(loaded, 'operative')).toEqual(
      substitutes(storeOf(MACHINES.slice(0, 3).map((m) => machineRole('esco', m))), 'operative'),
    );
    loaded.remove('esco', 'press');
    expect(substitutes(loaded, 'operative')).toBeUndefined();
  });

  it('puts the substitutes most roles show first, and level ones in the order of their words', () => {
    const store = storeOf([
      ...MACHINES.slice(0, 3).map((m) => machineRole('esco', m)),
      ...MACHINES.slice(0, 4).map((m) => ({
        taxonomy: 'esco',
        code: `${m}-worker`,
        name: `${m} worker`,
        titles: [`${m} operative`, `${m} hand`],
      })),
    ]);
    expect(substitutes(store, 'operative')?.map(([word]) => word)).toEqual([
      'operative',
      'hand',
      'worker',
      'operator',
    ]);
  });
});

describe('TitleIndex with learned substitutions', () => {
  const others = MACHINES.map((m) => machineRole('esco', m));

  it('matches a title listed with a substitute in the place of a word', () => {
    const index = TitleIndex.build([
      ...others,
      { taxonomy: 'esco', code: 'forklift', name: 'Forklift Operator', titles: [] },
    ]);
    const [top] = index.match('Forklift Operative', { minScore: 0 }).matches;
    expect(top).toMatchObject({ code: 'forklift', matchedTitle: 'Forklift Operator' });
  });

  it('ranks the role listing the word itself above the role listing its substitute', () => {
    const index = TitleIndex.build([
      ...others,
      { taxonomy: 'esco', code: 'forklift', name: 'Forklift Operator', titles: [] },
      { taxonomy: 'esco', code: 'forklift-2', name: 'Forklift Operative', titles: [] },
    ]);
    const matches = index.match('Forklift Operative', { minScore: 0 }).matches;
    expect(matches.map((m) => m.code).slice(0, 2)).toEqual(['forklift-2', 'forklift']);
    expect(matches[1]?.score).toBeLessThan(matches[0]?.score as number);
  });

  it('leaves the titles of a taxonomy whose own labels taught nothing as they are', () => {
    const index = TitleIndex.build([
      ...others,
      { taxonomy: 'esco', code: 'forklift', name: 'Forklift Operator', titles: [] },
      { taxonomy: 'acme', code: 'forklift', name: 'Forklift Operator', titles: [] },
    ]);
    const matches = index.match('Forklift Operative', { minScore: 0, top: 20 }).matches;
    const scoreIn = (taxonomy: string) =>
      matches.find((m) => m.taxonomy === taxonomy && m.code === 'forklift')?.score ?? 0;
    expect(scoreIn('esco') - scoreIn('acme')).toBeGreaterThan(0.1);
  });

  it('answers as it did after a trip through a snapshot', () => {
    const index = TitleIndex.build([
      ...others,
      { taxonomy: 'esco', code: 'forklift', name: 'Forklift Operator', titles: [] },
    ]);
    const loaded = TitleIndex.fromSnapshot(index.snapshot()) as TitleIndex;
    expect(loaded.match('Forklift Operative')).toEqual(index.match('Forklift Operative'));
  });
});
