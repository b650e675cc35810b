import { describe, expect, it } from 'vitest';
import { detectSeniority, seniorityConflict, yearsOfExperience } from './seniority.js';

describe('detectSeniority', () => {
  it('takes the seniority the title states', () => {
    expect(detectSeniority('senior', '')).toEqual({
      level: 'senior',
      source: 'title',
      years: null,
    });
    expect(detectSeniority('chief', 'You have 15 years of experience.')).toMatchObject({
      level: 'chief',
      source: 'title',
      years: { min: 15 },
    });
  });

  it('falls back on the years of experience asked for', () => {
    expect(detectSeniority(undefined, 'You have 2-4 years of experience.')).toMatchObject({
      level: 'mid',
      source: 'experience',
      years: { min: 2, max: 4 },
    });
    expect(detectSeniority(undefined, 'At least five years of hands-on experience').level).toBe(
      'senior',
    );
    expect(detectSeniority(undefined, '12+ years of experience').level).toBe('staff');
  });

  it('reads years asked for without the word experience', () => {
    expect(yearsOfExperience('- 6+ years in infrastructure')).toMatchObject({ min: 6 });
    expect(yearsOfExperience('3-5 years building APIs')).toMatchObject({ min: 3, max: 5 });
    expect(yearsOfExperience('at least 4 years as a tester')).toMatchObject({ min: 4 });
  });

  it('reads years written the short way, with the plus after the unit', () => {
    expect(yearsOfExperience('3yrs+ exp with node')).toMatchObject({ min: 3 });
    expect(yearsOfExperience('min 5 yrs+ exp. in retail tech')).toMatchObject({ min: 5 });
  });

  it('reads no requirement in years said of something else', () => {
    expect(yearsOfExperience('a 2 year contract with 25 days of holiday')).toBeNull();
    expect(yearsOfExperience('founded 10 years ago in Leeds')).toBeNull();
  });

  it('says nothing when neither the title nor the text tells', () => {
    expect(detectSeniority(undefined, 'Build pipelines.')).toEqual({
      level: null,
      source: null,
      years: null,
    });
  });
});

describe('yearsOfExperience', () => {
  it('reads "5+ years" and "3 to 5 years\' experience"', () => {
    expect(yearsOfExperience('5+ years of experience with Go')).toMatchObject({ min: 5 });
    expect(yearsOfExperience("3 to 5 years' experience")).toMatchObject({ min: 3, max: 5 });
  });

  it('ignores years that are not about experience', () => {
    expect(yearsOfExperience('We were founded 10 years ago.')).toBeNull();
  });
});

describe('seniorityConflict', () => {
  it('flags a junior title that asks for many years', () => {
    expect(seniorityConflict(detectSeniority('junior', '6+ years of experience'))).toBe(true);
  });

  it('accepts a senior title that asks for many years', () => {
    expect(seniorityConflict(detectSeniority('senior', '6+ years of experience'))).toBe(false);
  });

  it('flags a staff or distinguished title that asks for a year at most', () => {
    expect(seniorityConflict(detectSeniority('staff', '1 year of experience'))).toBe(true);
    expect(seniorityConflict(detectSeniority('distinguished', '0-1 years of experience'))).toBe(
      true,
    );
  });
});
