import { describe, expect, it } from 'vitest';
import { miniRoles } from '../../test/fixtures/analysis/mini-library.js';
import { matchTitleToRoles } from './title-match.js';

const match = matchTitleToRoles(miniRoles);

describe('matchTitleToRoles', () => {
  it('matches a role name or alternative title exactly, ignoring seniority and noise', () => {
    expect(match('Sr. Backend Engineer (m/f/d) - Berlin')[0]).toMatchObject({
      code: 'backend-developer',
      score: 1,
      matched: 'Backend Engineer',
    });
  });

  it('matches a title that contains a role title', () => {
    expect(match('Backend Engineer Payments')[0]).toMatchObject({ code: 'backend-developer' });
    expect(match('Backend Engineer Payments')[0]!.score).toBeLessThan(1);
  });

  it('gives a generic title no confident match', () => {
    expect(match('Engineer')).toEqual([]);
  });

  it('matches nothing for an empty title', () => {
    expect(match('  ')).toEqual([]);
  });
});
