import { describe, expect, it } from 'vitest';
import { conceptHits } from './concepts.js';
import { programSense } from './program-sense.js';
import { words } from './words.js';

const concepts = (text: string) => {
  const tokens = words(text);
  return programSense(tokens, conceptHits(tokens)).map((c) => c.concept);
};

describe('programSense', () => {
  it('reads a program someone is to write as software to build', () => {
    expect(concepts('we need someone to write the program')).toContain('general-development');
    expect(concepts('we need someone to write the program')).not.toContain('cross-team');
  });

  it('reads programming as writing software', () => {
    expect(concepts('general programming, nothing exotic')).toContain('general-development');
  });

  it('keeps a program run across teams a programme of work', () => {
    expect(concepts('someone to run the program across the four teams')).toContain('cross-team');
  });
});
