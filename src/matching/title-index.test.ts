import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_SCORE } from './calibration.js';
import type { TitleSource } from './match.types.js';
import { TitleIndex } from './title-index.js';

const ROLES: TitleSource[] = [
  {
    taxonomy: 'onet',
    code: '15-1252.00',
    name: 'Software Developers',
    titles: ['Software Engineer', 'Application Developer', 'Software Development Engineer'],
  },
  {
    taxonomy: 'onet',
    code: '15-1242.00',
    name: 'Database Administrators',
    titles: ['Database Administrator', 'Database Manager', 'Oracle Database Administrator'],
  },
  {
    taxonomy: 'onet',
    code: '29-1141.00',
    name: 'Registered Nurses',
    titles: ['Staff Nurse', 'Charge Nurse', 'Nurse Manager', 'Registered Nurse (RN)'],
  },
  {
    taxonomy: 'onet',
    code: '11-2021.00',
    name: 'Marketing Managers',
    titles: ['Marketing Director', 'Brand Marketing Manager', 'Marketing Manager'],
  },
  {
    taxonomy: 'onet',
    code: '41-2031.00',
    name: 'Retail Salespersons',
    titles: ['Sales Associate', 'Sales Clerk', 'Retail Sales Associate'],
  },
  {
    taxonomy: 'onet',
    code: '35-2014.00',
    name: 'Cooks, Restaurant',
    titles: ['Line Cook', 'Kitchen Cook', 'Prep Cook'],
  },
  {
    taxonomy: 'rolebook',
    code: 'backend-developer',
    name: 'Backend Developer',
    titles: ['Back-end Engineer', 'Server-side Developer'],
  },
];

const index = TitleIndex.build(ROLES);
const topCode = (title: string, taxonomy?: string): string | undefined =>
  index.match(title, { minScore: 0, ...(taxonomy === undefined ? {} : { taxonomy }) }).matches[0]
    ?.code;

/** The confident first match of a query, among ROLES and an added role listing one title. */
const confidentWith = (title: string, query: string) =>
  TitleIndex.build([
    ...ROLES,
    { taxonomy: 'rolebook', code: 'added', name: title, titles: [title] },
  ]).match(query).matches[0];

