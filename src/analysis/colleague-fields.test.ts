import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutColleagueFields } from './colleague-fields.js';

const fields = new Set(['machine-learning', 'ux', 'quality-assurance']);

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

  it("drops a field that only names a post, the job itself or a colleague's", () => {
    expect(
      kept('QA Engineer (Manual). Report to the QA Lead and work with our UX designer.', [
        ['QA', 'quality-assurance'],
        ['QA', 'quality-assurance'],
        ['UX', 'ux'],
      ]),
    ).toEqual([]);
  });

  it("leaves a field in the title line to the title's own rules", () => {
    const text = 'GRC Analyst\nKeep the risk register.';
    const hits = hitsIn(text, [['GRC', 'grc']]);
    expect(
      withoutColleagueFields(text, hits, () => true, {
        start: 0,
        end: 11,
        text: 'GRC Analyst',
      }).map((h) => h.slug),
    ).toEqual(['grc']);
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
