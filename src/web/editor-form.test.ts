import { describe, expect, it } from 'vitest';
import { emptyRoleContent, type RoleContent, type TermContent } from '../domain/index.js';
import {
  roleFormValues,
  roleFromForm,
  termFormValues,
  termFromForm,
  type TermFormValues,
} from './editor-form.js';

const role: RoleContent = {
  ...emptyRoleContent('Data Engineer'),
  summary: 'Builds the pipelines.',
  alternativeTitles: ['Pipeline Engineer', 'ETL Developer'],
  responsibilities: ['Moves data where it is needed.'],
  benefits: [{ title: 'Fresh numbers', text: 'Reports use today’s data.' }],
  signs: [{ title: 'Stale dashboards', text: 'Figures lag by a week.' }],
  terms: ['sql', 'api'],
  skills: [{ name: 'SQL', importance: 'essential' }, { name: 'Python' }],
  technologies: [{ name: 'Airflow', category: 'Scheduler', hot: true }],
  relatedRoles: [
    { taxonomy: 'rolebook', code: 'query-writer' },
    { taxonomy: 'onet', code: '15-1243.00' },
  ],
  links: [{ title: 'Pipelines | a primer', url: 'https://example.com/a?b=c:d' }],
  status: 'published',
};

describe('the role form', () => {
  it('gives back the content it was filled from', () => {
    const values = roleFormValues(role, 'rolebook');
    expect(roleFromForm({ ...values }, role, 'rolebook')).toEqual(role);
  });

  it('keeps what it does not show from the content edited', () => {
    const values = roleFormValues(role, 'rolebook');
    const content = roleFromForm({ ...values, name: 'Data Plumber' }, role, 'rolebook');
    expect(content.technologies).toEqual(role.technologies);
    expect(content.status).toBe('published');
  });

  it('reads a technology a line, its category after a colon', () => {
    const values = { ...roleFormValues(role, 'rolebook'), technologies: 'dbt: Transformer\nSQL' };
    expect(roleFromForm(values, role, 'rolebook').technologies).toEqual([
      { name: 'dbt', category: 'Transformer' },
      { name: 'SQL' },
    ]);
  });

  it('reads blank lines and spaces around items as nothing', () => {
    const values = {
      ...roleFormValues(role, 'rolebook'),
      alternativeTitles: '\n  One \r\n\n Two\n',
    };
    expect(roleFromForm(values, role, 'rolebook').alternativeTitles).toEqual(['One', 'Two']);
  });

  it('refuses a point without its text, naming the field and item', () => {
    const values = { ...roleFormValues(role, 'rolebook'), benefits: 'No colon here' };
    expect(() => roleFromForm(values, role, 'rolebook')).toThrow(/benefits\.0\.text/);
  });
});

const roundTrip = (content: RoleContent, taxonomy = 'rolebook'): RoleContent =>
  roleFromForm({ ...roleFormValues(content, taxonomy) }, content, taxonomy);

