import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutOtherVacancies } from './other-vacancies.js';

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutOtherVacancies(text, hitsIn(text, mentions), undefined).map((h) => h.slug);

const featured = 'FEATURED: Data Engineer, Leeds, £60k\nYou will build pipelines in dbt.\n';

describe('withoutOtherVacancies', () => {
  it('drops a term only named in another vacancy with its pay', () => {
    expect(
      kept(`${featured}Also open:\n- SOC Analyst (Splunk, shifts), Bradford, £38k`, [
        ['dbt', 'dbt'],
        ['SOC', 'soc'],
        ['Splunk', 'splunk'],
      ]),
    ).toEqual(['dbt']);
  });

  it('drops a term only named in another vacancy with its place', () => {
    expect(
      kept(`${featured}▸ Data Product Manager, retail, Leeds — Snowflake and Looker stack`, [
        ['dbt', 'dbt'],
        ['Snowflake', 'snowflake'],
        ['Looker', 'looker'],
      ]),
    ).toEqual(['dbt']);
  });

  it('drops a term named in a contractor vacancy at a day rate', () => {
    expect(
      kept(`${featured}- React Native contractor, 6 months, £500/day`, [
        ['dbt', 'dbt'],
        ['React Native', 'react-native'],
      ]),
    ).toEqual(['dbt']);
  });

  it('keeps a term the featured job asks for as well', () => {
    expect(
      kept(`${featured}- Analytics Engineer (dbt, BigQuery), remote, £70k`, [
        ['dbt', 'dbt'],
        ['dbt', 'dbt'],
        ['BigQuery', 'bigquery'],
      ]),
    ).toEqual(['dbt', 'dbt']);
  });

  it('keeps a line that names a job with neither pay nor place', () => {
    expect(
      kept('- Platform Engineer (Kubernetes), with the infrastructure team', [
        ['Kubernetes', 'kubernetes'],
      ]),
    ).toEqual(['kubernetes']);
  });

  it('keeps a line that opens with a skill rather than a job', () => {
    expect(kept('- Kubernetes, in London, £500/day', [['Kubernetes', 'kubernetes']])).toEqual([
      'kubernetes',
    ]);
  });

  it("keeps the posting's own title line", () => {
    const text = 'Salesforce Developer, Bristol, £65k\nJoin our team.';
    const title = { text: 'Salesforce Developer, Bristol, £65k', start: 0, end: 35 };
    const hits = hitsIn(text, [['Salesforce', 'salesforce']]);
    expect(withoutOtherVacancies(text, hits, title).map((h) => h.slug)).toEqual(['salesforce']);
  });

  it('drops a term only named where the agency says which roles it places', () => {
    expect(
      kept(
        `${featured}ABOUT US\nCodeBridge has placed 2,000 people since 2011 across Android, Java and DevOps roles. We recruit Salesforce Developers and Scrum Masters.`,
        [
          ['dbt', 'dbt'],
          ['Android', 'android'],
          ['Java', 'java'],
          ['DevOps', 'devops'],
          ['Salesforce', 'salesforce'],
          ['Scrum', 'scrum'],
        ],
      ),
    ).toEqual(['dbt']);
  });

  it('keeps what the hire will recruit or place', () => {
    expect(
      kept('You will recruit participants for usability testing through our panel.', [
        ['usability testing', 'usability-testing'],
      ]),
    ).toEqual(['usability-testing']);
  });
});
