import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rolebook } from '../../src/services/index.js';
import { definedSlugs, roleStatusesOf } from '../../src/store/index.js';
import { storeTargets } from '../support/stores.js';

describe.each(storeTargets)('lookups of what a guide names on $name', (target) => {
  // The tests only read the fixture library: one store serves them all.
  let rolebook: Rolebook;
  beforeAll(async () => {
    rolebook = await target.open();
  });
  afterAll(() => rolebook.close());

  it('reads the status of each role asked for that is stored, and of no other', async () => {
    const { ctx } = rolebook;
    const statuses = await roleStatusesOf(ctx.store.db, [
      { taxonomy: 'rolebook', code: 'api-builder' },
      { taxonomy: 'rolebook', code: 'api-builder' },
      { taxonomy: 'rolebook', code: 'no-such-role' },
    ]);
    expect([...statuses]).toEqual([['rolebook/api-builder', 'published']]);
  });

  it('says which of the slugs asked for the glossary defines, and no other', async () => {
    const { ctx } = rolebook;
    const defined = await definedSlugs(ctx.store.db, ['api', 'no-such-term', 'api']);
    expect([...defined]).toEqual(['api']);
  });

  it('looks up more roles than one query may bind, a chunk at a time', async () => {
    const { ctx } = rolebook;
    const many = Array.from({ length: 600 }, (_, i) => ({ taxonomy: 'rolebook', code: `r-${i}` }));
    const statuses = await roleStatusesOf(ctx.store.db, [
      ...many,
      { taxonomy: 'rolebook', code: 'query-writer' },
    ]);
    expect([...statuses.keys()]).toEqual(['rolebook/query-writer']);
  });
});
