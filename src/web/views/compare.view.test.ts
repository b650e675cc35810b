import { describe, expect, it } from 'vitest';
import { compareView, type CompareRoleView } from './compare.view.js';

const role = (taxonomy: string, code: string, name: string): CompareRoleView => ({
  taxonomy,
  code,
  name,
  summary: `${name} does the work.`,
  responsibilities: [],
  titles: [name],
  terms: [],
  skills: [],
  technologies: [],
});

const choices = [
  { code: 'data-analyst', name: 'Data Analyst' },
  { code: 'data-scientist', name: 'Data Scientist' },
];

/** The option each picker has selected, by its value and text. */
const selectedOptions = (page: string): string[] =>
  [...page.matchAll(/<option\s+value="([^"]*)"\s+selected\s*>\s*([^<]*?)\s*<\/option>/g)].map(
    ([, value, text]) => `${value} ${text}`,
  );

/** What the pickers select when the address asks for these roles and they are compared. */
const pickedFor = (compared: readonly CompareRoleView[], selected: readonly string[]) =>
  selectedOptions(compareView({ choices, selected, roles: compared }));

describe('the compare pickers', () => {
  it.each([
    [
      'select a built-in role the address names with its taxonomy',
      role('rolebook', 'data-scientist', 'Data Scientist'),
      'rolebook:data-scientist',
      'data-scientist Data Scientist',
    ],
    [
      'offer a compared role of another taxonomy as the address names it',
      role('onet', '15-2051.00', 'Data Scientists'),
      'onet:15-2051.00',
      'onet:15-2051.00 Data Scientists',
    ],
  ])('%s', (_behaviour, second, asked, picked) => {
    const analyst = role('rolebook', 'data-analyst', 'Data Analyst');
    expect(pickedFor([analyst, second], ['data-analyst', asked])).toEqual([
      'data-analyst Data Analyst',
      picked,
    ]);
  });

  it("writes each role's name as its option's whole text, as a screen reader reads it", () => {
    const page = compareView({ choices, selected: [], roles: [] });
    expect(
      [...page.matchAll(/<option value="data-[a-z]+"\s*>([^<]*)<\/option>/g)].map((m) => m[1]),
    ).toEqual(Array(3).fill(['Data Analyst', 'Data Scientist']).flat());
  });
});
