import { describe, expect, it } from 'vitest';
import { readSnapshot, writeSnapshot } from './index-snapshot.js';
import type { MatchOptions, TitleSource } from './match.types.js';
import { TitleIndex } from './title-index.js';
import { TitleStore, type SourceRecord } from './title-store.js';

/** Small, seeded: the same library on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const MODIFIERS = [
  'software',
  'data',
  'network',
  'security',
  'cloud',
  'sales',
  'marketing',
  'clinical',
  'warehouse',
  'field',
  'senior',
  'quality',
  'payroll',
  'retail',
  'research',
];
/** The first is drawn for most titles: more than 400 of them share it, a common word. */
const HEADS = ['manager', 'engineer', 'analyst', 'technician', 'driver', 'operator', 'nurse'];

const next = random(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const title = (): string => {
  const head = next() < 0.55 ? 'manager' : pick(HEADS);
  const modifiers = Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(MODIFIERS));
  return [...modifiers, head].join(' ');
};
const role = (taxonomy: string, n: number, titles = 8): TitleSource => ({
  taxonomy,
  code: `${taxonomy}-${n}`,
  name: `${pick(MODIFIERS)} ${pick(HEADS)} ${n}`,
  titles: Array.from({ length: titles + Math.floor(next() * 6) }, title),
  ...(n % 5 === 0 ? { hiddenTitles: [`${title()} (${pick(MODIFIERS)})`] } : {}),
});

const FIRST_ROLES = Array.from({ length: 70 }, (_, n) => role('onet', n));
const onet = (n: number) => FIRST_ROLES[n] as TitleSource;

/** A change to the roles, or taking the index through a snapshot and back. */
type Change = TitleSource | { remove: [taxonomy: string, code: string] } | 'snapshot';

/**
 * Titles added and taken away, roles added, renamed, emptied and removed, crosswalks to roles
 * indexed later and removed later, a word that leaves the index and comes back, and a snapshot
 * in between.
 */
const CHANGES: Change[] = [
  { ...role('onet', 70), titles: ['zymurgist', 'zymurgist manager'] },
  {
    ...role('rolebook', 1),
    crosswalk: [
      { taxonomy: 'onet', code: 'onet-80' },
      { taxonomy: 'onet', code: 'onet-3' },
    ],
  },
  role('onet', 80),
  { ...onet(4), titles: [] },
  { ...onet(5), titles: [...onet(5).titles, title(), title(), 'payroll analyst'] },
  { remove: ['onet', 'onet-3'] },
  { remove: ['onet', 'onet-70'] },
  role('rolebook', 2, 30),
  'snapshot',
  { ...role('onet', 3), crosswalk: [{ taxonomy: 'rolebook', code: 'rolebook-2' }] },
  { remove: ['onet', 'onet-10'] },
  { ...role('onet', 10), titles: ['zymurgist'] },
  { ...onet(20), name: 'payroll manager' },
];

/**
 * Makes the changes one by one, reading after each so that weights made in one epoch meet the
 * next change; returns what was changed and the roles as they end up.
 */
const changeOneByOne = <T extends Pick<TitleStore, 'upsert' | 'remove'>>(
  start: T,
  reload: (changed: T) => T,
  read: (changed: T) => void,
): { changed: T; roles: TitleSource[] } => {
  const roles = new Map(FIRST_ROLES.map((source) => [`${source.taxonomy}/${source.code}`, source]));
  let changed = start;
  for (const change of CHANGES) {
    if (change === 'snapshot') {
      changed = reload(changed);
    } else if ('remove' in change) {
      changed.remove(...change.remove);
      roles.delete(change.remove.join('/'));
    } else {
      changed.upsert(change);
      roles.set(`${change.taxonomy}/${change.code}`, change);
    }
    read(changed);
  }
  return { changed, roles: [...roles.values()] };
};

const QUERIES = [
  ...Array.from({ length: 24 }, title),
  ...HEADS,
  'Sr. Software Enginer (Remote)',
  'data analyst, payroll',
  'clinical nurse 12',
  'zymurgist',
  'zymurgist manager',
  'quality manager - warehouse',
];
const OPTIONS: MatchOptions[] = [{ top: 100, minScore: 0 }, {}, { taxonomy: 'rolebook' }];

