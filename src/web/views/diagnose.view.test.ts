import { describe, expect, it } from 'vitest';
import { diagnoseView } from './diagnose.view.js';
import { textOf } from './views.fixture.js';

/** The text of each matched part of the first role, tags and spacing aside. */
const matchLines = (page: string): string[] =>
  [...page.matchAll(/<ol class="results diagnosis">[\s\S]*?<ul>([\s\S]*?)<\/ul>/g)]
    .flatMap(([, list]) => list!.split('</li>'))
    .map(textOf)
    .filter((item) => item !== '');

const diagnosed = (match: { section: string; title?: string; text: string; why: string }): string =>
  diagnoseView({
    text: 'we copy numbers by hand',
    diagnosis: {
      roles: [
        {
          taxonomy: 'rolebook',
          code: 'automation-engineer',
          name: 'Automation Engineer',
          score: 0.8,
          matches: [{ ...match, said: ['copying'] }],
        },
      ],
    },
  });

describe('a diagnosed role on the diagnose page', () => {
  it('names a matched concept once, in its reason', () => {
    const why =
      'You described repetitive manual work (“copying”), which matches work this role is hired for.';
    const page = diagnosed({ section: 'concept', text: 'repetitive manual work', why });
    expect(matchLines(page)).toEqual([why]);
  });

  it('shows a matched sign by its title and text, with the reason after them', () => {
    const why = 'You wrote “copying”, which matches the sign “Manual copying”.';
    const page = diagnosed({
      section: 'sign',
      title: 'Manual copying',
      text: 'Numbers move by hand.',
      why,
    });
    expect(matchLines(page)).toEqual([`Manual copying : Numbers move by hand. (${why})`]);
  });
});
