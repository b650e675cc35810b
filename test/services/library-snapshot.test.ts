import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyRoleContent, type TermContent } from '../../src/domain/index.js';
import {
  createRole,
  createTerm,
  systemActor,
  type Library,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';
import { guideSections } from '../support/guides.js';

const editor = systemActor('test-editor');

const graphql: TermContent = {
  name: 'GraphQL',
  abbreviations: [],
  aliases: [],
  definition: 'A query language for APIs.',
  examples: [],
  category: 'protocol',
  caseSensitive: false,
};

const spots = (library: Library, text: string) => library.spotter.spot(text).map((h) => h.slug);

describe.each(storeTargets)('library snapshot on $name', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('serves a term written through this process to the next request', async () => {
    await rolebook.ctx.library.get();
    await createTerm(rolebook.ctx, editor, 'graphql', graphql);
    expect(spots(await rolebook.ctx.library.get(), 'We use GraphQL')).toEqual(['graphql']);
  });

  it('keeps the guides it has read when only a term changed', async () => {
    const before = await rolebook.ctx.library.get();
    await createTerm(rolebook.ctx, editor, 'graphql', graphql);
    const after = await rolebook.ctx.library.get();
    expect(after.roles).toBe(before.roles);
    expect(after.guides).toBe(before.guides);
    expect(after.spotter).not.toBe(before.spotter);
  });

  it('keeps the spotter when only a role changed', async () => {
    const before = await rolebook.ctx.library.get();
    const ref = { taxonomy: 'rolebook', code: 'graph-builder' };
    await createRole(rolebook.ctx, editor, ref, {
      ...emptyRoleContent('Graph Builder'),
      ...guideSections('Graph Builder'),
      summary: 'Builds graphs of how systems connect.',
      status: 'published',
    });
    const after = await rolebook.ctx.library.get();
    expect(after.spotter).toBe(before.spotter);
    expect(after.roles.map((r) => r.code)).toContain('graph-builder');
  });
});
