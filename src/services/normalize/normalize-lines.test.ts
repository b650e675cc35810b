import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TitleIndex } from '../../matching/index.js';
import { normalizeLines } from './normalize.service.js';
import type { InputLine } from './title-lines.js';

const index = TitleIndex.build([
  { taxonomy: 'rolebook', code: 'qa-engineer', name: 'QA Engineer', titles: ['Test Engineer'] },
]);

const oneBatch = (lines: InputLine[]) => Readable.from([lines]);

describe('normalizeLines', () => {
  it('answers every line in order, problems in their place', async () => {
    const out: string[] = [];
    const lines = [{ text: '"Test Engineer"' }, { text: '' }, { text: '"QA Engineer"' }];
    for await (const chunk of normalizeLines(index, oneBatch(lines), 'ndjson', { top: 1 }))
      out.push(chunk);
    const items = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { matches?: { code: string }[]; error?: { code: string } });
    expect(items.map((i) => i.matches?.[0]?.code ?? i.error?.code)).toEqual([
      'qa-engineer',
      'validation_failed',
      'qa-engineer',
    ]);
  });

  it('lets other work run while it works through one large chunk', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => ({ text: `"Test Engineer ${i}"` }));
    let linesWhenOtherWorkRan = -1;
    let written = 0;
    setImmediate(() => {
      linesWhenOtherWorkRan = written;
    });
    for await (const chunk of normalizeLines(index, oneBatch(lines), 'ndjson', {})) {
      written += chunk.split('\n').length - 1;
    }
    expect(written).toBe(50_000);
    expect(linesWhenOtherWorkRan).toBeGreaterThan(0);
    expect(linesWhenOtherWorkRan).toBeLessThan(50_000);
  });
});
