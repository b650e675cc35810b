import { describe, expect, it } from 'vitest';
import type { TitleSource } from './match.types.js';
import { TECHNOLOGY_SCORE } from './technology-title.js';
import { TitleIndex, titleSourceOf } from './title-index.js';

const guide = (
  code: string,
  name: string,
  titles: string[],
  technologies: string[],
): TitleSource => ({ taxonomy: 'rolebook', code, name, titles, technologies });

const index = TitleIndex.build([
  // Indexed first, with as many titles headed "Engineer" as the security engineer among more
  // of other heads.
  guide(
    'support-engineer',
    'Support Engineer',
    ['Technical Support Engineer', 'Escalation Engineer', 'Support Analyst', 'Help Desk Lead'],
    ['Splunk', 'Zendesk'],
  ),
  guide(
    'security-engineer',
    'Security Engineer',
    ['Cloud Security Engineer', 'Detection Engineer', 'Security Architect'],
    ['Splunk', 'CrowdStrike Falcon'],
  ),
  guide(
    'security-analyst',
    'Security Analyst',
    ['SOC Analyst', 'Threat Analyst', 'Cyber Analyst'],
    ['Splunk', 'Microsoft Sentinel'],
  ),
  guide(
    'data-engineer',
    'Data Engineer',
    ['ETL Developer', 'Big Data Engineer', 'Cloud Data Engineer'],
    ['Apache Airflow', 'Google Cloud', 'Java'],
  ),
  guide('backend-developer', 'Backend Developer', ['Java Developer', 'API Developer'], ['Java']),
]);
const top = (title: string) => index.match(title).matches[0];

describe('TitleIndex, titles named by a technology', () => {
  it('reaches the role that lists the technology and has titles with the head', () => {
    expect(top('Sentinel Analyst')?.code).toBe('security-analyst');
  });

  it('says the technology it went through, and scores the role below a title match', () => {
    expect(top('Microsoft Sentinel Analyst')).toMatchObject({
      code: 'security-analyst',
      score: TECHNOLOGY_SCORE,
      matchedTitle: 'Security Analyst',
      matchedTechnology: 'Microsoft Sentinel',
    });
  });

  it('takes the role the title ranks first between roles the head leaves level', () => {
    expect(top('Splunk Engineer')?.code).toBe('security-engineer');
  });

  it('reads an ending of a technology name no title uses as the technology', () => {
    expect(top('Airflow Developer')).toMatchObject({
      code: 'data-engineer',
      matchedTechnology: 'Apache Airflow',
    });
  });

  it('does not read an ending that titles use as the technology', () => {
    expect(top('Cloud Developer')?.matchedTechnology).toBeUndefined();
  });

  it('reads a technology before a field its titles name as the technology', () => {
    expect(top('Airflow Big Engineer')).toMatchObject({
      code: 'data-engineer',
      matchedTechnology: 'Apache Airflow',
    });
  });

  it('reads no technology before a word no title uses', () => {
    expect(top('Airflow Pump Engineer')).toBeUndefined();
  });

  it('refuses a title whose head no role listing the technology uses', () => {
    expect(top('Java Barista')).toBeUndefined();
  });

  it('leaves a title a role lists to that role', () => {
    expect(top('Java Developer')).toMatchObject({ code: 'backend-developer' });
    expect(top('Java Developer')?.matchedTechnology).toBeUndefined();
  });

  it('answers nothing through a technology under a threshold above its score', () => {
    expect(index.match('Splunk Engineer', { minScore: 0.9 }).matches).toEqual([]);
  });

  it('answers only within the taxonomy asked for', () => {
    expect(index.match('Splunk Engineer', { taxonomy: 'onet' }).matches).toEqual([]);
  });

  it('keeps the technologies of curated guides only', () => {
    const role = {
      code: 'x',
      name: 'Data Engineer',
      alternativeTitles: [],
      technologies: [{ name: 'Apache Airflow', category: 'Orchestration' }],
    };
    expect(titleSourceOf({ ...role, taxonomy: 'rolebook' }).technologies).toEqual([
      'Apache Airflow',
    ]);
    expect(titleSourceOf({ ...role, taxonomy: 'onet' }).technologies).toBeUndefined();
  });
});

describe('TitleIndex, titles named by a product one role lists titles of', () => {
  const products = TitleIndex.build([
    guide(
      'systems-administrator',
      'Systems Administrator',
      ['VMware Administrator', 'Linux Engineer'],
      [],
    ),
    guide('security-engineer', 'Security Engineer', ['Security Architect', 'Cyber Officer'], []),
    guide('security-analyst', 'Security Analyst', ['Security Consultant', 'SOC Officer'], []),
  ]);
  const first = (title: string) => products.match(title).matches[0];

  it('reaches the role whose titles name the product, through another of its heads', () => {
    expect(first('VMware Engineer')).toMatchObject({
      code: 'systems-administrator',
      score: TECHNOLOGY_SCORE,
      matchedTechnology: 'VMware',
    });
  });

  it('refuses a head no title of the product owner uses', () => {
    expect(first('VMware Barista')).toBeUndefined();
  });

  it('reads words that begin titles of two roles as a field, not a product', () => {
    expect(first('Security Officer')).toBeUndefined();
  });
});