describe('TitleIndex', () => {
  it('counts its roles and titles', () => {
    expect(index.size).toBe(ROLES.length);
    expect(index.titleCount).toBeGreaterThan(ROLES.length);
  });

  it('builds from any iterable of sources', () => {
    function* sources(): Generator<TitleSource> {
      yield* ROLES;
    }
    expect(TitleIndex.build(sources()).size).toBe(ROLES.length);
  });

  it('matches a known title with a confident score and names the title that matched', () => {
    const [best] = index.match('Charge Nurse').matches;
    expect(best).toMatchObject({
      taxonomy: 'onet',
      code: '29-1141.00',
      name: 'Registered Nurses',
      matchedTitle: 'Charge Nurse',
    });
    expect(best?.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it('matches a title a feed cut off in its head by the head it starts', () => {
    expect(index.match('Oracle Database Administ…').matches[0]?.code).toBe('15-1242.00');
    expect(index.match('Registered Nur...').matches[0]?.code).toBe('29-1141.00');
  });

  it('matches a bracketed alias of a title', () => {
    expect(topCode('RN')).toBe('29-1141.00');
  });

  it('reads one bracketed word after a title as the kind of job, not another name for it', () => {
    expect(confidentWith('Parachutist (Officer)', 'Officer')).toBeUndefined();
  });

  it('ignores case and punctuation', () => {
    expect(topCode('SOFTWARE-ENGINEER!!')).toBe('15-1252.00');
  });

  it('reads abbreviations', () => {
    expect(topCode('Sr. SWE')).toBe('15-1252.00');
    expect(topCode('DBA')).toBe('15-1242.00');
  });

  it('reads words in another order', () => {
    expect(topCode('Engineer, Software')).toBe('15-1252.00');
  });

  it('reads plurals', () => {
    expect(topCode('Line Cooks')).toBe('35-2014.00');
  });

  it('forgives one typo in a word of five letters or more', () => {
    expect(topCode('Registred Nurse')).toBe('29-1141.00');
    expect(topCode('Softwre Enginer')).toBe('15-1252.00');
  });

  it('forgives two typos in a word of nine letters or more', () => {
    expect(topCode('Databse Admnistrater')).toBe('15-1242.00');
  });

  it('reads a trade written as one word as the two words a title writes it in', () => {
    const top = confidentWith('Track Walker', 'Trackwalker');
    expect(top?.code).toBe('added');
  });

  it("forgives a typo in each of two words where one is a compound's second word", () => {
    const top = confidentWith('Full-Stack Developer', 'Full Stak Developper');
    expect(top?.code).toBe('added');
  });

  it('reads a typo as the word more titles use when two are equally near', () => {
    const index = TitleIndex.build([
      { taxonomy: 'onet', code: 'payroll', name: 'Payroll Clerks', titles: ['Benefits Manger'] },
      {
        taxonomy: 'onet',
        code: 'benefits',
        name: 'Benefits Officers',
        titles: ['Benefits Administrator', 'Benefits Manager'],
      },
      { taxonomy: 'onet', code: 'office', name: 'Office Managers', titles: ['Branch Manager'] },
    ]);
    const { matches } = index.match('Benefits Maager', { minScore: 0 });
    expect(matches[0]?.code).toBe('benefits');
    expect(matches[0]?.score).toBeGreaterThan(DEFAULT_MIN_SCORE);
  });

  it('copes with extra words', () => {
    expect(topCode('Experienced Line Cook for a busy downtown restaurant')).toBe('35-2014.00');
  });

  it('reads a title written as the job to do by the role words of its clause', () => {
    const top = confidentWith(
      'Kubernetes Engineer',
      'Engineer to keep our Kubernetes clusters healthy',
    );
    expect(top?.code).toBe('added');
  });

  it('reads whom a role phrase serves, after "for", as its team', () => {
    const result = index.match('Database Administrator for two hospitals');
    expect(result).toMatchObject({ core: 'Database Administrator', team: 'two hospitals' });
    expect(result.matches[0]?.code).toBe('15-1242.00');
  });

  it('keeps a "for" clause of title words in the role phrase, as a field of it', () => {
    const result = index.match('Prep Cook for Retail Sales');
    expect(result.core).toBe('Prep Cook for Retail Sales');
    expect(result.team).toBeUndefined();
  });

  it('reads whom a one-word title serves, after "for", as its team', () => {
    const added = TitleIndex.build([
      ...ROLES,
      { taxonomy: 'rolebook', code: 'ciso', name: 'vCISO', titles: ['vCISO'] },
    ]).match('vCISO for fintech clients');
    expect(added).toMatchObject({ core: 'vCISO', team: 'fintech clients' });
    expect(added.matches[0]?.code).toBe('ciso');
  });

  it('reads a gig named by its deliverable as the developer of its technology', () => {
    const top = confidentWith('Flutter Developer', 'Build a Flutter app for my startup');
    expect(top?.code).toBe('added');
  });

  it('reads a civil-service grade before a listed title as no part of the role', () => {
    expect(index.match('SEO Charge Nurse')).toMatchObject({ core: 'Charge Nurse', noise: ['SEO'] });
  });

  it('keeps the letters of a grade before a title no role lists', () => {
    expect(index.match('SEO Marketing Writer').core).toBe('SEO Marketing Writer');
  });

  const withSysadmin = TitleIndex.build([
    ...ROLES,
    { taxonomy: 'rolebook', code: 'added', name: 'Sysadmin', titles: ['Sysadmin'] },
  ]);

  it('reads a specialty coded in capitals after an umbrella title as the role', () => {
    const result = withSysadmin.match('IT Specialist (SYSADMIN)');
    expect(result.core).toBe('SYSADMIN');
    expect(result.matches[0]?.code).toBe('added');
  });

  it('reads initials in capitals after a title as the title said again', () => {
    const index = TitleIndex.build([
      ...ROLES,
      { taxonomy: 'onet', code: 'csa', name: 'Surgical Assistants', titles: ['CSA'] },
    ]);
    expect(index.match('Charge Nurse (CSA)').core).toBe('Charge Nurse');
  });

  it('reads no specialty in a bracket of a title written all in capitals', () => {
    expect(withSysadmin.match('CHARGE NURSE (SYSADMIN)').core).toBe('CHARGE NURSE');
  });

  it('lets the rarer, meaning-carrying word decide', () => {
    expect(topCode('Manager, Brand Marketing')).toBe('11-2021.00');
    expect(topCode('Database Manager')).toBe('15-1242.00');
  });

  it('matches a messy posting title and reports what it parsed off', () => {
    const result = index.match('Sr. Back-end Engineer II (Node.js) - Remote, Berlin REQ-12345', {
      taxonomy: 'rolebook',
    });
    expect(result).toMatchObject({
      core: 'Back-end Engineer',
      seniority: 'senior',
      level: 'II',
      workMode: 'remote',
      location: 'Berlin',
      technologies: ['Node.js'],
      noise: ['REQ-12345'],
    });
    expect(result.matches[0]?.code).toBe('backend-developer');
  });

  it('matches the role phrase before a team and names the team', () => {
    const result = index.match('Backend Engineer, Search Platform', { taxonomy: 'rolebook' });
    expect(result).toMatchObject({ core: 'Backend Engineer', team: 'Search Platform' });
    expect(result.matches[0]?.code).toBe('backend-developer');
  });

  it('keeps comma-joined words before the role word in the role phrase', () => {
    const result = index.match('Governance, Risk and Compliance Analyst');
    expect(result.core).toBe('Governance, Risk and Compliance Analyst');
    expect(result.team).toBeUndefined();
  });

  it('matches the bracketed text when it is the only part the index can read', () => {
    const result = index.match('Sopir Xyzzy (Backend Engineer)', { taxonomy: 'rolebook' });
    expect(result.core).toBe('Backend Engineer');
    expect(result.matches[0]?.code).toBe('backend-developer');
  });

  it('matches a hidden title and marks the match as hidden', () => {
    const hidden = TitleIndex.build([
      {
        taxonomy: 'esco',
        code: 'dev',
        name: 'software developer',
        titles: ['programmer'],
        hiddenTitles: ['softwear developer', 'programmer'],
      },
    ]);
    expect(hidden.match('Softwear Developer').matches[0]).toMatchObject({
      code: 'dev',
      matchedTitle: 'softwear developer',
      matchedHidden: true,
    });
    expect(hidden.match('Programmer').matches[0]).not.toHaveProperty('matchedHidden');
  });

  it('keeps to one taxonomy when asked', () => {
    expect(topCode('Backend Engineer', 'rolebook')).toBe('backend-developer');
    expect(topCode('Backend Engineer', 'onet')).toBe('15-1252.00');
  });

  it('finds a role of the chosen taxonomy through a word hundreds of titles share', () => {
    const letters = (n: number): string =>
      [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const crowded = TitleIndex.build([
      ...Array.from({ length: 500 }, (_, i) => ({
        taxonomy: 'big',
        code: `b${i}`,
        name: `Operator ${letters(i + 1000)}`,
        titles: [],
      })),
      { taxonomy: 'big', code: 'w', name: 'Welding Inspector', titles: [] },
      {
        taxonomy: 'small',
        code: 's1',
        name: 'Senior Machine Shop Operator Trainee Assistant',
        titles: [],
      },
    ]);
    const { matches } = crowded.match('Welding Operator', { taxonomy: 'small', minScore: 0 });
    expect(matches[0]?.code).toBe('s1');
  });

  it('returns at most `top` matches, best first, scores never rising', () => {
    const { matches } = index.match('Manager', { top: 2, minScore: 0 });
    expect(matches).toHaveLength(2);
    expect(matches[0]?.score).toBeGreaterThanOrEqual(matches[1]?.score ?? 1);
  });

  it('falls back to five matches when `top` is not a number', () => {
    expect(
      index.match('Manager', { top: Number.NaN, minScore: 0 }).matches.length,
    ).toBeLessThanOrEqual(5);
    expect(index.match('Manager', { top: Number.NaN, minScore: 0 }).matches.length).toBeGreaterThan(
      0,
    );
  });

  it('returns no match for a title it cannot place', () => {
    expect(index.match('Zqx Blorf').matches).toEqual([]);
  });

  it('scores a vague title lower than a precise one', () => {
    const vague = index.match('Associate', { minScore: 0 }).matches[0]?.score ?? 0;
    const precise = index.match('Retail Sales Associate', { minScore: 0 }).matches[0]?.score ?? 0;
    expect(precise).toBeGreaterThan(vague);
  });

  it('leaves out matches under the minimum score', () => {
    const all = index.match('Manager', { minScore: 0 }).matches;
    const cut = (all[0]?.score ?? 0) + 0.001;
    expect(index.match('Manager', { minScore: cut }).matches).toEqual([]);
  });

  it('answers odd input without throwing', () => {
    for (const input of ['', '   ', '\u0000\u0007', '((()))', '#', 'x'.repeat(10_000)]) {
      const result = index.match(input);
      expect(result.input).toBe(input);
      expect(result.matches).toEqual([]);
    }
  });

  it('matches a title written head first with its level last as the title with the level first', () => {
    const turned = index.match('Engineer, Back-end, Principal', { top: 1 }).matches[0];
    expect(turned?.code).toBe('backend-developer');
    expect(turned?.score).toBe(
      index.match('Principal Back-end Engineer', { top: 1 }).matches[0]?.score,
    );
  });

  it('returns plain data that survives a structured clone', () => {
    const result = index.match('Staff Nurse - London');
    expect(structuredClone(result)).toEqual(result);
  });
});

describe('TitleIndex exact titles and set-aside words', () => {
  const roles = TitleIndex.build([
    {
      taxonomy: 'rolebook',
      code: 'software-architect',
      name: 'Software Architect',
      titles: ['Solutions Architect', 'Systems Architect', 'Enterprise Architect'],
    },
    {
      taxonomy: 'rolebook',
      code: 'ux-designer',
      name: 'UX Designer',
      titles: ['Information Architect', 'UX/UI Designer'],
    },
    { taxonomy: 'rolebook', code: 'ui-designer', name: 'UI Designer', titles: ['UI/UX Designer'] },
    { taxonomy: 'rolebook', code: 'tech-lead', name: 'Tech Lead', titles: ['Lead Developer'] },
    {
      taxonomy: 'rolebook',
      code: 'web-developer',
      name: 'Web Developer',
      titles: ['Developer', 'Website Developer'],
    },
    {
      taxonomy: 'rolebook',
      code: 'android-developer',
      name: 'Android Developer',
      titles: ['Mobile Engineer (Android)'],
    },
    {
      taxonomy: 'rolebook',
      code: 'ios-developer',
      name: 'iOS Developer',
      titles: ['Mobile Engineer (iOS)'],
    },
  ]);
  const best = (title: string): string | undefined => roles.match(title).matches[0]?.code;

  it('prefers the role that lists the title word for word', () => {
    expect(best('Information Architect')).toBe('ux-designer');
  });

  it('tells titles with the same words in another order apart', () => {
    expect(best('UX/UI Designer')).toBe('ux-designer');
    expect(best('UI/UX Designer')).toBe('ui-designer');
  });

  it('matches a title that starts with a seniority word as the taxonomy lists it', () => {
    expect(best('Lead Developer')).toBe('tech-lead');
    expect(roles.match('Lead Developer').seniority).toBe('lead');
  });

  it('uses bracketed words to choose between otherwise equal titles', () => {
    expect(best('Mobile Engineer (Android)')).toBe('android-developer');
    expect(best('Mobile Engineer (iOS)')).toBe('ios-developer');
  });
});

describe('TitleIndex role phrase among qualifiers', () => {
  const roles = TitleIndex.build([
    {
      taxonomy: 'rolebook',
      code: 'software-engineer',
      name: 'Software Engineer',
      titles: ['Software Developer'],
    },
    { taxonomy: 'rolebook', code: 'web-developer', name: 'Web Developer', titles: [] },
    { taxonomy: 'rolebook', code: 'data-scientist', name: 'Data Scientist', titles: [] },
    {
      taxonomy: 'rolebook',
      code: 'ml-engineer',
      name: 'Machine Learning Engineer',
      titles: ['ML Engineer'],
    },
    { taxonomy: 'rolebook', code: 'devops-engineer', name: 'DevOps Engineer', titles: [] },
    {
      taxonomy: 'rolebook',
      code: 'tech-lead',
      name: 'Tech Lead',
      titles: ['Lead Engineer', 'Lead Software Engineer'],
    },
    {
      taxonomy: 'rolebook',
      code: 'backend-developer',
      name: 'Backend Developer',
      titles: ['Backend Software Engineer', 'Java Developer'],
    },
  ]);
  const best = (title: string): string | undefined =>
    roles.match(title, { minScore: 0 }).matches[0]?.code;

  it('keeps a misspelt role phrase rather than the role named in brackets', () => {
    const result = roles.match('Sofware Enginer (Web Developer)');
    expect(result.core).toBe('Sofware Enginer');
    expect(result.matches[0]?.code).toBe('software-engineer');
  });

  it('reads the team after a misspelt role phrase as the team', () => {
    expect(roles.match('Sofware Enginer, Payments')).toMatchObject({
      core: 'Sofware Enginer',
      team: 'Payments',
    });
  });

  it('takes the first of two roles joined by a slash', () => {
    const result = roles.match('Data Scientist/ML Engineer');
    expect(result).toMatchObject({ core: 'Data Scientist', noise: ['ML Engineer'] });
    expect(result.matches[0]?.code).toBe('data-scientist');
  });

  it('takes the first of two roles joined by a spaced slash, not the second as its team', () => {
    const result = roles.match('Data Scientist / Developer - Remote');
    expect(result).toMatchObject({ core: 'Data Scientist', noise: ['Developer'] });
    expect(result.team).toBeUndefined();
  });

  it('keeps a team after a spaced slash as the team', () => {
    expect(roles.match('Data Scientist / Payments').team).toBe('Payments');
  });

  it.each([
    ['Data Scientist - SOC Tier 2', 'SOC', 'Level 2'],
    ['Software Engineer, Service Desk L2', 'Service Desk', 'L2'],
    ['DevOps Engineer | NOC Level 3', 'NOC', 'Level 3'],
  ])('reads the level ending the team in "%s" as the level', (title, team, level) => {
    expect(roles.match(title)).toMatchObject({ team, level });
  });

  it('takes the first of two roles joined by "or"', () => {
    const result = roles.match('Data Scientist or ML Engineer');
    expect(result).toMatchObject({ core: 'Data Scientist', noise: ['ML Engineer'] });
  });

  it('takes the first of two roles of one word each', () => {
    const index = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'devops', name: 'DevOps Engineer', titles: [] },
      { taxonomy: 'rolebook', code: 'sre', name: 'Site Reliability Engineer', titles: ['SRE'] },
    ]);
    expect(index.match('DevOps or SRE').matches[0]?.code).toBe('devops');
    expect(index.match('DevOps/SRE').matches[0]?.code).toBe('devops');
  });

  it('reads one word before a slash and a role phrase as a field of the phrase', () => {
    expect(roles.match('Data/ML Engineer').matches[0]?.code).toBe('ml-engineer');
  });

  it('answers a leader of a field no role leads with the practitioner it points to', () => {
    for (const title of ['Director of Data Science', 'Data Science Manager']) {
      const [first] = roles.match(title).matches;
      expect(first?.code).toBe('data-scientist');
      expect(first?.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    }
  });

  it('keeps a leader of a field answered with another role than its practitioner', () => {
    const index = TitleIndex.build([
      { taxonomy: 'onet', code: 'civil', name: 'Civil Engineer', titles: [] },
      {
        taxonomy: 'onet',
        code: 'managers',
        name: 'Architectural and Engineering Managers',
        titles: ['Engineering Research Manager'],
      },
    ]);
    expect(index.match('Civil Engineering Manager', { minScore: 0 }).matches[0]?.code).toBe(
      'managers',
    );
  });

  it('reads a level after a role in capitals as the level', () => {
    const result = roles.match('ML ENGINEER STAFF');
    expect(result).toMatchObject({ core: 'ML ENGINEER', seniority: 'staff' });
  });

  it('reads a word before a spaced slash as another field of the role after it', () => {
    const result = roles.match('Data / DevOps Engineer');
    expect(result.core).toBe('Data/DevOps Engineer');
    expect(result.matches[0]?.code).toBe('devops-engineer');
  });

  it('reads a place written after the role with no mark between as the place', () => {
    expect(roles.match('DevOps Engineer London')).toMatchObject({
      core: 'DevOps Engineer',
      location: 'London',
    });
  });

  it('reads a shift written after the role with no mark between as the shift', () => {
    const result = roles.match('DevOps Engineer 2nd shift');
    expect(result).toMatchObject({ core: 'DevOps Engineer', shift: 'evening' });
    expect(result.matches[0]?.code).toBe('devops-engineer');
  });

  it('reads a hashtag after the role as noise', () => {
    expect(roles.match('DevOps Engineer #hiring')).toMatchObject({
      core: 'DevOps Engineer',
      noise: ['#hiring'],
    });
  });

  it('reads full-width letters as the letters they stand for', () => {
    expect(roles.match('Ｄｅｖｏｐｓ Ｅｎｇｉｎｅｅｒ').matches[0]?.code).toBe('devops-engineer');
  });

  it('reads a work mode before a spaced slash as the work mode', () => {
    expect(roles.match('Remote / DevOps Engineer')).toMatchObject({
      core: 'DevOps Engineer',
      workMode: 'remote',
    });
  });

  it('reads a segment ending in Team as the team of the role phrase before it', () => {
    const result = roles.match('Jr DevOps, Payments Team');
    expect(result).toMatchObject({ core: 'DevOps', seniority: 'junior', team: 'Payments Team' });
    expect(result.matches[0]?.code).toBe('devops-engineer');
  });

  it('matches a misspelt role phrase to the same role with or without a seniority word', () => {
    expect(best('Lead Sofware Enginer')).toBe(best('Sofware Enginer'));
    expect(best('Sofware Enginer')).toBe('software-engineer');
  });

  it('matches a title listed with its team the same with a seniority word in front', () => {
    expect(best('Software Engineer - Backend')).toBe('backend-developer');
    expect(best('Sr. Software Engineer - Backend (Remote, US)')).toBe('backend-developer');
  });

  it('answers a misspelt role phrase with a technology in brackets above the threshold', () => {
    expect(roles.match('Sofware Engineer (Java)').matches[0]?.code).toBe('software-engineer');
  });

  it('answers a stack named with another word for its builder, as the listed title', () => {
    expect(roles.match('Java Engineer').matches[0]).toMatchObject({
      code: 'backend-developer',
      matchedTitle: 'Java Developer',
    });
  });

  it('reads acronyms after the role phrase as its qualifier', () => {
    const result = roles.match('DevOps Engineer CKA');
    expect(result).toMatchObject({ core: 'DevOps Engineer', noise: ['CKA'] });
    expect(result.matches[0]?.code).toBe('devops-engineer');
  });

  it('still matches a title a taxonomy lists with its seniority word', () => {
    expect(best('Lead Software Engineer')).toBe('tech-lead');
  });
});

describe('TitleIndex ranking by what an occupation is named', () => {
  it("prefers, between roles whose titles share the same words, the one whose name has the query's", () => {
    const index = TitleIndex.build([
      {
        taxonomy: 'onet',
        code: 'cloth',
        name: 'Cloth Sorters',
        titles: ['Weigher', 'Yarn Grader'],
      },
      { taxonomy: 'onet', code: 'yarn', name: 'Yarn Graders', titles: ['Weigher', 'Cloth Sorter'] },
    ]);
    expect(index.match('Yarn Weigher', { minScore: 0 }).matches[0]?.code).toBe('yarn');
  });
});

describe('TitleIndex ranking a plain title against ranks and specialities', () => {
  it('puts the occupation a bare head names before one its name narrows by speciality', () => {
    const titles = (field: string) => ['Ward', 'Adult', field].map((word) => `${word} Nurse`);
    const index = TitleIndex.build([
      {
        taxonomy: 'esco',
        code: 'specialist',
        name: 'Specialist Nurse',
        titles: titles('Vascular'),
      },
      { taxonomy: 'esco', code: 'general', name: 'General Care Nurse', titles: titles('District') },
    ]);
    expect(index.match('Nurse', { minScore: 0 }).matches[0]?.code).toBe('general');
  });
});

describe('TitleIndex weighing a word by the roles that keep it', () => {
  it('lets a word most of whose titles one role lists point to that role', () => {
    const index = TitleIndex.build([
      {
        taxonomy: 'onet',
        code: 'supervisors',
        name: 'First-Line Supervisors',
        titles: [
          'Press Supervisor',
          'Line Supervisor',
          'Shift Supervisor',
          'Plant Supervisor',
          'Mill Supervisor',
          'Yard Supervisor',
        ],
      },
      {
        taxonomy: 'onet',
        code: 'terrazzo',
        name: 'Terrazzo Workers',
        titles: ['Terrazzo Worker', 'Terrazzo Finisher', 'Floor Grinder'],
      },
      { taxonomy: 'onet', code: 'tile', name: 'Tile Setters', titles: ['Tile Supervisor'] },
      { taxonomy: 'onet', code: 'cement', name: 'Cement Masons', titles: ['Cement Supervisor'] },
      { taxonomy: 'onet', code: 'brick', name: 'Brickmasons', titles: ['Brick Supervisor'] },
    ]);
    expect(index.match('Terrazzo Supervisor', { minScore: 0 }).matches[0]?.code).toBe(
      'supervisors',
    );
  });
});

describe('TitleIndex weighing the head against the words before it', () => {
  const role = (code: string, name: string, titles: string[] = []) => ({
    taxonomy: 'esco',
    code,
    name,
    titles,
  });

  it('lets a rare word before the head outweigh a head other roles list', () => {
    const index = TitleIndex.build([
      role('riveter', 'Riveter', ['Rivet Driver', 'Rivet Heater']),
      role('drill', 'Drill Press Operator', ['Tapper', 'Tapping Machine Operator', 'Drill Tapper']),
      role('wood', 'Wood Machinist', ['Machine Tapper']),
      role('pipe', 'Pipe Fitter', ['Pipe Tapper']),
    ]);
    expect(index.match('Rivet Tapper', { minScore: 0 }).matches[0]?.code).toBe('riveter');
  });

  it('ranks a role headed by a level of responsibility the query does not say after one that is not', () => {
    const index = TitleIndex.build([
      role('manager', 'Spa Manager'),
      role('attendant', 'Spa Attendant'),
      role('office', 'Office Manager'),
      role('shop', 'Shop Manager'),
      role('hotel', 'Hotel Manager'),
      role('dental', 'Dental Assistant'),
    ]);
    const codes = index.match('Spa Assistant', { minScore: 0 }).matches.map((m) => m.code);
    expect(codes.indexOf('attendant')).toBeLessThan(codes.indexOf('manager'));
  });
});

describe('TitleIndex ranking on an imported taxonomy', () => {
  const occupations = TitleIndex.build([
    {
      taxonomy: 'esco',
      code: 'pharmacist',
      name: 'Pharmacist',
      titles: ['Pharmacologist', 'Clinical Pharmacologist', 'Hospital Pharmacologist'],
    },
    { taxonomy: 'esco', code: 'pharmacologist', name: 'Pharmacologist', titles: [] },
    { taxonomy: 'esco', code: 'drivers', name: 'Delivery Van Driver', titles: ['Driver'] },
    { taxonomy: 'esco', code: 'chauffeur', name: 'Chauffeur', titles: ['Driver'] },
    { taxonomy: 'esco', code: 'cab', name: 'Cab Operator', titles: ['Driver', 'Cab Driver'] },
    { taxonomy: 'esco', code: 'bus', name: 'Bus Operator', titles: ['Bus Driver'] },
  ]);

  it('puts the occupation whose own name is the title before those listing it as an alternate', () => {
    const { matches } = occupations.match('Pharmacologist', { minScore: 0 });
    expect(matches[0]?.code).toBe('pharmacologist');
    expect(matches[0]?.score).toBeGreaterThan(DEFAULT_MIN_SCORE);
  });

  it('never scores two ranked occupations level: the order says which evidence was stronger', () => {
    const { matches } = occupations.match('Driver', { minScore: 0 });
    expect(matches.length).toBeGreaterThan(2);
    for (let i = 1; i < matches.length; i++) {
      expect(matches[i]?.score).toBeLessThan(matches[i - 1]?.score ?? 0);
    }
  });
});

describe('TitleIndex bare stems of occupation names', () => {
  const occupations = TitleIndex.build([
    { taxonomy: 'esco', code: 'lottery', name: 'Lottery Cashier', titles: ['Clerk'] },
    { taxonomy: 'esco', code: 'file', name: 'File Clerk', titles: ['Records Clerk'] },
    { taxonomy: 'esco', code: 'payroll', name: 'Payroll Clerk', titles: ['Wages Clerk'] },
    { taxonomy: 'esco', code: 'office', name: 'Office Clerk', titles: ['General Clerk'] },
    { taxonomy: 'esco', code: 'cashier', name: 'Cashier', titles: ['Checkout Operator'] },
  ]);

  it('is not sure of the one occupation listing a word many names end in as a title', () => {
    const [first] = occupations.match('Clerk', { minScore: 0 }).matches;
    expect(first?.score).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('stays sure of an occupation listing a title no other name extends', () => {
    const [first] = occupations.match('Checkout Operator', { minScore: 0 }).matches;
    expect(first?.code).toBe('cashier');
    expect(first?.score).toBeGreaterThan(DEFAULT_MIN_SCORE);
  });
});

describe('TitleIndex fields of other work', () => {
  const roles = TitleIndex.build([
    {
      taxonomy: 'rolebook',
      code: 'solutions-engineer',
      name: 'Solutions Engineer',
      titles: ['Technical Solutions Engineer', 'Sales Engineer'],
    },
  ]);

  it('reads a field of other work spelt right as itself, not as a look-alike the index has', () => {
    const [first] = roles.match('Mechanical Engineer', { minScore: 0 }).matches;
    expect(first?.matchedTitle).not.toBe('Technical Solutions Engineer');
    expect(first?.score ?? 0).toBeLessThan(DEFAULT_MIN_SCORE);
  });
});

describe('TitleIndex honest answers', () => {
  const roles = TitleIndex.build([
    { taxonomy: 'rolebook', code: 'analyst', name: 'Marketing Analyst', titles: ['Data Analyst'] },
    { taxonomy: 'rolebook', code: 'advocate', name: 'Developer Advocate', titles: ['DevRel'] },
    {
      taxonomy: 'rolebook',
      code: 'marketer',
      name: 'Growth Marketing Manager',
      titles: ['Marketing Lead'],
    },
    { taxonomy: 'rolebook', code: 'engineer', name: 'Software Engineer', titles: [] },
    {
      taxonomy: 'rolebook',
      code: 'games',
      name: 'Game Developer',
      titles: ['Game Software Engineer', 'Engine Programmer'],
    },
  ]);

  it('gives no confident answer to a field named alone', () => {
    expect(roles.match('Marketing').matches).toEqual([]);
  });

  it('answers a word that only one role uses, though it heads none of its titles', () => {
    expect(roles.match('DevRel - Remote').matches[0]?.code).toBe('advocate');
  });

  describe('a lone word', () => {
    const library = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'writer', name: 'Technical Writer', titles: [] },
      { taxonomy: 'rolebook', code: 'ai', name: 'AI Engineer', titles: ['AI Agent Engineer'] },
      { taxonomy: 'rolebook', code: 'devops', name: 'DevOps Engineer', titles: [] },
      { taxonomy: 'rolebook', code: 'tester', name: 'QA Engineer', titles: ['Tester'] },
    ]);

    it('gives no confident answer when it heads only titles that narrow it', () => {
      expect(library.match('Writer').matches).toEqual([]);
    });

    it('gives no confident answer when it names a thing the titles work on', () => {
      expect(library.match('Agent').matches).toEqual([]);
    });

    it('answers when it is a title of its own', () => {
      expect(library.match('Tester').matches[0]?.code).toBe('tester');
    });

    it('answers when it names a technology role by itself', () => {
      expect(library.match('DevOps').matches[0]?.code).toBe('devops');
    });
  });

  it('prefers a title listed with its seniority word for word over the bare role phrase', () => {
    const library = TitleIndex.build([
      {
        taxonomy: 'rolebook',
        code: 'lead',
        name: 'Tech Lead',
        titles: ['Technical Lead', 'Lead Developer', 'Lead Engineer', 'Lead Programmer'],
      },
      {
        taxonomy: 'rolebook',
        code: 'generic',
        name: 'Software Engineer',
        titles: ['Programmer', 'Computer Programmer', 'Software Programmer', 'Programmer Analyst'],
      },
    ]);
    expect(library.match('Lead Programmer').matches[0]?.code).toBe('lead');
    expect(library.match('Senior Programmer').matches[0]?.code).toBe('generic');
  });

  describe('a title that narrows the role phrase to other work', () => {
    const library = TitleIndex.build([
      {
        taxonomy: 'rolebook',
        code: 'data',
        name: 'Data Analyst',
        titles: ['Financial Data Analyst'],
      },
      { taxonomy: 'rolebook', code: 'ciso', name: 'CISO', titles: ['Chief Security Officer'] },
      {
        taxonomy: 'rolebook',
        code: 'platform',
        name: 'Platform Engineer',
        titles: ['Platform Operations Engineer'],
      },
      {
        taxonomy: 'rolebook',
        code: 'backend',
        name: 'Backend Developer',
        titles: ['Golang Backend Engineer'],
      },
    ]);

    it('gives no confident answer when the title puts software or data work before the head', () => {
      expect(library.match('Financial Analyst').matches).toEqual([]);
    });

    it('still answers when the word the title adds narrows the same work', () => {
      expect(library.match('Golang Engineer').matches[0]?.code).toBe('backend');
    });

    it('gives no confident answer when the title adds a chief the query does not name', () => {
      expect(library.match('Security Officer').matches).toEqual([]);
      expect(library.match('Chief Security Officer').matches[0]?.code).toBe('ciso');
    });

    it('reads a misspelt head only as the title head, not as another of its words', () => {
      expect(library.match('Platform Operative').matches).toEqual([]);
      expect(library.match('Platform Operations Enginer').matches[0]?.code).toBe('platform');
    });
  });

  it('matches a role with an unknown team in front of it confidently', () => {
    const engineers = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'engineer', name: 'Software Engineer', titles: [] },
      ...['Test', 'Build', 'Release', 'Tools', 'Embedded'].map((field) => ({
        taxonomy: 'rolebook',
        code: field,
        name: `${field} Software Engineer`,
        titles: [`${field} Engineer`],
      })),
    ]);
    expect(engineers.match('Payments Software Engineer').matches[0]?.code).toBe('engineer');
  });

  it('gives no confident answer through a title narrowed by another role word in front', () => {
    const library = TitleIndex.build([
      {
        taxonomy: 'rolebook',
        code: 'advocate',
        name: 'Developer Advocate',
        titles: ['Developer Marketing Manager'],
      },
      { taxonomy: 'rolebook', code: 'backend', name: 'Backend Developer', titles: [] },
      { taxonomy: 'rolebook', code: 'java', name: 'Backend Java Developer', titles: [] },
    ]);
    expect(library.match('Marketing Manager').matches).toEqual([]);
    expect(library.match('Java Developer').matches[0]?.code).toBe('java');
  });

  it('gives no confident answer to a lone word that is only a typo of a head noun', () => {
    const writers = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'writer', name: 'Technical Writer', titles: ['Writer'] },
    ]);
    expect(writers.match('Waiter').matches).toEqual([]);
    expect(writers.match('Writer').matches[0]?.code).toBe('writer');
  });

  it('reads a typo in the head noun as a word that heads titles', () => {
    expect(roles.match('Sofware Enginer', { minScore: 0 }).matches[0]?.code).toBe('engineer');
  });
});

