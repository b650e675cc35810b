import { describe, expect, it } from 'vitest';
import { findPlaceholders } from './placeholders.js';

describe('findPlaceholders', () => {
  it('finds single-brace placeholders', () => {
    expect(findPlaceholders('Why hire a {role_name}?')).toEqual(['{role_name}']);
  });

  it('finds double-brace placeholders once, not also their inner braces', () => {
    expect(findPlaceholders('Hello {{ name }}!')).toEqual(['{{ name }}']);
  });

  it('finds dollar-brace placeholders', () => {
    expect(findPlaceholders('A ${role} builds things')).toEqual(['${role}']);
  });

  it('ignores braces that hold prose or code rather than a name', () => {
    expect(findPlaceholders('Sets such as {1, 2} and objects like { a: 1 }')).toEqual([]);
  });
});