/**
 * Every answer, its matches split in two: the scores rank by rank, and the roles with what
 * matched them, by code. Roles whose evidence is level rank in the order the index met them,
 * which an index changed role by role and one built at once need not share, and the scores
 * ranked step down from one rank to the next even then (SCORE_STEP): so which of two level
 * roles takes which score is no part of the answer compared, and everything else is.
 */
const answers = (index: TitleIndex) =>
  OPTIONS.flatMap((options) =>
    QUERIES.map((query) => {
      const { matches, ...parsed } = index.match(query, options);
      return {
        ...parsed,
        scores: matches.map((m) => m.score),
        roles: matches
          .map(({ score: _score, ...m }) => m)
          .sort((a, b) => a.code.localeCompare(b.code)),
      };
    }),
  );

/**
 * Every weight a store holds, named by role key, title text and word rather than by slot and
 * id (which depend on the order of the changes): per role its crosswalk and per title its norm
 * and listings; per word its weights, its substitutes and, per role using it, its coverage and
 * head share.
 */
const weights = (store: TitleStore) => {
  store.refresh();
  const keyAt = (slot: number) => `${store.roleAt(slot).taxonomy}/${store.roleAt(slot).code}`;
  const roles: Record<string, unknown> = {};
  const words: Record<string, unknown> = {};
  for (let slot = 0; slot < store.roleCapacity; slot++) {
    const record = store.roleAt(slot) as SourceRecord | undefined;
    if (record === undefined) continue;
    roles[keyAt(slot)] = {
      name: record.name,
      crosswalk: [...(store.crosswalkOf(slot) ?? [])].map(keyAt),
      titles: record.titleIds
        .map((id) => ({
          text: store.textOf(id),
          words: [...store.tokensOf(id)].map((token) => store.wordOf(token)).join(' '),
          norm: store.normOf(id),
          listings: store.listingsOf(id),
          hidden: store.isHidden(id),
        }))
        .sort((a, b) => `${a.text} ${a.words}`.localeCompare(`${b.text} ${b.words}`)),
    };
    for (const token of new Set(record.titleIds.flatMap((id) => [...store.tokensOf(id)]))) {
      const word = store.wordOf(token) as string;
      if (word in words) continue;
      const byRole = (pairs: readonly number[], values: Float64Array) =>
        Object.fromEntries(
          Array.from({ length: pairs.length / 2 }, (_, k) => [
            keyAt(pairs[2 * k] as number),
            [pairs[2 * k + 1], values[k]],
          ]),
        );
      words[word] = {
        titles: store.titleDfOf(token),
        titleIdf: store.titleIdfOf(token),
        roleIdf: store.roleIdfOf(token),
        coverage: byRole(store.rolePostingsOf(token), store.coverageOf(token)),
        headShare: byRole(store.headPostingsOf(token), store.headShareOf(token)),
        substitutes: [true, false].map((atHead) =>
          store.substitutesOf(token, atHead)?.map(({ id, credit }) => [store.wordOf(id), credit]),
        ),
      };
    }
  }
  return { roles, words };
};

const storeOf = (sources: Iterable<TitleSource>): TitleStore => {
  const store = new TitleStore();
  for (const source of sources) store.upsert(source);
  return store;
};

describe('TitleIndex changed role by role', () => {
  it('answers every query with the scores of an index built from its final roles', () => {
    const { changed, roles } = changeOneByOne(
      TitleIndex.build(FIRST_ROLES),
      (index) => TitleIndex.fromSnapshot(index.snapshot()) as TitleIndex,
      (index) => QUERIES.forEach((query) => index.match(query)),
    );
    expect(answers(changed)).toEqual(answers(TitleIndex.build(roles)));
  });

  it('holds every weight of a store built from its final roles, to the last bit', () => {
    const { changed, roles } = changeOneByOne(
      storeOf(FIRST_ROLES),
      (store) => TitleStore.fromState(readSnapshot(writeSnapshot(store.toState())) ?? {}),
      weights,
    );
    expect(weights(changed)).toEqual(weights(storeOf(roles)));
  });
});
