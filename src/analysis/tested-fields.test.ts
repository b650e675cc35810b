import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutTestedFields } from './tested-fields.js';

const fields = new Set(['ui', 'regression-analysis']);

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutTestedFields(text, hitsIn(text, mentions), (h) => fields.has(h.slug)).map((h) => h.slug);

describe('withoutTestedFields', () => {
  it('drops a field that only names what a kind of test exercises', () => {
    expect(kept('Write unit tests and UI tests.', [['UI', 'ui']])).toEqual([]);
  });

  it('drops a field joined by "and" to another abbreviation before the tests', () => {
    expect(kept('Automate UI and API tests.', [['UI', 'ui']])).toEqual([]);
  });

  it('keeps a field joined by "and" to a word in small letters, a second skill', () => {
    expect(
      kept('Regression analysis and hypothesis testing.', [
        ['Regression analysis', 'regression-analysis'],
      ]),
    ).toEqual(['regression-analysis']);
  });

  it('keeps a field the posting also asks for in its own words', () => {
    expect(
      kept('Write UI tests. Strong UI skills wanted.', [
        ['UI', 'ui'],
        ['UI', 'ui'],
      ]),
    ).toEqual(['ui', 'ui']);
  });

  it('keeps what is not a field, which is a skill the tests need', () => {
    expect(kept('Write Jest tests.', [['Jest', 'jest']])).toEqual(['jest']);
  });
});