describe('TitleIndex role initials', () => {
  const roles = () =>
    TitleIndex.build([
      { taxonomy: 'rolebook', code: 'ba', name: 'Business Analyst', titles: [] },
      { taxonomy: 'rolebook', code: 'se', name: 'Software Engineer', titles: [] },
      { taxonomy: 'rolebook', code: 'sec', name: 'Security Engineer', titles: [] },
    ]);

  it('reads a role\u2019s initials before its team as its name', () => {
    const result = roles().match('BA \u2013 Payments');
    expect(result.core).toBe('Business Analyst');
    expect(result.team).toBe('Payments');
    expect(result.matches[0]?.code).toBe('ba');
  });

  it('reads a role\u2019s initials after a level word as its name', () => {
    const result = roles().match('Sr. BA \u2013 Payments');
    expect(result.core).toBe('Business Analyst');
    expect(result.seniority).toBe('senior');
  });

  it('reads a role\u2019s initials with a ladder level as its name at that level', () => {
    const result = roles().match('BA2 \u2013 Payments');
    expect(result.core).toBe('Business Analyst');
    expect(result.level).toBe('2');
    expect(result.matches[0]?.code).toBe('ba');
  });

  it('reads IC with a level as the individual contributor ladder, never initials', () => {
    const index = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'ic', name: 'Implementation Consultant', titles: [] },
    ]);
    expect(index.match('IC4 \u2013 Payments').matches).toEqual([]);
  });

  it('reads initials two roles share as neither', () => {
    expect(roles().match('SE \u2013 Payments').matches).toEqual([]);
  });

  it('reads initials anew after a role is added', () => {
    const index = roles();
    expect(index.match('BAD').matches).toEqual([]);
    index.upsert({
      taxonomy: 'rolebook',
      code: 'bad',
      name: 'Backend Application Developer',
      titles: [],
    });
    expect(index.match('BAD').matches[0]?.code).toBe('bad');
  });
});

