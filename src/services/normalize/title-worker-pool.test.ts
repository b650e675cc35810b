import { describe, expect, it } from 'vitest';
import { limits } from '../../domain/index.js';
import { defaultWorkers } from './title-worker-pool.js';

describe('defaultWorkers', () => {
  it('gives a batch one worker per core other work leaves free', () => {
    expect(defaultWorkers(2, 0.1)).toBe(2);
    expect(defaultWorkers(8, 2.7)).toBe(5);
  });

  it('gives one worker when every core is busy', () => {
    expect(defaultWorkers(2, 1.6)).toBe(1);
    expect(defaultWorkers(2, 9)).toBe(1);
  });

  it('never gives more workers than the limit', () => {
    expect(defaultWorkers(64, 0)).toBe(limits.normalizeWorkers);
  });
});
