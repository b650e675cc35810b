import { describe, expect, it } from 'vitest';
import { onetTaxonomy } from './onet-taxonomy.js';

describe('onetTaxonomy', () => {
  it('says that O*NET names its occupations in the plural', () => {
    expect(onetTaxonomy({}).roleNameNumber).toBe('plural');
    expect(onetTaxonomy({ version: '27.0' }).roleNameNumber).toBe('plural');
  });
});
