import { describe, expect, it } from 'vitest';
import type { TitleIndex } from '../../matching/index.js';
import { normalizeItem } from './normalize-line.js';

// An item that holds no title is answered before the index is asked.
const noIndex = {} as TitleIndex;

describe('normalizeItem', () => {
  it('echoes an item that holds no title as JSON', () => {
    expect(normalizeItem(noIndex, ['qa'], {})).toMatchObject({
      input: '["qa"]',
      error: { code: 'validation_failed' },
    });
  });

  it('echoes only the start of a long item that holds no title', () => {
    const result = normalizeItem(noIndex, { notes: 'x'.repeat(1_000) }, {});
    expect(result.input).toBe(`{"notes":"${'x'.repeat(110)}…`);
  });
});
