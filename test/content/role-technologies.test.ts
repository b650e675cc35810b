import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary, type ContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../fixtures/analysis/evaluation.js';

let library: ContentLibrary;
let spotter: TermSpotter;
beforeAll(async () => {
  library = await readContentLibrary(join(import.meta.dirname, '../../content'));
  spotter = TermSpotter.build(libraryForEngines(library).terms);
});

/** The glossary term a technology's whole name names, if one does. */
const termOf = (name: string) => {
  const hits = spotter.spot(name, { names: true });
  const whole = hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === name.length;
  return whole ? hits[0]!.slug : undefined;
};

describe('technologies in the role guides', () => {
  it('never name just the first word that several glossary terms share (Zephyr)', () => {
    const names = library.terms.map((t) => t.content.name.toLowerCase());
    const bare = library.roles.flatMap(({ code, content }) =>
      content.technologies
        .filter((t) => termOf(t.name) === undefined)
        .filter((t) => names.filter((n) => n.startsWith(`${t.name.toLowerCase()} `)).length > 1)
        .map((t) => `${code}: ${t.name}`),
    );
    expect(bare).toEqual([]);
  });

  it.each([
    ['qa-engineer', 'Zephyr Scale', 'zephyr-scale'],
    ['embedded-software-engineer', 'Zephyr RTOS', 'zephyr-rtos'],
    ['network-engineer', 'Cisco IOS', 'cisco-ios'],
    ['salesforce-developer', 'Salesforce DX', 'salesforce'],
    ['scrum-master', 'Azure Boards', 'azure-devops-boards'],
  ])('lead from %s’s %s to the glossary term %s', (code, name, slug) => {
    const role = library.roles.find((r) => r.code === code)!;
    expect(role.content.technologies.map((t) => t.name)).toContain(name);
    expect(termOf(name)).toBe(slug);
  });
});
