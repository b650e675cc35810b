import type { Role, TaxonomyInput, Term, TermCategory } from '../domain/index.js';
import type { GuideInput } from './guide.presenter.js';

/** Test data: a realistic built-in role and its terms, shared by the renderer tests. */

const stamp = {
  version: 3,
  createdAt: '2025-01-10T09:00:00.000Z',
  updatedAt: '2025-03-02T16:30:00.000Z',
};

/** The domain's `Term['category']` is inferred as `never` today; this keeps the fixture typed either way. */
const categoryOf = (category: TermCategory): Term['category'] => category;

const term = (
  slug: string,
  name: string,
  definition: string,
  extra: Partial<Pick<Term, 'abbreviations' | 'aliases' | 'examples'>> & {
    category?: TermCategory;
  } = {},
): Term => ({
  slug,
  name,
  definition,
  abbreviations: [],
  aliases: [],
  examples: [],
  caseSensitive: false,
  ...stamp,
  ...extra,
  category: categoryOf(extra.category ?? 'concept'),
});

export const backendTerms: Term[] = [
  term(
    'api',
    'Application Programming Interface',
    'An agreed way for one program to ask another for data or actions.',
    { abbreviations: ['API'], category: 'concept' },
  ),
  term(
    'dbms',
    'Database Management System',
    'Software that stores data and answers questions about it.',
    {
      abbreviations: ['DBMS'],
      category: 'database',
      examples: ['mysql', 'postgresql', 'mongodb', 'oracle-database'],
    },
  ),
  term('server-side', 'Server-side', 'Work done on the server rather than in the browser.'),
  term(
    'backend-technologies',
    'Backend technologies',
    'Languages and frameworks that backend code is written in.',
    {
      examples: ['node-js', 'java', 'python', 'ruby-on-rails'],
    },
  ),
  term('scalability', 'Scalability', 'How well a system copes when the load grows.'),
  term(
    'api-integration',
    'API integration',
    'Connecting systems through their APIs so that they share data.',
  ),
];

const exampleTerms = new Map(
  (
    [
      ['mysql', 'MySQL'],
      ['postgresql', 'PostgreSQL'],
      ['mongodb', 'MongoDB'],
      ['oracle-database', 'Oracle Database'],
      ['node-js', 'Node.js'],
      ['java', 'Java'],
      ['python', 'Python'],
      ['ruby-on-rails', 'Ruby on Rails'],
    ] as const
  ).map(([slug, name]) => [slug, term(slug, name, `${name}, an example term.`)]),
);

export const backendDeveloper: Role = {
  taxonomy: 'rolebook',
  code: 'backend-developer',
  name: 'Backend Developer',
  summary:
    'A backend developer builds the parts of an application that run on the server: the API that apps call, the database behind it and the logic in between.\n\nThey work with frontend developers so that what users see is backed by fast, correct data.',
  alternativeTitles: [
    'Backend Engineer',
    'Database Engineer',
    'Backend Infrastructure Engineer',
    'Backend Software Engineer',
    'Senior Backend Software Engineer',
  ],
  responsibilities: [
    'Design and build the API that web and mobile apps use.',
    'Model data and keep the database healthy.',
    'Keep services fast and available as traffic grows.',
  ],
  benefits: [
    {
      title: 'Performance',
      text: 'Pages and apps answer quickly because the server side is efficient.',
    },
    { title: 'Scalability', text: 'The system keeps working when the number of users grows.' },
    { title: 'Data management', text: 'Data stays correct, safe and easy to reach.' },
    {
      title: 'API development',
      text: 'A clean API lets the apps and partners talk to your system.',
    },
    { title: 'Security', text: 'Sensitive data is protected against attacks and leaks.' },
  ],
  signs: [
    {
      title: 'Slow pages and crashes',
      text: 'The application is slow to load or falls over under load.',
    },
    { title: 'Trouble scaling', text: 'Adding users or features strains the system.' },
    { title: 'Database trouble', text: 'The database is hard to manage, secure or speed up.' },
    {
      title: 'API integration needs',
      text: 'You need an API built or connected to other systems.',
    },
    { title: 'Security concerns', text: 'You worry about how user data is protected.' },
  ],
  terms: backendTerms.map((t) => t.slug),
  skills: [{ name: 'Database design' }, { name: 'API design' }, { name: 'Performance tuning' }],
  technologies: [
    { name: 'Node.js', category: 'Languages and runtimes', hot: true },
    { name: 'Java', category: 'Languages and runtimes' },
    { name: 'PostgreSQL', category: 'Databases', hot: true },
    { name: 'Redis', category: 'Databases' },
    { name: 'Docker' },
  ],
  relatedRoles: [
    { taxonomy: 'rolebook', code: 'frontend-developer' },
    { taxonomy: 'rolebook', code: 'devops-engineer' },
  ],
  links: [
    {
      title: 'MDN: server-side website programming',
      url: 'https://developer.mozilla.org/en-US/docs/Learn/Server-side',
    },
    { title: 'The Twelve-Factor App', url: 'https://12factor.net/' },
  ],
  crosswalk: [{ taxonomy: 'onet', code: '15-1252.00' }],
  status: 'published',
  ...stamp,
};

