import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderRoleGuide, type Rolebook } from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

describe.each(storeTargets)('guides on $name', (target) => {
  let rolebook: Rolebook;
  beforeEach(async () => {
    rolebook = await target.open();
  });
  afterEach(async () => {
    await rolebook.close();
  });

  it('links the first mention of a glossary term to its term page', async () => {
    const { body } = await renderRoleGuide(
      rolebook.ctx,
      { taxonomy: 'rolebook', code: 'query-writer' },
      'html',
    );
    expect(body).toMatch(/<a [^>]*href="\/terms\/sql"/);
  });
});
