import { describe, expect, it } from 'vitest';
import { wordRuns } from './word-diff.js';

describe('a line rewritten word by word', () => {
  it('marks the words gained between the words kept', () => {
    expect(wordRuns('Owns the API.', 'Owns the public API.')).toEqual([
      { kind: 'same', text: 'Owns the ' },
      { kind: 'added', text: 'public ' },
      { kind: 'same', text: 'API.' },
    ]);
  });

  it('keeps only the words next to a change of a long unchanged run', () => {
    const before =
      'Plans the quarterly stock counts with the warehouse leads and the finance team. Orders pallets from the two regional suppliers.';
    const after =
      'Plans the quarterly stock counts with the warehouse leads and the finance team. Orders pallets from the three regional suppliers.';
    expect(wordRuns(before, after)?.[0]).toEqual({
      kind: 'same',
      text: '… and the finance team. Orders pallets from the ',
    });
  });

  it('gives no word runs for a line replaced by one that shares few of its words', () => {
    expect(wordRuns('Night shift supervisor', 'Forklift driver')).toBeUndefined();
  });
});
