import { describe, expect, it } from 'vitest';
import { withSharedHeads } from './shared-head.js';

const forms = new Map([
  ['unit tests', 'unit-testing'],
  ['integration tests', 'integration-testing'],
  ['manual tests', 'manual-testing'],
  ['automated tests', 'test-automation'],
]);

/** The text with its one mention, `written`, read as the glossary's form of it. */
const readings = (text: string, written: string) => {
  const start = text.indexOf(written);
  const mention = { start, end: start + written.length, text: written, slug: forms.get(written)! };
  return withSharedHeads(text, [mention], (folded) => forms.get(folded)).map(
    (m) => `${m.slug}:${m.text}`,
  );
};

describe('withSharedHeads', () => {
  it('reads a word joined by "and" with the last words of the mention after it', () => {
    expect(readings('Write unit and integration tests.', 'integration tests')).toEqual([
      'unit-testing:unit',
      'integration-testing:integration tests',
    ]);
  });

  it('reads a word joined by a slash the same way', () => {
    expect(readings('Keep the unit/integration tests green.', 'integration tests')).toContain(
      'unit-testing:unit',
    );
  });

  it('reads nothing into a word joined by "or", which offers one of two', () => {
    expect(readings('Perform manual or automated tests of the brakes.', 'automated tests')).toEqual(
      ['test-automation:automated tests'],
    );
  });

  it('reads nothing where the shared reading is no form of the glossary', () => {
    expect(readings('Run smoke and integration tests nightly.', 'integration tests')).toEqual([
      'integration-testing:integration tests',
    ]);
  });
});
