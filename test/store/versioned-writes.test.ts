import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteRole,
  deleteTerm,
  findRole,
  findTerm,
  saveRole,
  saveTerm,
} from '../../src/store/index.js';
import type { Rolebook } from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

// The fixture library's seeded role and term, at version 1.
const roleRef = { taxonomy: 'rolebook', code: 'api-builder' } as const;
const termSlug = 'api';

describe.each(storeTargets)('versioned writes on $name', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  const db = () => rolebook.ctx.store.db;

  it('replaces a role only at the version the writer read', async () => {
    const stored = (await findRole(db(), roleRef.taxonomy, roleRef.code))!;
    const next = { ...stored, name: 'Renamed', version: stored.version + 1 };
    expect(await saveRole(db(), next, stored.version + 5)).toBe(false);
    expect(await saveRole(db(), next, stored.version)).toBe(true);
    expect((await findRole(db(), roleRef.taxonomy, roleRef.code))?.name).toBe('Renamed');
  });

  it('does not bring back a role deleted after the writer read it', async () => {
    const stored = (await findRole(db(), roleRef.taxonomy, roleRef.code))!;
    expect(await deleteRole(db(), roleRef.taxonomy, roleRef.code, stored.version)).toBe(true);
    const next = { ...stored, name: 'Renamed', version: stored.version + 1 };
    expect(await saveRole(db(), next, stored.version)).toBe(false);
    expect(await findRole(db(), roleRef.taxonomy, roleRef.code)).toBeUndefined();
  });

  it('deletes a role only at the version the writer read', async () => {
    const stored = (await findRole(db(), roleRef.taxonomy, roleRef.code))!;
    expect(await deleteRole(db(), roleRef.taxonomy, roleRef.code, stored.version + 1)).toBe(false);
    expect(await findRole(db(), roleRef.taxonomy, roleRef.code)).toBeDefined();
  });

  it('does not bring back a term deleted after the writer read it', async () => {
    const stored = (await findTerm(db(), termSlug))!;
    expect(await deleteTerm(db(), termSlug, stored.version)).toBe(true);
    const next = { ...stored, name: 'Renamed', version: stored.version + 1 };
    expect(await saveTerm(db(), next, stored.version)).toBe(false);
    expect(await findTerm(db(), termSlug)).toBeUndefined();
  });

  it('deletes a term only at the version the writer read', async () => {
    const stored = (await findTerm(db(), termSlug))!;
    expect(await deleteTerm(db(), termSlug, stored.version + 1)).toBe(false);
    expect(await findTerm(db(), termSlug)).toBeDefined();
  });
});