describe('the role form with values its line format would split', () => {
  it('gives back a point whose title holds a colon', () => {
    const benefits = [{ title: 'Ratio 3:1', text: 'Colon: in text too' }];
    expect(roundTrip({ ...role, benefits }).benefits).toEqual(benefits);
  });

  it('gives back an item holding a line break as one item, the break made a space', () => {
    const responsibilities = ['Plans the work.\nThen does it.', 'Carriage\r\nreturns too.'];
    expect(roundTrip({ ...role, responsibilities }).responsibilities).toEqual([
      'Plans the work. Then does it.',
      'Carriage returns too.',
    ]);
  });

  it('gives back a skill whose name ends in what reads as an importance', () => {
    const skills = [
      { name: 'Plain skill (essential)' },
      { name: '(optional)' },
      { name: 'Odd (Optional)', importance: 'essential' as const },
    ];
    expect(roundTrip({ ...role, skills }).skills).toEqual(skills);
  });

  it('gives back spaces at the ends of the summary, and none at the ends of list items', () => {
    const content = {
      ...role,
      summary: '  Spaced summary\nover two lines  ',
      alternativeTitles: [' Leading', 'Trailing\t', ' \u00a0Both '],
      benefits: [{ title: ' Padded title ', text: ' padded text ' }],
      skills: [{ name: ' Spaced skill ', importance: 'optional' as const }],
      links: [{ title: ' Spaced link ', url: 'https://example.com/' }],
    };
    expect(roundTrip(content)).toEqual({
      ...content,
      alternativeTitles: ['Leading', 'Trailing', 'Both'],
      benefits: [{ title: 'Padded title', text: 'padded text' }],
      skills: [{ name: 'Spaced skill', importance: 'optional' }],
      links: [{ title: 'Spaced link', url: 'https://example.com/' }],
    });
  });

  it('gives back backslashes, even before the letters of an escape', () => {
    const alternativeTitles = ['C:\\Temp\\new', 'Ends in a backslash\\', '\\(essential)'];
    expect(roundTrip({ ...role, alternativeTitles }).alternativeTitles).toEqual(alternativeTitles);
  });

  it('gives back a link whose title holds a bar and a URL', () => {
    const links = [{ title: 'Old | https://example.org/ |', url: 'https://example.com/a?b=c:d' }];
    expect(roundTrip({ ...role, links }).links).toEqual(links);
  });

  it('gives back related roles whose codes hold slashes, in its own taxonomy or another', () => {
    const relatedRoles = [
      { taxonomy: 'rolebook', code: 'xss-1/<b>a,b?c#d' },
      { taxonomy: 'onet', code: 'a/b' },
      { taxonomy: 'esco', code: 'http://data.europa.eu/esco/occupation/1' },
    ];
    expect(roundTrip({ ...role, relatedRoles }).relatedRoles).toEqual(relatedRoles);
    expect(roundTrip({ ...role, relatedRoles }, 'esco').relatedRoles).toEqual(relatedRoles);
  });

  it('writes plain values as a person would type them', () => {
    const values = roleFormValues(role, 'rolebook');
    expect(values.benefits).toBe('Fresh numbers: Reports use today’s data.');
    expect(values.skills).toBe('SQL (essential)\nPython');
    expect(values.relatedRoles).toBe('query-writer\nonet/15-1243.00');
    expect(values.links).toBe('Pipelines | a primer | https://example.com/a?b=c:d');
  });

  it('writes a code of its own taxonomy with a slash but no taxonomy before it alone', () => {
    const relatedRoles = [{ taxonomy: 'esco', code: 'http://data.europa.eu/esco/occupation/1' }];
    expect(roleFormValues({ ...role, relatedRoles }, 'esco').relatedRoles).toBe(
      'http://data.europa.eu/esco/occupation/1',
    );
  });

  it('reads a backslash before an ordinary character as typed', () => {
    const values = { ...roleFormValues(role, 'rolebook'), alternativeTitles: 'C:\\Temp' };
    expect(roleFromForm(values, role, 'rolebook').alternativeTitles).toEqual(['C:\\Temp']);
  });
});

const term: TermContent = {
  name: 'Continuous integration',
  abbreviations: ['CI'],
  aliases: ['Continuous integration and delivery'],
  definition: 'Merging and testing every change as it lands.',
  examples: ['api'],
  category: 'practice',
  caseSensitive: true,
  needsContext: ['CI'],
};

/** The term form's fields as a browser posts them: a checkbox is sent only when checked. */
const posted = (values: TermFormValues) => ({
  ...values,
  caseSensitive: values.caseSensitive ? 'yes' : undefined,
});

const termRoundTrip = (content: TermContent): TermContent =>
  termFromForm(posted(termFormValues(content)), content);

describe('the role form with text a browser cannot send back', () => {
  it('keeps a stored summary whose CR line breaks a browser sends back as CRLF', () => {
    const kept = { ...role, summary: 'Windows\r\nline breaks\rand a lone CR' };
    const values = {
      ...roleFormValues(kept, 'rolebook'),
      summary: 'Windows\r\nline breaks\r\nand a lone CR',
    };
    expect(roleFromForm(values, kept, 'rolebook').summary).toBe(kept.summary);
  });

  it('keeps a stored name whose line breaks a text input drops', () => {
    const kept = { ...role, name: 'Two\nline name' };
    const values = { ...roleFormValues(kept, 'rolebook'), name: 'Twoline name' };
    expect(roleFromForm(values, kept, 'rolebook').name).toBe(kept.name);
  });
});

