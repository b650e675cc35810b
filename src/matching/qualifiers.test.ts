import { describe, expect, it } from 'vitest';
import { namesTechnologies } from './qualifiers.js';

describe('namesTechnologies', () => {
  it('reads a list of technologies joined by a plus or a slash', () => {
    expect(namesTechnologies('Go+Kafka')).toBe(true);
    expect(namesTechnologies('React/TypeScript')).toBe(true);
  });

  it('reads a word that is no technology as none', () => {
    expect(namesTechnologies('Payments')).toBe(false);
  });

  it('reads a shift as none', () => {
    expect(namesTechnologies('Night Shift')).toBe(false);
  });
});
