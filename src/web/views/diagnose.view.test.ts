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

  it('names a matched sign once, in its reason, with its text after it', () => {
    const why = 'You wrote “copying”, which matches the sign “Manual copying”.';
    const page = diagnosed({
      section: 'sign',
      title: 'Manual copying',
      text: 'Numbers move by hand.',
      why,
    });
    expect(matchLines(page)).toEqual([`${why} Numbers move by hand.`]);
  });

  it('shows a matched duty once when its reason quotes it whole', () => {
    const why = 'You wrote “copying”, which matches this role’s work “Automates data entry”.';
    const page = diagnosed({ section: 'responsibility', text: 'Automates data entry.', why });
    expect(matchLines(page)).toEqual([why]);
  });

  it('shows the text of a matched part its reason does not quote', () => {
    const why = 'You wrote “copying”, which matches what this role does.';
    const page = diagnosed({ section: 'summary', text: 'Automates routine office work.', why });
    expect(matchLines(page)).toEqual([`${why} Automates routine office work.`]);
  });
});
