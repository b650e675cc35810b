import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/index.js';
import { analysisQueue } from './analysis-queue.js';

describe('analysisQueue', () => {
  it('runs analyses one at a time, in the order they came', async () => {
    const queue = analysisQueue();
    const order: string[] = [];
    const work = (name: string) => () => {
      order.push(`${name} start`);
      order.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run(10, work('a')), queue.run(10, work('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('lets the event loop answer others between two analyses', async () => {
    const queue = analysisQueue();
    const order: string[] = [];
    const first = queue.run(10, () => {
      order.push('first');
      // A request that arrives while the first analysis holds the thread.
      setImmediate(() => order.push('other request'));
    });
    const second = queue.run(10, () => order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'other request', 'second']);
  });

  it('rests between two analyses long enough for a request that takes several turns', async () => {
    const queue = analysisQueue();
    const order: string[] = [];
    const hops = (left: number): void => {
      if (left === 0) order.push('other request');
      else setImmediate(() => hops(left - 1));
    };
    const first = queue.run(10, () => {
      order.push('first');
      hops(5);
      // Long enough that the rest after it is the longest one (100 ms): five turns of the loop
      // fit in it even when a loaded machine holds the process off its core for a while.
      const until = performance.now() + 200;
      while (performance.now() < until);
    });
    const second = queue.run(10, () => order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'other request', 'second']);
  });

  it('turns work away with 503 and Retry-After when too much text is waiting', async () => {
    const queue = analysisQueue(100);
    const running = queue.run(80, () => 'kept');
    const refused = await queue.run(30, () => 'refused').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('unavailable');
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(running).resolves.toBe('kept');
  });

  it('takes a text over the limit when nothing else is waiting', async () => {
    await expect(analysisQueue(100).run(500, () => 'alone')).resolves.toBe('alone');
  });
});
