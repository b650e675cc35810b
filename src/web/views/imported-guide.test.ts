import { describe, expect, it } from 'vitest';
import { presentGuide } from '../../guides/index.js';
import { backendDeveloper, backendGuideInput } from '../../guides/guide.fixture.js';
import { guidePageView } from './guide-page.view.js';
import { GLANCE } from './imported-guide.js';
import { flat } from './views.fixture.js';

/** A made-up taxonomy of lighthouse work, with lists as long as a large public taxonomy's. */
const longTitles = Array.from(
  { length: 40 },
  (_, i) => `Coastal Signal Maintenance Officer Grade ${i + 1}`,
);
const telling = ['Lamp Keeper', 'Beacon Technician', 'Fog Horn Engineer'];
const tasks = Array.from({ length: 14 }, (_, i) => `Trim lamp wick number ${i + 1}.`);
const plainTech = Array.from({ length: 30 }, (_, i) => ({
  name: `Tide Table Suite ${i + 1}`,
  category: 'Scheduling software',
}));

const page = (termSlugs: Record<string, string> = {}) =>
  guidePageView(
    presentGuide(
      backendGuideInput({
        role: {
          ...backendDeveloper,
          taxonomy: 'lighthouse',
          code: 'LH-7',
          name: 'Lighthouse Keepers',
          alternativeTitles: ['Keeper', ...longTitles, ...telling],
          responsibilities: tasks,
          terms: [],
          technologies: [
            ...plainTech,
            { name: 'Lens Polisher', category: 'Optics software', hot: true },
            { name: 'PostgreSQL', category: 'Database software', hot: true },
            { name: 'Weather Radio Link', category: 'Radio software', inDemand: true },
          ],
        },
        taxonomy: {
          id: 'lighthouse',
          name: 'Lighthouse Register',
          version: '4.2',
          url: 'https://lighthouse.example/register',
          license: 'CC BY 4.0',
        },
        terms: [],
      }),
    ),
    (name) => (termSlugs[name] === undefined ? undefined : `/terms/${termSlugs[name]}`),
  );

const firstTags = (markup: string, sectionId: string): string => {
  const section = markup.slice(markup.indexOf(`<section id="${sectionId}"`));
  return section.slice(0, section.indexOf('<details'));
};

describe('an imported guide at a glance', () => {
  it('lists two- and three-word titles first, a lone word after them, long variants last', () => {
    const aka = flat(page()).match(/<p class="aka">(.*?)<\/p>/)![1]!;
    expect(aka).toContain(
      'Lamp Keeper, Beacon Technician, Fog Horn Engineer, Keeper, Coastal Signal Maintenance',
    );
  });

  it('keeps every other title one click away in a disclosure', () => {
    const markup = flat(page());
    expect(markup).toContain(
      `<summary>All ${longTitles.length + telling.length + 1} titles</summary>`,
    );
    expect(markup).toContain('Coastal Signal Maintenance Officer Grade 40');
  });

  it('shows in-demand then hot technologies first, a short list', () => {
    const tags = firstTags(page({ PostgreSQL: 'postgresql' }), 'technologies');
    expect(tags.match(/<li>/g)).toHaveLength(GLANCE.technologies);
    expect(tags.indexOf('Weather Radio Link')).toBeLessThan(tags.indexOf('PostgreSQL'));
    expect(tags.indexOf('PostgreSQL')).toBeLessThan(tags.indexOf('Lens Polisher'));
    expect(tags.indexOf('Lens Polisher')).toBeLessThan(tags.indexOf('Tide Table Suite 1<'));
  });

  it('links a technology tag to its glossary page when the glossary has the term', () => {
    expect(flat(page({ PostgreSQL: 'postgresql' }))).toContain(
      '<a href="/terms/postgresql">PostgreSQL</a>',
    );
  });

  it('shows the first tasks and the rest in a disclosure', () => {
    const markup = flat(page());
    expect(firstTags(markup, 'responsibilities')).not.toContain(
      `Trim lamp wick number ${GLANCE.responsibilities + 1}.`,
    );
    expect(markup).toContain(`<summary>All ${tasks.length} tasks</summary>`);
  });

  it('links the source, its release and its licence', () => {
    const footer = flat(page()).match(/<footer class="guide-footer">(.*?)<\/footer>/)![1]!;
    expect(footer).toContain(
      '<a href="https://lighthouse.example/register" rel="external">4.2</a>',
    );
    expect(footer).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/" rel="external">CC BY 4.0</a>',
    );
  });

  it('leaves the guides of the built-in library in full', () => {
    expect(guidePageView(presentGuide(backendGuideInput()), () => undefined)).not.toContain(
      '<details class="more">',
    );
  });
});
