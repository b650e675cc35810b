import { describe, expect, it } from 'vitest';
import { detectSeniority, seniorityConflict, yearsOfExperience } from './seniority.js';

describe('detectSeniority', () => {
  it('reads the level from the title', () => {
    expect(detectSeniority('Sr. Data Engineer', '').level).toBe('senior');
    expect(detectSeniority('Junior Frontend Developer', '').level).toBe('junior');
    expect(detectSeniority('Software Engineer III', '').level).toBe('senior');
    expect(detectSeniority('Head of Engineering', '').level).toBe('director');
    expect(detectSeniority('Chief Technology Officer', '').level).toBe('executive');
  });

  it('takes the highest level a title names', () => {
    expect(detectSeniority('Senior Staff Engineer', '')).toMatchObject({
      level: 'staff',
      titleWords: ['Staff'],
    });
  });

  it('falls back on the years of experience asked for', () => {
    expect(detectSeniority('Data Engineer', 'You have 2-4 years of experience.')).toMatchObject({
      level: 'mid',
      source: 'experience',
      years: { min: 2, max: 4 },
    });
    expect(detectSeniority(undefined, 'At least five years of hands-on experience').level).toBe(
      'senior',
    );
  });

  it('says nothing when neither the title nor the text tells', () => {
    expect(detectSeniority('Data Engineer', 'Build pipelines.')).toEqual({
      level: null,
      source: null,
      titleWords: [],
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
    expect(seniorityConflict(detectSeniority('Junior Analyst', '6+ years of experience'))).toBe(
      true,
    );
  });

  it('accepts a senior title that asks for many years', () => {
    expect(seniorityConflict(detectSeniority('Senior Analyst', '6+ years of experience'))).toBe(
      false,
    );
  });
});
