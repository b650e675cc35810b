import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutColleagueFields } from './colleague-fields.js';

const fields = new Set(['machine-learning', 'ux']);

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutColleagueFields(text, hitsIn(text, mentions), (h) => fields.has(h.slug)).map(
    (h) => h.slug,
  );

describe('withoutColleagueFields', () => {
  it('drops a field that only names the people the hire works beside', () => {
    expect(
      kept('Put models in production with the ML engineers (MLflow).', [
        ['ML', 'machine-learning'],
        ['MLflow', 'mlflow'],
      ]),
    ).toEqual(['mlflow']);
  });

  it('keeps a field the posting also asks for in its own words', () => {
    expect(
      kept('Work beside our UX designers. Strong UX skills wanted.', [
        ['UX', 'ux'],
        ['UX', 'ux'],
      ]),
    ).toEqual(['ux', 'ux']);
  });

  it('keeps a field before a team, which names the way of working as often as the people', () => {
    expect(kept('Join the ML team.', [['ML', 'machine-learning']])).toEqual(['machine-learning']);
  });

  it('keeps a technology before colleagues, which is a skill they share with the hire', () => {
    expect(kept('Pair with the MLflow engineers.', [['MLflow', 'mlflow']])).toEqual(['mlflow']);
  });
});