describe('the term form', () => {
  it('gives back the content it was filled from', () => {
    expect(termFromForm(posted(termFormValues(term)))).toEqual(term);
  });

  it('writes plain values as a person would type them', () => {
    const values = termFormValues({ ...term, abbreviations: ['CI', 'C.I.'], aliases: ['A', 'B'] });
    expect(values.abbreviations).toBe('CI, C.I.');
    expect(values.aliases).toBe('A\nB');
  });

  it('reads commas between abbreviations and blank lines between aliases as nothing', () => {
    const values = {
      ...posted(termFormValues(term)),
      abbreviations: ' CI,, CD ,',
      aliases: '\n A \r\n\n',
    };
    const content = termFromForm(values);
    expect(content.abbreviations).toEqual(['CI', 'CD']);
    expect(content.aliases).toEqual(['A']);
  });
});

describe('the term form with values its line format would split', () => {
  it('gives back abbreviations and needs-context forms holding commas, slashes and backslashes', () => {
    const abbreviations = ['CI, CD', 'CI/CD', 'C\\D', 'Trailing\\'];
    const needsContext = ['a,b', 'CI/CD'];
    expect(termRoundTrip({ ...term, abbreviations, needsContext })).toMatchObject({
      abbreviations,
      needsContext,
    });
  });

  it('gives back aliases holding colons, commas and line breaks, each break made a space', () => {
    const aliases = ['Ratio 3:1', 'One, two', 'Two\nlines', 'Carriage\r\nreturn'];
    expect(termRoundTrip({ ...term, aliases }).aliases).toEqual([
      'Ratio 3:1',
      'One, two',
      'Two lines',
      'Carriage return',
    ]);
  });

  it('gives back every list item without spaces at its ends', () => {
    const content = {
      ...term,
      abbreviations: [' CI '],
      aliases: [' Leading', 'Trailing\t', '\u00a0Both '],
      needsContext: [' CI '],
    };
    expect(termRoundTrip(content)).toEqual({
      ...content,
      abbreviations: ['CI'],
      aliases: ['Leading', 'Trailing', 'Both'],
      needsContext: ['CI'],
    });
  });

  it('gives back spaces at the ends of the name and the definition', () => {
    const content = {
      ...term,
      name: ' Spaced name ',
      definition: '  Spaced definition\nover two lines  ',
    };
    expect(termRoundTrip(content)).toEqual(content);
  });

  it('gives back unicode as it is', () => {
    const content = { ...term, name: 'Déploiement 継続', aliases: ['Ünïcødé 🚀'] };
    expect(termRoundTrip(content)).toEqual(content);
  });

  it('gives back an empty needs-context list as a list, and none as none', () => {
    expect(termRoundTrip({ ...term, needsContext: [] }).needsContext).toEqual([]);
    const { needsContext: _n, ...without } = term;
    expect(termRoundTrip(without)).not.toHaveProperty('needsContext');
  });
});

describe('the term form with text a browser cannot send back', () => {
  it('keeps a stored definition whose CR line breaks a browser sends back as CRLF', () => {
    const definition = 'Windows\r\nline breaks\rand a lone CR';
    const sent = { ...posted(termFormValues({ ...term, definition })) };
    sent.definition = sent.definition.replace(/\r\n?|\n/g, '\r\n');
    expect(termFromForm(sent, { ...term, definition }).definition).toBe(definition);
  });

  it('keeps a stored name whose line breaks a text input drops', () => {
    const name = 'Two\nline name';
    const sent = { ...posted(termFormValues({ ...term, name })), name: 'Twoline name' };
    expect(termFromForm(sent, { ...term, name }).name).toBe(name);
  });

  it('stores a definition typed anew with LF line breaks', () => {
    const sent = { ...posted(termFormValues(term)), definition: 'Typed\r\nanew' };
    expect(termFromForm(sent, { ...term, definition: 'Was\r\nthis' }).definition).toBe(
      'Typed\nanew',
    );
  });
});