export const builtIn: TaxonomyInput = {
  id: 'rolebook',
  name: 'Rolebook library',
  description: 'Curated role guides.',
};

export const backendGuideInput = (overrides: Partial<GuideInput> = {}): GuideInput => ({
  role: backendDeveloper,
  taxonomy: builtIn,
  terms: backendTerms,
  examples: exampleTerms,
  related: [
    { taxonomy: 'rolebook', code: 'frontend-developer', name: 'Frontend Developer' },
    { taxonomy: 'rolebook', code: 'devops-engineer', name: 'DevOps Engineer' },
  ],
  counterparts: [{ taxonomy: 'onet', code: '15-1252.00', name: 'Software Developers' }],
  baseUrl: 'https://rolebook.example',
  ...overrides,
});

/** A payload that would run if any renderer let it through unescaped. */
const attack = (field: string): string =>
  `<script>alert("${field}")</script><img src=x onerror=alert(1)> *bold* [link](javascript:alert(1)) &amp;`;

/** The same role with every edited text, including its terms and neighbours, an attack. */
export const hostileGuideInput = (): GuideInput => {
  const evilTerm = (slug: string, examples: string[] = []): Term =>
    term(slug, attack(`${slug}.name`), attack(`${slug}.definition`), {
      abbreviations: [attack(`${slug}.abbreviation`)],
      aliases: [attack(`${slug}.alias`)],
      examples,
    });
  return {
    role: {
      ...backendDeveloper,
      name: attack('name'),
      summary: `${attack('summary.1')}\n\n${attack('summary.2')}`,
      alternativeTitles: [attack('alternativeTitle')],
      responsibilities: [attack('responsibility')],
      benefits: [{ title: attack('benefit.title'), text: attack('benefit.text') }],
      signs: [{ title: attack('sign.title'), text: attack('sign.text') }],
      skills: [
        { name: attack('skill'), importance: 'essential' },
        { name: attack('skill.optional'), importance: 'optional' },
      ],
      technologies: [{ name: attack('technology'), category: attack('category'), hot: true }],
      links: [
        { title: attack('link.title'), url: 'https://example.test/"><script>alert(1)</script>' },
        { title: 'Script link', url: 'javascript:alert(1)' },
      ],
      updatedAt: attack('updatedAt'),
    },
    taxonomy: {
      id: 'custom',
      name: attack('taxonomy.name'),
      version: attack('taxonomy.version'),
      url: 'javascript:alert(1)',
      license: attack('taxonomy.license'),
      attribution: attack('taxonomy.attribution'),
    },
    terms: [evilTerm('api', ['mysql'])],
    examples: new Map([['mysql', evilTerm('mysql')]]),
    related: [{ taxonomy: 'rolebook', code: 'x"><script>', name: attack('related') }],
    counterparts: [
      {
        taxonomy: 'onet',
        code: attack('counterpart.code'),
        name: attack('counterpart.name'),
        taxonomyName: attack('counterpart.taxonomy'),
      },
    ],
    baseUrl: 'https://rolebook.example',
    spotTerms: (text) => {
      const at = text.indexOf('alert');
      return at < 0 ? [] : [{ start: at, end: at + 5, slug: 'alert' }];
    },
  };
};

/** Markup with whitespace folded, so assertions do not depend on how a template is laid out. */
export const flat = (markup: string): string =>
  markup
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/\s*([<>])\s*/g, '$1');