describe('TitleIndex bracketed text', () => {
  const occupations = TitleIndex.build([
    { taxonomy: 'esco', code: 'lorry', name: 'Lorry Driver', titles: ['Truck Driver'] },
    { taxonomy: 'esco', code: 'lori', name: 'Lori Inspector', titles: [] },
    { taxonomy: 'esco', code: 'exec', name: 'Business Executive', titles: ['Executive'] },
    { taxonomy: 'esco', code: 'mkt', name: 'Marketing Manager', titles: ['Marketing Executive'] },
    { taxonomy: 'esco', code: 'swe', name: 'Software Engineer', titles: [] },
    { taxonomy: 'esco', code: 'pay', name: 'Payments Specialist', titles: [] },
  ]);

  it('matches the bracketed role when the text outside it names none', () => {
    const result = occupations.match('Sopir Lori (Lorry Driver)');
    expect(result.matches[0]?.code).toBe('lorry');
    expect(result.noise).toEqual(['Sopir Lori']);
  });

  it('matches the role said again after a slash when the first saying has a word no title uses', () => {
    const guides = TitleIndex.build([
      { taxonomy: 'esco', code: 'guide', name: 'Tourist Guide', titles: ['Tour Guide'] },
      { taxonomy: 'esco', code: 'hearse', name: 'Hearse Driver', titles: ['Driver'] },
    ]);
    const result = guides.match('Pemandu Pelancong / Tour Guide');
    expect(result.core).toBe('Tour Guide');
    expect(result.matches[0]?.code).toBe('guide');
  });

  it('reads a bracketed field after a one-word role as part of the role', () => {
    const result = occupations.match('Junior Executive (Marketing)');
    expect(result.core).toBe('Marketing Executive');
    expect(result.matches[0]?.code).toBe('mkt');
  });

  it('keeps a bracketed field as a qualifier where the one-word role has its field after a comma', () => {
    const result = occupations.match('Executive, Business (Marketing)', { minScore: 0 });
    expect(result.core).toBe('Business Executive');
    expect(result.matches[0]?.code).toBe('exec');
  });

  it('reads a bracketed field that heads titles of its own as part of a role listed with it', () => {
    const withFieldHeads = TitleIndex.build([
      { taxonomy: 'esco', code: 'exec', name: 'Business Executive', titles: ['Executive'] },
      { taxonomy: 'esco', code: 'mkt', name: 'Marketing Manager', titles: ['Marketing Executive'] },
      { taxonomy: 'esco', code: 'vp', name: 'VP Marketing', titles: [] },
    ]);
    const result = withFieldHeads.match('Junior Executive (Marketing)');
    expect(result.core).toBe('Marketing Executive');
    expect(result.matches[0]?.code).toBe('mkt');
  });

  it('keeps a bracketed team beside a role of several words as a qualifier', () => {
    const result = occupations.match('Software Engineer (Payments)');
    expect(result.core).toBe('Software Engineer');
    expect(result.matches[0]?.code).toBe('swe');
  });
});

