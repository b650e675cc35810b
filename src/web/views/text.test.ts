import { describe, expect, it } from 'vitest';
import { count, excerpt, humanize } from './text.js';

describe('excerpt', () => {
  it('keeps the first sentence', () => {
    expect(excerpt('Builds APIs. Also other things.')).toBe('Builds APIs.');
  });

  it('cuts a long sentence at a word and marks the cut', () => {
    expect(excerpt('one two three four five six', 14)).toBe('one two three…');
  });

  it('does not split at a dot inside a word', () => {
    expect(excerpt('Writes Node.js services. More.')).toBe('Writes Node.js services.');
  });
});

describe('humanize', () => {
  it('turns camelCase and snake_case keys into words', () => {
    expect(humanize('workMode')).toBe('Work mode');
    expect(humanize('requisition_number')).toBe('Requisition number');
  });
});

describe('count', () => {
  it('agrees in number and groups thousands', () => {
    expect(count(1, 'role')).toBe('1 role');
    expect(count(1016, 'role')).toBe('1,016 roles');
  });
});
