import { describe, expect, it } from 'vitest';
import { leadBeforeRole } from './lead-before-role.js';

/** An index listing these titles. */
const listing = (titles: string[]) => ({ listsTitle: (text: string) => titles.includes(text) });

describe('leadBeforeRole', () => {
  const words = listing(['Backend Developer', 'Software Team Lead']);

  it('reads a lead phrase before a listed title after it', () => {
    expect(leadBeforeRole('Team Lead Backend Developer', words)).toBe(
      'Backend Developer Team Lead',
    );
  });

  it('reads a lead word closed up with its team', () => {
    expect(leadBeforeRole('Teamlead Backend Developer', words)).toBe('Backend Developer Teamlead');
  });

  it('reads a leader as a lead', () => {
    expect(leadBeforeRole('Team Leader Backend Developer', words)).toBe(
      'Backend Developer Team Leader',
    );
  });

  it('keeps the phrase whole where what follows the lead is no listed title', () => {
    expect(leadBeforeRole('Sales Lead Generation Specialist', words)).toBeUndefined();
  });

  it('keeps a title some role lists as it is', () => {
    expect(
      leadBeforeRole('Software Team Lead', listing(['Software Team Lead', 'Lead'])),
    ).toBeUndefined();
  });

  it('keeps a title with no lead word before the role', () => {
    expect(leadBeforeRole('Backend Developer Team Lead', words)).toBeUndefined();
  });
});
