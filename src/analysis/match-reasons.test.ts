import { describe, expect, it } from 'vitest';
import { matchReason } from './match-reasons.js';

const crashing = { means: 'outages and crashes', said: ['crashing', 'went down'] };
const sale = { means: 'busy periods and scale', said: ['sale'] };

describe('matchReason', () => {
  it('names what was understood, in the problem’s words, and the sign it matches', () => {
    expect(matchReason([crashing, sale], { section: 'sign', name: 'Slow pages and crashes' })).toBe(
      'You described outages and crashes (“crashing”, “went down”) and busy periods and scale (“sale”), which matches the sign “Slow pages and crashes”.',
    );
  });

  it('says a concept alone is work the role is hired for', () => {
    expect(matchReason([crashing], { section: 'concept' })).toBe(
      'You described outages and crashes (“crashing”, “went down”), which matches work this role is hired for.',
    );
  });

  it('leaves out words understood as nothing when a meaning carried the match', () => {
    expect(matchReason([crashing, { said: ['run'] }], { section: 'summary' })).not.toContain('run');
  });

  it('quotes the problem’s words when nothing was understood of them', () => {
    expect(matchReason([{ said: ['website'] }, { said: ['run'] }], { section: 'title' })).toBe(
      'You wrote “website” and “run”, which matches this role’s name.',
    );
  });

  it('quotes a part of the role without its own full stop', () => {
    expect(
      matchReason([sale], { section: 'responsibility', name: 'Keeps the service running.' }),
    ).toMatch(/this role’s work “Keeps the service running”\.$/);
  });
});
