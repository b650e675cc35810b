import { describe, expect, it } from 'vitest';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { familiesOf, withFamilyNames } from './family-names.js';

const families = familiesOf([
  makeTerm('linux', 'Linux', { category: 'platform', examples: ['rhel'] }),
  makeTerm('aws', 'Amazon Web Services', {
    abbreviations: ['AWS'],
    category: 'cloud',
    examples: ['aws-lambda'],
  }),
  makeTerm('github', 'GitHub', { category: 'platform', examples: ['github-actions'] }),
  makeTerm('devops', 'DevOps', { category: 'practice', examples: ['ci-cd'] }),
]);

const slugsOf = (slug: string, text: string) =>
  withFamilyNames([{ start: 0, end: text.length, text, slug }], families).map((m) => m.slug);

describe('withFamilyNames', () => {
  it('reads the platform a product’s name ends with', () => {
    expect(slugsOf('rhel', 'Red Hat Enterprise Linux')).toEqual(['rhel', 'linux']);
  });

  it('reads the cloud a service’s name opens with', () => {
    expect(slugsOf('aws-lambda', 'AWS Lambda')).toEqual(['aws-lambda', 'aws']);
  });

  it('reads no platform into a product that only opens with its name', () => {
    expect(slugsOf('github-actions', 'GitHub Actions')).toEqual(['github-actions']);
  });

  it('reads no practice into a product named after it', () => {
    expect(slugsOf('ci-cd', 'Azure DevOps')).toEqual(['ci-cd']);
  });
});
