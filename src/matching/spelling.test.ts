import { describe, expect, it } from 'vitest';
import { americanSpelling, personForm } from './spelling.js';

describe('americanSpelling', () => {
  it('writes -our, -ise and -yse words the American way', () => {
    expect(americanSpelling('labourer')).toBe('laborer');
    expect(americanSpelling('behaviour')).toBe('behavior');
    expect(americanSpelling('organiser')).toBe('organizer');
    expect(americanSpelling('organisation')).toBe('organization');
    expect(americanSpelling('analyse')).toBe('analyze');
  });

  it('writes words no suffix rule covers from a list', () => {
    expect(americanSpelling('centre')).toBe('center');
    expect(americanSpelling('jewellery')).toBe('jewelry');
    expect(americanSpelling('tyre')).toBe('tire');
    expect(americanSpelling('programme')).toBe('program');
  });

  it('writes the ae and oe of medical words as e', () => {
    expect(americanSpelling('paediatric')).toBe('pediatric');
    expect(americanSpelling('anaesthetist')).toBe('anesthetist');
    expect(americanSpelling('orthopaedic')).toBe('orthopedic');
  });

  it('leaves words spelt alike on both sides as they are', () => {
    for (const word of ['hour', 'tour', 'contour', 'detour', 'aerospace', 'supervisor', 'timbre']) {
      expect(americanSpelling(word)).toBe(word);
    }
  });
});

describe('personForm', () => {
  it('writes a job word for a man or a woman in its -person form', () => {
    expect(personForm('draughtsman')).toBe('draughtsperson');
    expect(personForm('saleswoman')).toBe('salesperson');
  });

  it('leaves short words that only end in -man alone', () => {
    expect(personForm('human')).toBe('human');
    expect(personForm('woman')).toBe('woman');
  });
});
