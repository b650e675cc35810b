import { describe, expect, it } from 'vitest';
import { SignatureTable } from './signature-table.js';

const signature = (n: number): string => `word${n % 97} title ${n}`;

describe('SignatureTable', () => {
  it('finds a title by its signature, and none for a signature no title has', () => {
    const table = new SignatureTable();
    table.add(0, 'software engineer');
    table.add(1, 'data engineer');
    expect(table.titleWith('data engineer')).toBe(1);
    expect(table.signatureOf(0)).toBe('software engineer');
    expect(table.titleWith('engineer')).toBe(-1);
  });

  it('keeps the first title given a signature, then the heir named when it goes', () => {
    const table = new SignatureTable();
    table.add(4, 'nurse');
    table.add(9, 'nurse');
    expect(table.titleWith('nurse')).toBe(4);
    table.remove(9, 4);
    expect(table.titleWith('nurse')).toBe(4);
    table.remove(4, -1);
    expect(table.titleWith('nurse')).toBe(-1);
    expect(table.signatureOf(4)).toBeUndefined();
  });

  it('finds every signature left after growing and after most of the others go', () => {
    const table = new SignatureTable();
    for (let title = 0; title < 5_000; title++) table.add(title, signature(title));
    for (let title = 0; title < 5_000; title++) if (title % 3 !== 0) table.remove(title, -1);
    const loaded = SignatureTable.fromState({ ...table });
    for (let title = 0; title < 5_000; title++) {
      expect(loaded.titleWith(signature(title))).toBe(title % 3 === 0 ? title : -1);
    }
  });
});
