import { describe, expect, it } from 'vitest';
import { runnableThreads } from './busy-cores.js';

describe('runnableThreads', () => {
  it('reads the threads ready to run from a /proc/loadavg line', () => {
    expect(runnableThreads('0.92 1.05 1.10 3/612 48211\n')).toBe(3);
  });

  it('reads nothing from a line of another shape', () => {
    expect(runnableThreads('0.92 1.05 1.10\n')).toBeUndefined();
  });
});