describe('TitleIndex crosswalks', () => {
  const occupations = [
    {
      taxonomy: 'onet',
      code: '15-1252.00',
      name: 'Software Developers',
      titles: ['Application Developer', 'Developer'],
    },
    {
      taxonomy: 'onet',
      code: '15-1254.00',
      name: 'Web Developers',
      titles: ['Back-End Web Developer', 'Web Designer'],
    },
  ];
  const curated = {
    taxonomy: 'rolebook',
    code: 'backend-developer',
    name: 'Backend Developer',
    titles: ['Server-side Developer'],
    crosswalk: [{ taxonomy: 'onet', code: '15-1252.00' }],
  };

  it('ranks first the occupation that a closely matched curated role names, and says so', () => {
    const index = TitleIndex.build([...occupations, curated]);
    const [top] = index.match('Backend Developer', { taxonomy: 'onet' }).matches;
    expect(top?.code).toBe('15-1252.00');
    expect(top?.crosswalkFrom).toEqual({
      taxonomy: 'rolebook',
      code: 'backend-developer',
      name: 'Backend Developer',
      matchedTitle: 'Backend Developer',
    });
  });

  it('ranks the curated role its name matches above the occupation its crosswalk credits', () => {
    const listing = {
      ...occupations[0]!,
      titles: [...occupations[0]!.titles, 'Backend Developer'],
    };
    const index = TitleIndex.build([listing, occupations[1]!, curated]);
    const [first, second] = index.match('Senior Backend Developer').matches;
    expect(first?.code).toBe('backend-developer');
    expect(second?.code).toBe('15-1252.00');
    expect(second?.crosswalkFrom?.code).toBe('backend-developer');
  });

  it('leaves an occupation that outranks the curated role on its own name before it', () => {
    const lender = { ...curated, titles: [...curated.titles, 'Software Developer'] };
    const index = TitleIndex.build([...occupations, lender]);
    const [first, second] = index.match('Software Developer').matches;
    expect(first?.code).toBe('15-1252.00');
    expect(first?.crosswalkFrom?.code).toBe('backend-developer');
    expect(second?.code).toBe('backend-developer');
  });

  it('credits nothing through a crosswalk when the curated role matches only loosely', () => {
    const index = TitleIndex.build([...occupations, curated]);
    const matches = index.match('Web Developer', { taxonomy: 'onet', minScore: 0 }).matches;
    expect(matches[0]?.code).toBe('15-1254.00');
    expect(matches.some((m) => m.crosswalkFrom !== undefined)).toBe(false);
  });
});

