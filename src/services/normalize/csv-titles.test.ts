import { describe, expect, it } from 'vitest';
import { resultColumnsFor } from './csv-titles.js';

describe('the result columns added to a CSV', () => {
  it('are named plainly when no input column has their names', () => {
    expect(resultColumnsFor(['id', 'Job Title']).slice(0, 3)).toEqual(['code', 'name', 'score']);
  });

  it('are all prefixed with rolebook_ when one would share an input column’s name, case aside', () => {
    const columns = resultColumnsFor(['Title', 'Code']);
    expect(columns.slice(0, 3)).toEqual(['rolebook_code', 'rolebook_name', 'rolebook_score']);
    expect(columns.every((name) => name.startsWith('rolebook_'))).toBe(true);
  });

  it('take a numbered prefix when the input is an earlier output with its rolebook_ columns', () => {
    const earlier = ['Title', 'code', ...resultColumnsFor(['Title', 'code'])];
    expect(resultColumnsFor(earlier).slice(0, 2)).toEqual(['rolebook2_code', 'rolebook2_name']);
  });
});
