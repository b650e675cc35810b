import { describe, expect, it } from 'vitest';
import { majorGroupOf, occupationGroup } from './occupation-groups.js';

describe('majorGroupOf', () => {
  it('reads the O*NET major group off the first two digits of a code', () => {
    expect(majorGroupOf('onet', '15-1252.00')).toBe('onet-15');
  });

  it('reads the ISCO major group off the first digit of a unit group', () => {
    expect(majorGroupOf('isco', '2512')).toBe('isco-2');
  });

  it('knows no group for a code of another shape', () => {
    expect(majorGroupOf('onet', 'backend-developer')).toBeUndefined();
  });

  it('knows no group for two digits no major group has', () => {
    expect(majorGroupOf('onet', '99-1111.00')).toBeUndefined();
  });
});

describe('occupationGroup', () => {
  it('names a group by its id', () => {
    expect(occupationGroup('isco-4')?.name).toBe('Clerical support workers');
  });
});
