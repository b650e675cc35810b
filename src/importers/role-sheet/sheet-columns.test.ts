import { describe, expect, it } from 'vitest';
import { missingFields, sheetColumns } from './sheet-columns.js';

describe('sheetColumns', () => {
  it('finds a column whatever its case, spaces and punctuation', () => {
    expect(sheetColumns(['JOB_CODE', ' job-title ']).positions).toEqual({ code: 0, title: 1 });
  });

  it('finds a column by a synonym HR systems use', () => {
    const columns = sheetColumns(['ID', 'Role', 'Aliases', 'Purpose']);
    expect(columns.positions).toEqual({ code: 0, title: 1, alternativeTitles: 2, summary: 3 });
  });

  it('keeps the header as written to name the column in a problem', () => {
    expect(sheetColumns(['Job Code', 'Name']).headers).toEqual({ code: 'Job Code', title: 'Name' });
  });

  it('names the columns no field takes, a second one for the same field included', () => {
    expect(sheetColumns(['Code', 'Title', 'Job Family', 'Name']).ignored).toEqual([
      'Job Family',
      'Name',
    ]);
  });

  it('says which required fields have no column', () => {
    expect(missingFields(sheetColumns(['Department', 'Title']))).toEqual(['code']);
  });
});
