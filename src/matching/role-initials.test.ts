import { describe, expect, it } from 'vitest';
import { initialsOf, namesByInitials } from './role-initials.js';

describe('initialsOf', () => {
  it('takes the first letter of each word', () => {
    expect(initialsOf('Business Analyst')).toBe('BA');
  });

  it('keeps a word in capitals whole', () => {
    expect(initialsOf('UX Researcher')).toBe('UXR');
  });

  it('takes the capitals inside a word', () => {
    expect(initialsOf('DevOps Engineer')).toBe('DOE');
  });
});

describe('namesByInitials', () => {
  it('gives the name initials stand for', () => {
    expect(namesByInitials(['Data Engineer', 'DevOps Engineer']).get('DE')).toBe('Data Engineer');
  });

  it('gives no name for initials two names share', () => {
    const names = namesByInitials(['Software Engineer', 'Security Engineer', 'Data Scientist']);
    expect(names.has('SE')).toBe(false);
    expect(names.get('DS')).toBe('Data Scientist');
  });

  it('gives no name for a single letter', () => {
    expect(namesByInitials(['Developer']).size).toBe(0);
  });
});
