import { describe, expect, it } from 'vitest';
import { TitleRecords } from './title-records.js';

describe('TitleRecords', () => {
  it('starts with every score at zero', () => {
    const records = new TitleRecords(8);
    for (let title = 0; title < records.capacity; title++) expect(records.score(title)).toBe(0);
  });

  it('keeps score, norm, role and head of neighbouring titles apart', () => {
    const records = new TitleRecords(4);
    for (let title = 0; title < 4; title++) {
      records.setNorm(title, 10 + title);
      records.setRole(title, 100 + title);
      records.setHead(title, 1000 + title);
    }
    records.addScore(1, 0.25);
    records.addScore(2, -7.5);
    for (let title = 0; title < 4; title++) {
      expect(records.norm(title)).toBe(10 + title);
      expect(records.role(title)).toBe(100 + title);
      expect(records.head(title)).toBe(1000 + title);
    }
    expect([0, 1, 2, 3].map((title) => records.score(title))).toEqual([0, 0.25, -7.5, 0]);
  });

  it('adds to a score, returning what it was, and takes it back to zero', () => {
    const records = new TitleRecords(2);
    expect(records.addScore(1, 0.5)).toBe(0);
    expect(records.addScore(1, 0.25)).toBe(0.5);
    expect(records.takeScore(1)).toBe(0.75);
    expect(records.score(1)).toBe(0);
    records.addScore(0, 3);
    records.clearScore(0);
    expect(records.score(0)).toBe(0);
  });

  it('keeps a norm as float32', () => {
    const records = new TitleRecords(1);
    records.setNorm(0, Math.PI);
    expect(records.norm(0)).toBe(Math.fround(Math.PI));
  });

  it('keeps every record when it grows', () => {
    const records = new TitleRecords(2);
    records.setNorm(1, 2.5);
    records.setRole(1, 7);
    records.setHead(1, 9);
    records.addScore(1, 1.5);
    records.grow(3);
    expect(records.capacity).toBeGreaterThanOrEqual(4);
    expect([records.norm(1), records.role(1), records.head(1), records.score(1)]).toEqual([
      2.5, 7, 9, 1.5,
    ]);
    expect(records.score(3)).toBe(0);
    records.setRole(3, 4);
    expect(records.role(3)).toBe(4);
  });

  it('does not shrink', () => {
    const records = new TitleRecords(16);
    records.grow(4);
    expect(records.capacity).toBe(16);
  });
});