describe('TitleIndex changes', () => {
  it('finds a role added after the build', () => {
    const live = TitleIndex.build(ROLES);
    expect(live.match('Pastry Chef').matches).toEqual([]);
    live.upsert({ taxonomy: 'onet', code: '35-1011.00', name: 'Chefs', titles: ['Pastry Chef'] });
    expect(live.size).toBe(ROLES.length + 1);
    expect(live.match('Pastry Chef').matches[0]?.code).toBe('35-1011.00');
  });

  it('replaces the titles of a role upserted again', () => {
    const live = TitleIndex.build(ROLES);
    live.upsert({
      taxonomy: 'onet',
      code: '35-2014.00',
      name: 'Cooks, Restaurant',
      titles: ['Grill Cook'],
    });
    expect(live.size).toBe(ROLES.length);
    expect(live.match('Grill Cook').matches[0]?.matchedTitle).toBe('Grill Cook');
    expect(live.match('Kitchen Cook', { minScore: 0 }).matches[0]?.matchedTitle).not.toBe(
      'Kitchen Cook',
    );
  });

  it('forgets a removed role', () => {
    const live = TitleIndex.build(ROLES);
    expect(live.remove('onet', '29-1141.00')).toBe(true);
    expect(live.size).toBe(ROLES.length - 1);
    const codes = live.match('Charge Nurse', { minScore: 0 }).matches.map((m) => m.code);
    expect(codes).not.toContain('29-1141.00');
  });

  it('reports whether there was anything to remove', () => {
    const live = TitleIndex.build(ROLES);
    expect(live.remove('onet', 'no-such-code')).toBe(false);
  });

  it('reuses the place of a removed role for the next one', () => {
    const live = TitleIndex.build(ROLES);
    live.remove('onet', '35-2014.00');
    live.upsert({ taxonomy: 'esco', code: 'cook', name: 'Cook', titles: ['Line Cook'] });
    expect(live.match('Line Cook').matches[0]).toMatchObject({ taxonomy: 'esco', code: 'cook' });
  });

  it('reads a listed title with another builder head as that title', () => {
    const tech = TitleIndex.build([
      ...ROLES,
      {
        taxonomy: 'rolebook',
        code: 'python-developer',
        name: 'Python Developer',
        titles: ['Django Developer'],
      },
    ]);
    const [first] = tech.match('Python Engineer').matches;
    expect(first).toMatchObject({ code: 'python-developer', matchedTitle: 'Python Developer' });
  });

  it('reads an unlisted field executive as the officer of the field a taxonomy lists', () => {
    const hr = TitleIndex.build(
      [
        ['officer', 'human resources officer'],
        ['manager', 'human resources manager'],
        ['sales', 'sales representative', 'sales executive'],
        ['support', 'sales officer'],
      ].map(([code, name, ...titles]) => ({ taxonomy: 'esco', code, name, titles }) as TitleSource),
    );
    expect(hr.match('HR Executive').matches[0]).toMatchObject({ code: 'officer' });
    expect(hr.match('Sales Executive').matches[0]).toMatchObject({ code: 'sales' });
  });

  it("reads an unlisted field officer as the library's specialist of the field", () => {
    const support = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'support', name: 'Desktop Support Specialist', titles: [] },
      { taxonomy: 'rolebook', code: 'ciso', name: 'Chief Security Officer', titles: [] },
    ]);
    expect(support.match('Desktop Support Officer').matches[0]).toMatchObject({ code: 'support' });
  });

  it("reads no taxonomy's officer as its specialist", () => {
    const military = TitleIndex.build([
      { taxonomy: 'onet', code: 'enlisted', name: 'Electronic Warfare Specialist', titles: [] },
      { taxonomy: 'onet', code: 'officer', name: 'Weapons Officer', titles: [] },
    ]);
    expect(military.match('Electronic Warfare Officer').matches).toEqual([]);
  });

  it('reads a listed title with languages and frameworks inside it as that title', () => {
    const tech = TitleIndex.build([
      {
        taxonomy: 'rolebook',
        code: 'backend',
        name: 'Backend Developer',
        titles: ['Java Developer'],
      },
      {
        taxonomy: 'rolebook',
        code: 'full-stack',
        name: 'Full Stack Developer',
        titles: ['PHP Developer'],
      },
    ]);
    for (const title of ['Backend PHP Developer', 'Backend PHP Symfony Developer']) {
      expect(tech.match(title).matches[0]).toMatchObject({ code: 'backend' });
    }
  });

  it('scores a title two taxonomies list alike as sure in each, not as a doubt between them', () => {
    const both = TitleIndex.build([
      ...ROLES,
      {
        taxonomy: 'esco',
        code: 'backend',
        name: 'backend developer',
        titles: ['server developer'],
      },
    ]);
    const scores = both.match('Backend Developer').matches.map((m) => [m.taxonomy, m.score]);
    expect(scores.slice(0, 2)).toEqual([
      [expect.any(String), expect.closeTo(0.97, 1)],
      [expect.any(String), expect.closeTo(0.97, 1)],
    ]);
  });

  it('finds a misspelt word ending in s that the normalizer read as a plural', () => {
    const withBusiness = TitleIndex.build([
      ...ROLES,
      { taxonomy: 'rolebook', code: 'ba', name: 'Business Analyst', titles: ['Systems Analyst'] },
    ]);
    expect(withBusiness.match('Busines Analyst').matches[0]?.code).toBe('ba');
  });

  describe('a word of another field in the place of a title word', () => {
    const tech = TitleIndex.build([
      ...ROLES,
      {
        taxonomy: 'rolebook',
        code: 'it-manager',
        name: 'IT Manager',
        titles: ['IT Services Manager', 'IT Operations Manager'],
      },
    ]);

    it('gives no confident match', () => {
      expect(tech.match('Funeral Services Manager').matches).toEqual([]);
    });

    it('still matches the title itself and a query that only adds words', () => {
      expect(tech.match('IT Services Manager').matches[0]?.code).toBe('it-manager');
      expect(tech.match('Global IT Services Manager').matches[0]?.code).toBe('it-manager');
    });
  });

  describe('a role every field has, named with a field outside technology', () => {
    const tech = TitleIndex.build([
      ...ROLES,
      {
        taxonomy: 'rolebook',
        code: 'project-manager',
        name: 'Project Manager',
        titles: ['IT Project Manager', 'Technical Project Manager'],
      },
      {
        taxonomy: 'rolebook',
        code: 'solutions-engineer',
        name: 'Solutions Engineer',
        titles: ['Sales Engineer'],
      },
      {
        // Titles that use the fields' words, so that the index reads them.
        taxonomy: 'rolebook',
        code: 'embedded-engineer',
        name: 'Embedded Engineer',
        titles: ['Building Automation Engineer', 'Heating Controls Engineer'],
      },
    ]);

    it('gives no confident match', () => {
      expect(tech.match('Project Manager - Construction').matches).toEqual([]);
      expect(tech.match('Jefe de Proyecto Obra Civil').matches).toEqual([]);
    });

    it('gives no confident match through a title listed whole, the field beside it', () => {
      expect(tech.match('Sales Engineer (HVAC)').matches).toEqual([]);
      expect(tech.match('Sales Engineer - Building Services').matches).toEqual([]);
    });

    it('still matches the role alone, and a title of the role that names its own field', () => {
      expect(tech.match('Project Manager').matches[0]?.code).toBe('project-manager');
      expect(tech.match('Sales Engineer').matches[0]?.code).toBe('solutions-engineer');
      expect(tech.match('IT Project Manager - Construction').matches[0]?.code).toBe(
        'project-manager',
      );
    });
  });

  describe('a phrase a title says with a word more, qualified by words no title uses', () => {
    const tech = TitleIndex.build([
      ...ROLES,
      {
        taxonomy: 'rolebook',
        code: 'data-analyst',
        name: 'Data Analyst',
        titles: ['Business Intelligence Analyst', 'Reporting Analyst'],
      },
    ]);

    it('gives no confident match', () => {
      expect(tech.match('Intelligence Analyst - Police').matches).toEqual([]);
    });

    it('still matches the phrase without the qualifier', () => {
      expect(tech.match('Intelligence Analyst').matches[0]?.code).toBe('data-analyst');
    });

    it('still matches a title said whole with the same qualifier', () => {
      expect(tech.match('Business Intelligence Analyst - Police').matches[0]?.code).toBe(
        'data-analyst',
      );
    });

    it('still matches where the qualifier has a word some title uses', () => {
      expect(tech.match('Intelligence Analyst - Reporting').matches[0]?.code).toBe('data-analyst');
    });
  });
});

