import { describe, expect, it } from 'vitest';
import type { MatchOptions, TitleSource } from './match.types.js';
import { indexFormat } from './index-snapshot.js';
import { TitleIndex } from './title-index.js';
import { TitleStore } from './title-store.js';

const ROLES: TitleSource[] = [
  {
    taxonomy: 'onet',
    code: '15-1252.00',
    name: 'Software Developers',
    titles: ['Software Engineer', 'Backend Developer', 'Application Developer'],
    hiddenTitles: ['Softwre Engineer'],
  },
  {
    taxonomy: 'onet',
    code: '15-1242.00',
    name: 'Database Administrators',
    titles: ['Database Administrator (DBA)', 'Oracle Database Administrator'],
  },
  {
    taxonomy: 'onet',
    code: '53-3032.00',
    name: 'Heavy and Tractor-Trailer Truck Drivers',
    titles: ['Truck Driver', 'Long Haul Driver', 'Semi Truck Driver'],
  },
  {
    taxonomy: 'rolebook',
    code: 'data-engineer',
    name: 'Data Engineer',
    titles: ['Big Data Engineer', 'ETL Developer', 'Data Pipeline Engineer'],
    technologies: ['Apache Airflow', 'Snowflake'],
  },
];

const QUERIES = [
  'Sr. Software Engineer - Backend (Remote, US)',
  'softwre enginer',
  'DBA',
  'Oracle DBA II',
  'truck driver, night shift',
  'ETL developper',
  'Big Data Engineer | Spark',
  'Airflow Developer',
  'nothing to see here',
];

const OPTIONS: MatchOptions[] = [{}, { top: 10, minScore: 0 }, { taxonomy: 'rolebook' }];

const answers = (index: TitleIndex) =>
  OPTIONS.flatMap((options) => QUERIES.map((query) => index.match(query, options)));

const loaded = (index: TitleIndex): TitleIndex => {
  const copy = TitleIndex.fromSnapshot(index.snapshot());
  if (copy === undefined) throw new Error('the snapshot was refused');
  return copy;
};

describe('TitleIndex snapshots', () => {
  it('answer every query exactly as the index they were taken from', () => {
    const built = TitleIndex.build(ROLES);
    expect(answers(loaded(built))).toEqual(answers(built));
  });

  it('load from bytes at any offset, as a file read after its header gives them', () => {
    const built = TitleIndex.build(ROLES);
    const afterHeader = Buffer.concat([Buffer.from('key\n'), built.snapshot()]).subarray(4);
    const copy = TitleIndex.fromSnapshot(afterHeader);
    expect(copy && answers(copy)).toEqual(answers(built));
  });

  it('load an index that takes changes as the built one does', () => {
    const built = TitleIndex.build(ROLES);
    const copy = loaded(built);
    for (const index of [built, copy]) {
      index.upsert({
        taxonomy: 'rolebook',
        code: 'platform-engineer',
        name: 'Platform Engineer',
        // More titles than the index has records for: the records grow after loading.
        titles: Array.from({ length: 1_100 }, (_, i) => `Platform Engineer ${i}`),
      });
      index.remove('onet', '15-1242.00');
    }
    expect(answers(copy)).toEqual(answers(built));
    expect(copy.size).toBe(built.size);
    expect(copy.titleCount).toBe(built.titleCount);
  });

  it('bring back every part of the store as the kind of object it was', () => {
    const store = new TitleStore();
    for (const role of ROLES) store.upsert(role);
    const restored = TitleStore.fromState(store.toState()) as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(store)) {
      expect(
        Object.getPrototypeOf(restored[field]) ?? null,
        `TitleStore.${field} after a snapshot`,
      ).toBe(Object.getPrototypeOf(value) ?? null);
    }
  });

  it('are refused when written in an earlier layout by the same code', () => {
    const bytes = Buffer.from(TitleIndex.build(ROLES).snapshot());
    const format = indexFormat();
    const layout = Number(format.split('-')[0]);
    const earlier = Buffer.from(`${layout - 1}-${format.split('-')[1] as string}`);
    expect(earlier.length).toBe(format.length);
    earlier.copy(bytes, 4);
    expect(TitleIndex.fromSnapshot(bytes)).toBeUndefined();
  });

  it('are refused when damaged or written by another engine', () => {
    const bytes = Buffer.from(TitleIndex.build(ROLES).snapshot());
    const otherEngine = Buffer.from(bytes);
    otherEngine[5] = otherEngine[5] === 0x30 ? 0x31 : 0x30;
    expect(TitleIndex.fromSnapshot(otherEngine)).toBeUndefined();
    expect(TitleIndex.fromSnapshot(bytes.subarray(0, bytes.length / 2))).toBeUndefined();
    expect(TitleIndex.fromSnapshot(new Uint8Array(2))).toBeUndefined();
  });
});
