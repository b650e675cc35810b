import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TermContent } from '../../src/domain/index.js';
import {
  analyzeText,
  createTerm,
  diagnoseProblems,
  systemActor,
  type Rolebook,
} from '../../src/services/index.js';
import { storeTargets } from '../support/stores.js';

const posting = 'Senior Backend Engineer\nYou will build APIs in Go and run them on Kubernetes.';

describe.each(storeTargets)('analyses on a worker thread, on $name', (target) => {
  let threaded: Rolebook;
  let inline: Rolebook;
  beforeAll(async () => {
    threaded = await target.open({ analysisThread: true });
    inline = await target.open();
  });
  afterAll(async () => {
    await threaded.close();
    await inline.close();
  });

  it('answers an analysis as the serving thread would', async () => {
    const [there, here] = await Promise.all([
      analyzeText(threaded.ctx, { text: posting }),
      analyzeText(inline.ctx, { text: posting }),
    ]);
    expect(there).toEqual(here);
    expect(there.title?.text).toBe('Senior Backend Engineer');
  });

  it('answers a diagnosis as the serving thread would', async () => {
    const text = 'our checkout page crashes every time we run a sale';
    expect(await diagnoseProblems(threaded.ctx, { text })).toEqual(
      await diagnoseProblems(inline.ctx, { text }),
    );
  });

  it('reads a term written through this process in the next analysis', async () => {
    const term: TermContent = {
      name: 'Quillwort',
      abbreviations: [],
      aliases: [],
      definition: 'A made-up framework, here to be found by the next analysis.',
      examples: [],
      category: 'framework',
      caseSensitive: false,
    };
    await analyzeText(threaded.ctx, { text: posting });
    await createTerm(threaded.ctx, systemActor('test-editor'), 'quillwort', term);
    const { terms } = await analyzeText(threaded.ctx, { text: `${posting} We use Quillwort.` });
    expect(terms.map((t) => t.slug)).toContain('quillwort');
  });

  it('starts again after it is closed', async () => {
    await threaded.ctx.analyses.close();
    expect(await analyzeText(threaded.ctx, { text: posting })).toEqual(
      await analyzeText(inline.ctx, { text: posting }),
    );
  });
});