describe('TitleIndex roles of one kind', () => {
  const SOLAR: TitleSource = {
    taxonomy: 'esco',
    code: 'solar',
    name: 'solar energy sales consultant',
    titles: [
      'solar sales advisor',
      'solar energy sales advisor',
      'solar power sales advisor',
      'solar sales consultant',
    ],
  };
  const SELLER: TitleSource = {
    taxonomy: 'esco',
    code: 'seller',
    name: 'sales assistant',
    titles: ['shop sales advisor', 'retail sales advisor', 'sales clerk'],
  };

  it('ranks a role whose every title names a kind the query does not after a general one', () => {
    const occupations = TitleIndex.build([SOLAR, SELLER]);
    expect(occupations.match('Sales Advisor', { minScore: 0 }).matches[0]?.code).toBe('seller');
  });

  it('never answers with confidence a role whose every title names a kind the query does not', () => {
    expect(TitleIndex.build([SOLAR]).match('Sales Advisor').matches).toEqual([]);
  });

  it('answers a role of one kind when the query names that kind', () => {
    const occupations = TitleIndex.build([SOLAR, SELLER]);
    expect(occupations.match('Solar Sales Advisor').matches[0]?.code).toBe('solar');
  });

  it('reads a word after one the query uses as narrowing the job, not naming another kind', () => {
    const technicians = TitleIndex.build([
      {
        taxonomy: 'esco',
        code: 'mechanical',
        name: 'mechanical engineering technician',
        titles: [
          'mechanical engineering technologist',
          'mechanical engineering assistant',
          'mechanical engineering technician',
          'mechanical engineering drafter',
        ],
      },
    ]);
    expect(technicians.match('Mechanical Technician').matches[0]?.code).toBe('mechanical');
  });
});

