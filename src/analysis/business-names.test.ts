import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutBusinessNames } from './business-names.js';

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutBusinessNames(text, hitsIn(text, mentions)).map((h) => h.slug);

describe('withoutBusinessNames', () => {
  it("drops a term that opens the business's name", () => {
    expect(
      kept('Shift lead at Snowflake Gelato. Snowflake is busy.', [['Snowflake', 'snowflake']]),
    ).toEqual([]);
  });

  it('drops the term where the posting calls the business by it alone', () => {
    expect(
      kept('Apex Roofing fits roofs. Keep the Apex pipeline of enquiries up to date.', [
        ['Apex', 'apex'],
      ]),
    ).toEqual([]);
  });

  it("drops a term before a possessive and the business's next word", () => {
    expect(kept("Mongo's Pizzeria makes pizza.", [['Mongo', 'mongodb']])).toEqual([]);
  });

  it('keeps a term before another term', () => {
    expect(
      kept('Prices kept in Excel Power Query sheets.', [
        ['Excel', 'excel'],
        ['Power Query', 'power-query'],
      ]),
    ).toEqual(['excel', 'power-query']);
  });

  it('keeps a term before a job word', () => {
    expect(kept('Java Developer wanted. Build services.', [['Java', 'java']])).toEqual(['java']);
  });

  it('keeps a term before a word in small letters', () => {
    expect(kept('Build quotes in Excel and our job software.', [['Excel', 'excel']])).toEqual([
      'excel',
    ]);
  });

  it('keeps a term written in capitals', () => {
    expect(kept('Orders go through SAP Business One.', [['SAP', 'sap']])).toEqual(['sap']);
  });

  // A posting of 200 KB can mention one term 18,000 times: looking through the whole text once
  // per mention took minutes and held every analysis queued behind it. The bound is relative (a
  // tenth as many mentions, where the answer is linear, take a tenth of the time), so that a busy
  // machine slows both readings alike; the square would be a hundred times.
  it('reads a term mentioned thousands of times in time that grows with its mentions, not their square', () => {
    const timeToRead = (mentions: number) => {
      const text = 'Kubernetes '.repeat(mentions);
      const hits = Array.from({ length: mentions }, (_, k) => ({
        start: k * 11,
        end: k * 11 + 10,
        text: 'Kubernetes',
        slug: 'kubernetes',
      }));
      const began = performance.now();
      withoutBusinessNames(text, hits);
      return performance.now() - began;
    };
    const tenth = timeToRead(500);
    expect(timeToRead(5_000)).toBeLessThan(Math.max(30 * tenth, 300));
  });
});
