import { describe, expect, it } from 'vitest';
import { AnswerMemo } from './answer-memo.js';

describe('AnswerMemo', () => {
  it('answers a title met before with the line it kept, without answering again', () => {
    const memo = new AnswerMemo(10);
    let answered = 0;
    const answer = () => `line ${++answered}`;
    memo.lineFor('Nurse', answer);
    expect(memo.lineFor('Nurse', answer)).toBe('line 1');
    expect(answered).toBe(1);
  });

  it('answers titles that differ in any character apart', () => {
    const memo = new AnswerMemo(10);
    memo.lineFor('Nurse', () => 'nurse');
    expect(memo.lineFor('Nurse ', () => 'nurse, spaced')).toBe('nurse, spaced');
    expect(memo.lineFor('nurse', () => 'nurse, lower case')).toBe('nurse, lower case');
  });

  it('keeps no more lines than its limit', () => {
    const memo = new AnswerMemo(3);
    for (const title of ['a', 'b', 'c', 'd', 'e']) memo.lineFor(title, () => title);
    expect(memo.size).toBeLessThanOrEqual(3);
    expect(memo.lineFor('e', () => 'answered again')).toBe('e');
  });
});
