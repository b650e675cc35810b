import { describe, expect, it } from 'vitest';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { TermSpotter } from './term-spotter.js';

const spotter = TermSpotter.build([
  makeTerm('ci-cd', 'CI/CD', { aliases: ['build pipeline'], examples: ['jenkins'] }),
  makeTerm('data-pipeline', 'Data Pipeline', {
    aliases: ['data pipelines'],
    examples: ['azure-data-factory'],
  }),
  makeTerm('jenkins', 'Jenkins', { category: 'tool' }),
  makeTerm('azure-data-factory', 'Azure Data Factory', { category: 'tool' }),
  makeTerm('salesforce', 'Salesforce', { category: 'tool' }),
]);

const found = (text: string) => spotter.spot(text).map((h) => `${h.slug}:${h.text}`);

const cases = [
  {
    behaviour: 'reads the kind of pipeline the tool right before it builds',
    text: 'Deploy to AWS via Jenkins pipelines.',
    terms: ['jenkins:Jenkins', 'ci-cd:pipelines'],
  },
  {
    behaviour: 'reads the kind of pipeline from the tool it is built in',
    text: 'Look after batch pipelines in Azure Data Factory.',
    terms: ['data-pipeline:pipelines', 'azure-data-factory:Azure Data Factory'],
  },
  {
    behaviour: 'reads no kind into a pipeline named as the place other work runs',
    text: 'Run the regression suite in our Jenkins pipeline on every merge.',
    terms: ['jenkins:Jenkins'],
  },
  {
    behaviour: 'reads no kind beside a tool that builds no pipeline',
    text: 'Keep the sales pipeline in Salesforce up to date.',
    terms: ['salesforce:Salesforce'],
  },
  {
    behaviour: 'reads no kind into a pipeline with no tool beside it',
    text: 'Build a healthy pipeline of leads with Jenkins later on.',
    terms: ['jenkins:Jenkins'],
  },
  {
    behaviour: 'reads no pipeline term in a pipeline of what it carries',
    text: 'Build pipelines of strong candidates through sourcing.',
    terms: [],
  },
];

describe('a bare pipeline beside a tool', () => {
  it.each(cases)('$behaviour', ({ text, terms }) => {
    expect(found(text)).toEqual(terms);
  });
});
