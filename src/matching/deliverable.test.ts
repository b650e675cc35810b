import { describe, expect, it } from 'vitest';
import { deliverableRole } from './deliverable.js';

/** An index listing a developer of each of these technologies, and a bare Developer. */
const listing = (...technologies: string[]) => ({
  listsTitle: (text: string) =>
    text === 'Developer' || technologies.some((t) => text === `${t} Developer`),
});

describe('deliverableRole', () => {
  it('reads a gig named by its deliverable as the developer of its technology', () => {
    expect(deliverableRole('Need someone to fix my WordPress site', listing('WordPress'))).toBe(
      'WordPress Developer',
    );
  });

  it('prefers a technology of two words to its second word alone', () => {
    const words = listing('Power BI', 'BI');
    expect(deliverableRole('Power BI dashboard for our sales data', words)).toBe(
      'Power BI Developer',
    );
  });

  it('reads no technology in a word that joins others', () => {
    expect(deliverableRole('Fix bugs in our app', listing())).toBeUndefined();
  });

  it('reads nothing where no deliverable is named', () => {
    expect(deliverableRole('Barista at Java Junction Cafe', listing('Java'))).toBeUndefined();
  });

  it('reads nothing where no technology has a listed developer', () => {
    expect(
      deliverableRole('Voice-over for an app explainer video', listing('Java')),
    ).toBeUndefined();
  });
});
