import { describe, expect, it } from 'vitest';
import { withoutHeadcount } from './headcount.js';

/** The title left, its spaces squashed: how many spaces a count leaves behind is no matter. */
const left = (title: string): string => withoutHeadcount(title).text.replace(/\s+/g, ' ').trim();

describe('withoutHeadcount', () => {
  it('takes a count after the title out, and says what it took', () => {
    expect(left('Java Developers x3 - Leeds')).toBe('Java Developers - Leeds');
    expect(withoutHeadcount('Java Developers x3 - Leeds').counts).toEqual(['x3']);
  });

  it('takes a spaced, multiplication-sign or bracketed count out', () => {
    expect(left('QA Testers x 2')).toBe('QA Testers');
    expect(left('Full-Stack Devs ×2 (PHP)')).toBe('Full-Stack Devs (PHP)');
    expect(left('Network Engineers (x4) - Build')).toBe('Network Engineers - Build');
  });

  it('takes a count before the title out', () => {
    expect(left('2 x Frontend Developers')).toBe('Frontend Developers');
    expect(left('3x QA Testers')).toBe('QA Testers');
  });

  it('keeps platform names written with an x and digits', () => {
    expect(withoutHeadcount('Embedded Engineer x86 and x64').counts).toEqual([]);
  });

  it('keeps a title with no count as it is', () => {
    expect(withoutHeadcount('Linux Engineer 2 (Xen)')).toEqual({
      text: 'Linux Engineer 2 (Xen)',
      counts: [],
    });
  });
});