describe('TitleIndex one word that names a family of jobs', () => {
  const DRIVERS: TitleSource[] = [
    {
      taxonomy: 'esco',
      code: 'hearse',
      name: 'hearse driver',
      titles: ['driver', 'funeral driver'],
    },
    { taxonomy: 'esco', code: 'bus', name: 'bus driver', titles: ['coach driver'] },
    { taxonomy: 'esco', code: 'train', name: 'train driver', titles: ['engine driver'] },
  ];

  it('gives no confident answer when only a member of the family lists the word bare', () => {
    expect(TitleIndex.build(DRIVERS).match('Driver').matches).toEqual([]);
  });

  it('answers a role outside the family that lists the word as its synonym', () => {
    const library = TitleIndex.build([
      { taxonomy: 'rolebook', code: 'swe', name: 'Software Engineer', titles: ['Developer'] },
      { taxonomy: 'rolebook', code: 'be', name: 'Backend Developer', titles: [] },
      { taxonomy: 'rolebook', code: 'fe', name: 'Frontend Developer', titles: [] },
    ]);
    expect(library.match('Developer').matches[0]?.code).toBe('swe');
  });
});

describe('TitleIndex with a lead phrase before the role', () => {
  const roles = TitleIndex.build([
    {
      taxonomy: 'rolebook',
      code: 'tech-lead',
      name: 'Tech Lead',
      titles: ['Software Team Lead', 'Technical Lead'],
    },
    {
      taxonomy: 'rolebook',
      code: 'backend-developer',
      name: 'Backend Developer',
      titles: ['Backend Engineer'],
    },
  ]);

  it('answers the lead phrase before the role as it answers it after the role', () => {
    const after = roles.match('Backend Developer Team Lead').matches[0];
    expect(after?.code).toBe('tech-lead');
    expect(roles.match('Team Lead Backend Developer').matches[0]).toEqual(after);
  });
});
