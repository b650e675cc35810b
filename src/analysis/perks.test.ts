import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutPerks } from './perks.js';

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutPerks(text, hitsIn(text, mentions)).map((h) => h.slug);

describe('withoutPerks', () => {
  it('drops a term only named under a benefits heading', () => {
    expect(
      kept('You will write Go.\n\nBenefits\n- GitHub Copilot licences for everyone', [
        ['Go', 'go'],
        ['GitHub', 'github'],
      ]),
    ).toEqual(['go']);
  });

  it('drops a term named in prose right under a perks heading', () => {
    expect(
      kept('You will write Go.\nOur perks\nA Kubernetes cluster for hack days, if you like.', [
        ['Go', 'go'],
        ['Kubernetes', 'kubernetes'],
      ]),
    ).toEqual(['go']);
  });

  it('drops a term named in a perks list whose items open with emoji', () => {
    expect(
      kept(
        'Run the bakery.\n\nWhat you get:\n💷 £38k + tips\n💻 everyone on Slack, recipes in Notion',
        [['Slack', 'slack']],
      ),
    ).toEqual([]);
  });

  it('keeps a term named under the next heading', () => {
    expect(
      kept('What we offer\n- A MacBook Pro\n\nRequirements\n- Kubernetes in production', [
        ['Kubernetes', 'kubernetes'],
      ]),
    ).toEqual(['kubernetes']);
  });

  it('keeps a term in a paragraph after the perks and a blank line', () => {
    expect(
      kept('Perks\n- Apple hardware\n\nNo cover letter needed! Send a link to your GitHub.', [
        ['GitHub', 'github'],
      ]),
    ).toEqual(['github']);
  });

  it('keeps a term the job asks for as well as gives', () => {
    expect(
      kept('Run our Kubernetes clusters.\nBenefits\n- A Kubernetes cluster for hack days', [
        ['Kubernetes', 'kubernetes'],
        ['Kubernetes', 'kubernetes'],
      ]),
    ).toEqual(['kubernetes', 'kubernetes']);
  });
});
