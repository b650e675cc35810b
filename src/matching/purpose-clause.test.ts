import { describe, expect, it } from 'vitest';
import { purposeRole } from './purpose-clause.js';
import type { RoleWords } from './title-parser.js';

/** An index whose titles use only these words and end in engineer or analyst. */
const knowing = (...known: string[]): RoleWords => {
  const knows = (text: string) => text.split(/\s+/).every((w) => known.includes(w.toLowerCase()));
  return {
    endsInRoleHead: (text) => /(engineer|analyst)$/i.test(text),
    knowsAnyWord: (text) => text.split(/\s+/).some((w) => knows(w)),
    knowsEveryWord: knows,
    readsEveryWord: knows,
    listsTitle: () => false,
    namesTechnology: () => false,
    toolOfTitle: () => false,
    nameOfInitials: () => undefined,
    namesRole: () => false,
    headStartingWith: () => undefined,
  };
};

describe('purposeRole', () => {
  it('reads the clause after "to" as words qualifying the head', () => {
    const words = knowing('kubernetes', 'engineer');
    expect(purposeRole('Engineer to keep our Kubernetes clusters healthy', words)).toBe(
      'Kubernetes Engineer',
    );
  });

  it('reads a clause after "who" the same way', () => {
    const words = knowing('sales', 'data', 'analyst');
    expect(purposeRole('Analyst who turns our sales data into dashboards', words)).toBe(
      'sales data Analyst',
    );
  });

  it('drops the clause words no title uses, stop words among them', () => {
    const words = knowing('our', 'siem', 'analyst');
    expect(purposeRole('Analyst to monitor our SIEM alerts', words)).toBe('SIEM Analyst');
  });

  it('reads nothing where no clause word is a title word', () => {
    expect(purposeRole('Engineer to deliver our parcels', knowing('engineer'))).toBeUndefined();
  });

  it('reads nothing where the word before the clause heads no title', () => {
    const words = knowing('parcels', 'driver');
    expect(purposeRole('Driver to deliver our parcels', words)).toBeUndefined();
  });

  it('reads no purpose in a span from a word to the same word', () => {
    const words = { ...knowing('business', 'seller'), endsInRoleHead: () => true };
    expect(purposeRole('Business to Business Seller', words)).toBeUndefined();
  });

  it('leaves a role of two words to whom it serves', () => {
    const words = { ...knowing('executive', 'assistant', 'ceo'), endsInRoleHead: () => true };
    expect(purposeRole('Executive Assistant to the CEO', words)).toBeUndefined();
  });
});
