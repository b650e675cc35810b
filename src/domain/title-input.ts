import { Type } from 'typebox';
import { TaxonomyIdSchema } from './taxonomy.js';
import { textRuleProblem } from './text-rules.js';

/** The longest title we read; longer text is not a job title. */
const MAX_TITLE_INPUT_LENGTH = 512;

// C0 and C1 control characters, except none: tabs and newlines do not belong in a title either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * What is wrong with a title as input, or undefined when it can be matched. A U+FFFD or a lone
 * surrogate is what invalid UTF-8 or a broken UTF-16 string becomes on the way in.
 * @example titleProblem('  ') === 'the title is empty'
 */
export const titleProblem = (title: string): string | undefined => {
  if (title.trim() === '') return 'the title is empty';
  if (title.length > MAX_TITLE_INPUT_LENGTH) {
    return `the title is ${title.length} characters long; the limit is ${MAX_TITLE_INPUT_LENGTH}`;
  }
  const control = CONTROL.exec(title);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    return `the title contains a control character (U+${code}) at position ${control.index + 1}`;
  }
  if (title.includes('\uFFFD') || !title.isWellFormed()) {
    return 'the title is not valid UTF-8 text';
  }
  const forbidden = textRuleProblem(title);
  return forbidden ? `the title ${forbidden}` : undefined;
};

/**
 * How a title is matched, as every front door takes it: the API's query and body fields and the
 * CLI's flags are checked against this one schema.
 */
export const NormalizeOptionsSchema = Type.Object(
  {
    taxonomy: Type.Optional(TaxonomyIdSchema),
    top: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, description: 'Candidates at most (default 5).' }),
    ),
    minScore: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Leave out candidates below this calibrated score.',
      }),
    ),
  },
  { additionalProperties: false },
);
