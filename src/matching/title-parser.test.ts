import { describe, expect, it } from 'vitest';
import {
  MAX_TITLE_LENGTH,
  parseTitle,
  parseTitleForMatching,
  type RoleWords,
} from './title-parser.js';

/** An index that knows every word, and whose titles end in what the pattern matches. */
const headsOf = (head: RegExp): RoleWords => ({
  endsInRoleHead: (text) => head.test(text),
  knowsAnyWord: () => true,
  knowsEveryWord: () => true,
  readsEveryWord: () => true,
  listsTitle: () => false,
  namesTechnology: () => false,
  toolOfTitle: () => false,
  nameOfInitials: () => undefined,
  namesRole: () => false,
  headStartingWith: () => undefined,
});

describe('parseTitle', () => {
  it('parts the fields of a pasted spreadsheet row at unspaced semicolons', () => {
    expect(parseTitle('Data Scientist;Pricing;Permanent')).toEqual(
      parseTitle('Data Scientist; Pricing; Permanent'),
    );
  });

  it('sets a count of openings aside as noise', () => {
    expect(parseTitle('DevOps Engineers x 2 - Contract')).toEqual({
      ...parseTitle('DevOps Engineers - Contract'),
      noise: ['x 2'],
    });
  });

  it('reads a title scraped with its markup as the text the page showed', () => {
    expect(parseTitle('<b>Frontend Developer</b> &ndash; Mobile &amp; Web')).toEqual(
      parseTitle('Frontend Developer \u2013 Mobile & Web'),
    );
  });

  it('parses every modifier off a busy title', () => {
    expect(parseTitle('Sr. Back-end Engineer II (Node.js) - Remote, REQ-12345')).toEqual({
      core: 'Back-end Engineer',
      seniority: 'senior',
      level: 'II',
      workMode: 'remote',
      technologies: ['Node.js'],
      noise: ['REQ-12345'],
    });
  });

  it('leaves a plain title as it is', () => {
    expect(parseTitle('Registered Nurse')).toEqual({ core: 'Registered Nurse', noise: [] });
  });

  it.each([
    ['Intern Software Engineer', 'intern'],
    ['Junior Accountant', 'junior'],
    ['Jr. Accountant', 'junior'],
    ['Entry-Level Accountant', 'junior'],
    ['Mid-Level Accountant', 'mid'],
    ['Senior Accountant', 'senior'],
    ['Staff Engineer', 'staff'],
    ['Lead Designer', 'lead'],
    ['Team Leader, Customer Service', 'lead'],
    ['Teamlead Backend', 'lead'],
    ['Team-Lead Java', 'lead'],
    ['Tech-Lead Frontend', 'lead'],
    ['Techlead Platform', 'lead'],
    ['Teamleiter Kundenservice', 'lead'],
    ['Principal Engineer', 'principal'],
    ['Distinguished Engineer', 'distinguished'],
    ['Apprentice Electrician', 'intern'],
    ['Trainee Accountant', 'intern'],
    ['Werkstudent Softwareentwicklung', 'intern'],
    ['Stagiaire Développeur Web', 'intern'],
    ['Becario Ciencia de Datos', 'intern'],
    ['Estagiário em Desenvolvimento', 'intern'],
    ['Stażysta Programista', 'intern'],
    ['Jurutera Perisian Kanan', 'senior'],
    ['Ingénieur Logiciel Confirmé', 'senior'],
    ['Data Engineer Medior', 'mid'],
    ['Développeuse Java confirmée', 'senior'],
    ['Head of Engineering', 'head'],
    ['Director of Sales', 'director'],
    ['VP Marketing', 'vp'],
    ['Vice President, Finance', 'vp'],
    ['Chief Technology Officer', 'chief'],
    ['CTO', 'chief'],
  ])('reads the seniority of "%s" as %s', (title, seniority) => {
    expect(parseTitle(title).seniority).toBe(seniority);
  });

  it('drops words that only state seniority from the core', () => {
    expect(parseTitle('Senior Staff Accountant')).toMatchObject({
      core: 'Accountant',
      seniority: 'staff',
    });
  });

  it('reads a level word ending a title written head first as its seniority', () => {
    expect(parseTitle('Engineer, Frontend, Staff')).toMatchObject({
      core: 'Engineer, Frontend',
      seniority: 'staff',
    });
    expect(parseTitle('Engineer, Software, Principal (L8)')).toMatchObject({
      core: 'Engineer, Software',
      seniority: 'principal',
      level: 'L8',
    });
    expect(parseTitle('Designer, Product, Lead').core).toBe('Designer, Product');
  });

  it('reads the name of the pay scale beside a band as noise, the band as the level', () => {
    expect(parseTitle('Programmer – Band 6 (AfC)')).toMatchObject({
      core: 'Programmer',
      level: 'Level 6',
      noise: ['AfC'],
    });
    expect(parseTitle('Data Analyst AfC Band 5').core).toBe('Data Analyst');
    expect(parseTitle('Data Analyst – Band 6 – Agenda for Change').core).toBe('Data Analyst');
  });

  it("reads a rung's initial glued to MTS as the seniority of a member of technical staff", () => {
    expect(parseTitle('SMTS')).toMatchObject({ core: 'MTS', seniority: 'senior' });
    expect(parseTitle('PMTS, Compilers')).toMatchObject({ seniority: 'principal' });
    expect(parseTitle('LMTS - Storage').seniority).toBe('lead');
  });

  it('keeps seniority words that name the role in the core', () => {
    expect(parseTitle('Director of Sales').core).toBe('Director of Sales');
    expect(parseTitle('Chief Financial Officer').core).toBe('Chief Financial Officer');
  });

  it('reports the most senior of several seniority words', () => {
    expect(parseTitle('Senior Director, Engineering').seniority).toBe('director');
  });

  it('ranks staff above lead, as the shared ladder does', () => {
    expect(parseTitle('Staff Engineer, Tech Lead').seniority).toBe('staff');
  });

  it('reads apprentice and trainee as the lowest seniority, as intern is', () => {
    expect(parseTitle('Apprentice Electrician')).toMatchObject({
      core: 'Electrician',
      seniority: 'intern',
    });
    expect(parseTitle('IT Support Trainee')).toMatchObject({
      core: 'IT Support',
      seniority: 'intern',
    });
  });

  it.each([
    ['Data Science Co-op', 'Data Scientist'],
    ['Data Engineering Working Student', 'Data Engineer'],
    ['Business Analyst Industrial Placement', 'Business Analyst'],
    ['QA Placement Student', 'QA'],
    ['Software Developer Degree Apprenticeship', 'Software Developer'],
  ])('reads the work-based study in "%s" as the lowest seniority, not the role', (title, core) => {
    expect(parseTitle(title)).toMatchObject({ core, seniority: 'intern' });
  });

  it('keeps "junior high" and "senior citizens" as part of the role', () => {
    expect(parseTitle('Junior High School Principal').core).toBe('Junior High School Principal');
    expect(parseTitle('Senior Citizens Coordinator').core).toBe('Senior Citizens Coordinator');
  });

  it('keeps a lone seniority word rather than leave nothing', () => {
    expect(parseTitle('Intern').core).toBe('Intern');
  });

  it.each([
    ['Software Engineer II', 'II'],
    ['Software Engineer III', 'III'],
    ['Software Engineer IV', 'IV'],
    ['Software Engineer L5', 'L5'],
    ['Software Engineer Level 2', 'Level 2'],
    ['Level 2 Support Technician', 'Level 2'],
    ['Software Engineer 3', '3'],
  ])('reads the level of "%s" as %s', (title, level) => {
    const parsed = parseTitle(title);
    expect(parsed.level).toBe(level);
    expect(parsed.core).not.toMatch(/\b(?:II|III|IV|L5|Level 2|3)\b/);
  });

  it('keeps a roman numeral inside the title', () => {
    expect(parseTitle('Title I Reading Teacher').core).toBe('Title I Reading Teacher');
  });

  it.each([
    ['Data Analyst - Remote', 'remote'],
    ['Data Analyst (Remote)', 'remote'],
    ['Remote Data Analyst', 'remote'],
    ['Fully Remote Data Analyst', 'remote'],
    ['Data Analyst, Hybrid', 'hybrid'],
    ['Data Analyst [On-site]', 'onsite'],
    ['Data Analyst - Onsite', 'onsite'],
    ['Data Analyst (Work from home)', 'remote'],
  ])('reads the work mode of "%s" as %s', (title, mode) => {
    const parsed = parseTitle(title);
    expect(parsed.workMode).toBe(mode);
    expect(parsed.core).toBe('Data Analyst');
  });

  it('keeps "Remote" when it is part of the role', () => {
    expect(parseTitle('Remote Sensing Analyst')).toEqual({
      core: 'Remote Sensing Analyst',
      noise: [],
    });
    expect(parseTitle('Remote Pilot').core).toBe('Remote Pilot');
  });

  it.each([
    ['Data Scientist (NYC)', 'NYC'],
    ['Data Scientist, Berlin', 'Berlin'],
    ['Data Scientist - London', 'London'],
    ['Data Scientist, Austin, TX', 'Austin, TX'],
    ['Data Scientist - Dallas TX', 'Dallas TX'],
    ['Data Scientist - Berlin or Munich', 'Berlin or Munich'],
    ['Data Scientist (Remote, US)', 'US'],
  ])('reads the location of "%s" as %s', (title, location) => {
    const parsed = parseTitle(title);
    expect(parsed.location).toBe(location);
    expect(parsed.core).toBe('Data Scientist');
  });

  it('keeps a qualifier after a comma that is not a place', () => {
    expect(parseTitle('Software Engineer, Server Side').core).toBe(
      'Software Engineer, Server Side',
    );
  });

  it.each([
    ['REQ-12345 Accountant', 'REQ-12345'],
    ['Accountant #4411', '#4411'],
    ['Accountant (Job ID: 88231)', 'Job ID: 88231'],
    ['Accountant - R0012345', 'R0012345'],
    ['Accountant Req #553', 'Req #553'],
    ['Accountant JR-2023-001', 'JR-2023-001'],
  ])('strips the requisition number of "%s"', (title, noise) => {
    const parsed = parseTitle(title);
    expect(parsed.noise).toEqual([noise]);
    expect(parsed.core).toBe('Accountant');
  });

  it.each([
    ['Pembantu Tadbir Gred N19', 'Gred N19'],
    ['Guru Tadika DG41', 'DG41'],
    ['Jururawat (U29)', 'U29'],
    ['IT-02 Application Developer', 'IT-02'],
  ])('reads the civil-service grade of "%s" as noise', (title, noise) => {
    expect(parseTitle(title).noise).toEqual([noise]);
  });

  it('reads "cum" between two roles as a spaced dash between them', () => {
    expect(parseTitle('Lorry Driver cum Helper')).toEqual(parseTitle('Lorry Driver - Helper'));
    expect(parseTitle('ACCOUNT CLERK CUM ADMIN')).toEqual(parseTitle('ACCOUNT CLERK - ADMIN'));
  });

  it('keeps numbers that are part of the role', () => {
    expect(parseTitle('911 Dispatcher').core).toBe('911 Dispatcher');
    expect(parseTitle('COVID-19 Tester').core).toBe('COVID-19 Tester');
    expect(parseTitle('K-12 Teacher').core).toBe('K-12 Teacher');
  });

  it('reads bracketed technologies as technologies, not noise', () => {
    expect(parseTitle('Backend Engineer (Go, Kafka)')).toEqual({
      core: 'Backend Engineer',
      technologies: ['Go', 'Kafka'],
      noise: [],
    });
  });

  it('keeps the plus signs of C++ when reading technologies joined by slashes or pluses', () => {
    expect(parseTitle('Embedded Engineer (C/C++)').technologies).toEqual(['C', 'C++']);
    expect(parseTitle('Backend Engineer (Go+Kafka)').technologies).toEqual(['Go', 'Kafka']);
  });

  it.each([
    ['Front End Developer - Night Shift', { shift: 'night' }],
    ['Warehouse Associate - 2nd shift', { shift: 'evening' }],
    ['Software Engineer | Contract', { contract: 'contract' }],
    ['Full Stack Engineer – Contract to Hire', { contract: 'contract-to-hire' }],
    ['Software Tester – 12-month fixed term', { contract: 'fixed-term' }],
    ['API Developer – Contract (6 months)', { contract: 'contract' }],
    ['Cashier (Part time)', { contract: 'part-time' }],
    ['Python Developer | Django', { technologies: ['Django'] }],
    ['UI Developer | Angular | London', { technologies: ['Angular'], location: 'London' }],
  ])('reads the qualifiers of "%s" off the role', (title, facts) => {
    expect(parseTitle(title)).toMatchObject(facts);
    expect(parseTitle(title).core).not.toMatch(/shift|contract|term|django|angular|part/i);
  });

  it.each([
    ['Product Designer (UX/UI) - Contract 6 months', 'contract'],
    ['Data Engineer - contract for 12 mos', 'contract'],
    ['Payroll Officer | Fixed Term 9 months', 'fixed-term'],
  ] as const)(
    'reads terms of employment with their length after them in "%s"',
    (title, contract) => {
      const parsed = parseTitle(title);
      expect(parsed.contract).toBe(contract);
      expect(parsed.team).toBeUndefined();
    },
  );

  it.each([
    ['Head of Engineering - Series B startup', 'Series B startup'],
    ['Backend Engineer | Seed-stage start-up', 'Seed-stage start-up'],
    ['Product Manager (early stage scaleup)', 'early stage scaleup'],
  ])('sets the company\'s stage in "%s" aside, not as its team', (title, stage) => {
    const parsed = parseTitle(title);
    expect(parsed.team).toBeUndefined();
    expect(parsed.noise).toContain(stage);
  });

  it('drops the # of a requisition number written "#REQ-6305"', () => {
    expect(parseTitle('Backend Software Engineer #REQ-6305')).toEqual({
      core: 'Backend Software Engineer',
      noise: ['#REQ-6305'],
    });
  });

  it('keeps a title that is only a qualifier as its own role phrase', () => {
    expect(parseTitle('Contract').core).toBe('Contract');
  });

  it('matches on the bracketed text when nothing else is left', () => {
    expect(parseTitle('(CISO)')).toEqual({ core: 'CISO', seniority: 'chief', noise: [] });
  });

  it('gives an empty core for empty or blank input', () => {
    expect(parseTitle('').core).toBe('');
    expect(parseTitle('   \t ').core).toBe('');
  });

  it('treats control characters as spaces', () => {
    expect(parseTitle('Data\u0000Analyst\u0007').core).toBe('Data Analyst');
  });

  it('reads no further than the length limit', () => {
    const parsed = parseTitle(`Nurse ${'x'.repeat(MAX_TITLE_LENGTH * 4)}`);
    expect(parsed.core.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });

  it('reads pay after a comma as noise, not as a team', () => {
    expect(parseTitle('Backend Developer, $120k')).toEqual({
      core: 'Backend Developer',
      noise: ['$120k'],
    });
  });

  it('reads a place after a dash as the location', () => {
    expect(parseTitle('Frontend Dev - London, UK')).toMatchObject({
      core: 'Frontend Dev',
      location: 'London, UK',
    });
  });

  it('reads a segment of seniority words only as the seniority, the other as the role', () => {
    expect(parseTitle('Intern - Software')).toEqual({
      core: 'Software Engineer',
      seniority: 'intern',
      noise: [],
    });
  });

  it('reads a field named where the role belongs as the one who practises it', () => {
    expect(parseTitle('Software Engineering Intern').core).toBe('Software Engineer');
    expect(parseTitle('Data Science Intern').core).toBe('Data Scientist');
    expect(parseTitle('UX Design Intern').core).toBe('UX Designer');
    expect(parseTitle('Business Analysis Intern').core).toBe('Business Analyst');
    expect(parseTitle('Web Development Intern').core).toBe('Web Developer');
    expect(parseTitle('Database Administration Intern').core).toBe('Database Administrator');
    expect(parseTitle('Software Testing Intern').core).toBe('Software Tester');
    expect(parseTitle('Technical Writing Intern').core).toBe('Technical Writer');
  });

  it('reads a German field of development written as one word as its developer', () => {
    expect(parseTitle('Werkstudent Softwareentwicklung').core).toBe('SoftwareEntwickler');
    expect(parseTitle('Werkstudent Frontend-Entwicklung').core).toBe('Frontend-Entwickler');
    expect(parseTitle('Praktikant Personalentwicklung').core).toBe('Personalentwicklung');
    expect(parseTitle('Leiter Softwareentwicklung').core).toBe('Leiter Softwareentwicklung');
  });

  it('reads a field of work after a bare head as its practitioner', () => {
    const words = headsOf(/(?:analyst|specialist|scientist|administrator|tester)$/i);
    for (const [title, core] of [
      ['Analyst - Data Science', 'Data Scientist'],
      ['Specialist - Database Administration', 'Database Administrator'],
      ['Analyst, Manual Testing', 'Manual Tester'],
    ]) {
      expect(parseTitleForMatching(title as string, words).parsed).toMatchObject({ core });
    }
  });

  it('offers the practitioner of a field no role lists a leader of for its leader', () => {
    const words = {
      ...headsOf(/scientist$/i),
      listsTitle: (text: string) => text === 'Data Scientist',
    };
    for (const title of ['Director of Data Science', 'Data Science Manager']) {
      expect(parseTitleForMatching(title, words)).toMatchObject({
        parsed: { core: title },
        led: 'Data Scientist',
      });
    }
  });

  it('offers no practitioner for a leader of a field where a role lists a leader of its word', () => {
    const listed = new Set(['Civil Engineer', 'Engineering Manager']);
    const words = { ...headsOf(/engineer$/i), listsTitle: (text: string) => listed.has(text) };
    expect(parseTitleForMatching('Civil Engineering Manager', words).led).toBeUndefined();
  });

  it('looks up no word of a role phrase written without a field after it', () => {
    const asked: string[] = [];
    const words = {
      ...headsOf(/developer$/i),
      knowsEveryWord: (text: string) => (asked.push(text), true),
    };
    parseTitleForMatching('Senior Payments Platform Developer', words);
    expect(asked).toEqual([]);
  });

  it('reads another field after a bare head before the head', () => {
    const words = headsOf(/analyst$/i);
    expect(parseTitleForMatching('Analyst - Cyber Security Operations', words).parsed).toEqual({
      core: 'Cyber Security Operations Analyst',
      noise: [],
    });
  });

  it('reads a field after a head that leads it as one title with the head', () => {
    const words = headsOf(/manager$/i);
    expect(parseTitleForMatching('Manager - Software Development', words).parsed.core).toBe(
      'Software Development Manager',
    );
  });

  it('reads a field after a head ranked by a word no title uses between the two', () => {
    const words = { ...headsOf(/manager$/i), knowsEveryWord: (text: string) => text !== 'Deputy' };
    expect(parseTitleForMatching('Deputy Manager - IT', words).parsed).toEqual({
      core: 'Deputy IT Manager',
      noise: [],
    });
  });

  it('keeps the head a word no title uses ranks where its field names another', () => {
    const words = {
      ...headsOf(/(?:engineer|designer)$/i),
      knowsEveryWord: (text: string) => text !== 'Mechanical',
    };
    expect(
      parseTitleForMatching('Mechanical Engineer - Product Design', words).parsed,
    ).toMatchObject({ core: 'Mechanical Engineer', team: 'Product Design' });
  });

  it('keeps a team named before a bare head as its team', () => {
    const words = headsOf(/developer$/i);
    expect(
      parseTitleForMatching('Software Engineering Team - Developer', words).parsed,
    ).toMatchObject({ core: 'Developer', team: 'Software Engineering Team' });
  });

  it('leaves a field as it is where the title does not name a practitioner', () => {
    expect(parseTitle('Business Development').core).toBe('Business Development');
    expect(parseTitle('Director, Software Engineering').core).not.toContain('Engineer ');
    expect(parseTitle('Head of Engineering').core).toBe('Head of Engineering');
    expect(parseTitle('Software Engineering Manager').core).toBe('Software Engineering Manager');
  });

  it('reads the genders a posting is open to as noise, bracketed or not', () => {
    expect(parseTitle('Junior Nurse (m/w/d)')).toMatchObject({ core: 'Nurse', noise: ['m/w/d'] });
    expect(parseTitle('Data Engineer m/f/d').core).toBe('Data Engineer');
    expect(parseTitle('Data Engineer (all genders)').core).toBe('Data Engineer');
  });

  it('reads a segment of an internship and the season it starts as the seniority only', () => {
    expect(parseTitle('Summer 2027 Intern – Data Analytics')).toMatchObject({
      core: 'Data Analyst',
      seniority: 'intern',
    });
  });

  it('reads a placement year of a degree as an internship', () => {
    expect(parseTitle('Data Engineering Placement Year 2027/28')).toMatchObject({
      core: 'Data Engineer',
      seniority: 'intern',
    });
    expect(parseTitle('Year in Industry Software Developer')).toMatchObject({
      core: 'Software Developer',
      seniority: 'intern',
    });
  });

  it('reads a gendered ending bracketed onto a word as part of the word', () => {
    expect(parseTitle('Engenheiro(a) de Dados').core).toBe('Engenheiro de Dados');
    expect(parseTitle('Entwickler(in) Frontend').core).toBe('Entwickler Frontend');
  });

  it('reads an inclusive ending joined to a word as part of the word', () => {
    expect(parseTitle('Sicherheitsanalyst:in (m/w/d)').core).toBe('Sicherheitsanalyst');
    expect(parseTitle('Entwickler*in Frontend').core).toBe('Entwickler Frontend');
    expect(parseTitle('Administrator_innen').core).toBe('Administrator');
  });

  it('keeps a bracket of one letter apart from the word before it', () => {
    expect(parseTitle('Analyst (A) Grade').noise).toContain('A');
  });

  it('reads a call for attention as noise wherever it stands', () => {
    expect(parseTitle('data analyst urgent').core).toBe('data analyst');
    expect(parseTitle('URGENT: Data Analyst').core).toBe('Data Analyst');
    expect(parseTitle('Data Analyst (Immediate start)').core).toBe('Data Analyst');
    expect(parseTitle('Data Analyst - hiring now!').core).toBe('Data Analyst');
  });

  it('reads the word for the opening after the role as noise', () => {
    expect(parseTitle('Cloud Engineer opportunity').core).toBe('Cloud Engineer');
    expect(parseTitle('Data Analyst vacancy').core).toBe('Data Analyst');
  });

  it('reads a university research post as the research scientist of its field', () => {
    expect(parseTitle('Research Fellow in Natural Language Processing').core).toBe(
      'Research Scientist in Natural Language Processing',
    );
  });

  it('reads the marks of an answered or forwarded mail subject as noise', () => {
    expect(parseTitle('RE: RE: Platform Engineer')).toMatchObject({
      core: 'Platform Engineer',
      noise: ['RE: RE:'],
    });
    expect(parseTitle('Fwd: Data Analyst').core).toBe('Data Analyst');
  });

  it('reads the calls of a shouted title around the one that ends in a role head as noise', () => {
    const words = headsOf(/(?:engineers?|designer)$/i);
    expect(
      parseTitleForMatching('CLOUD ENGINEERS!!! we are growing — talk to us today', words).parsed,
    ).toMatchObject({ core: 'CLOUD ENGINEERS', noise: ['we are growing — talk to us today'] });
    expect(
      parseTitleForMatching("We're growing! Looking for a UX Designer", words).parsed.core,
    ).toBe('UX Designer');
  });

  it('keeps a shouted title whole where no call, or more than one, ends in a role head', () => {
    const words = headsOf(/engineer$/i);
    expect(parseTitleForMatching('Great pay! Great team!', words).parsed.core).toBe(
      'Great pay! Great team!',
    );
    expect(parseTitleForMatching('Data Engineer! Platform Engineer!', words).parsed.core).toBe(
      'Data Engineer! Platform Engineer!',
    );
  });

  it('reads "we need" and "all levels" around the role as noise', () => {
    expect(parseTitle('WE NEED: Java Developer (all levels)')).toMatchObject({
      core: 'Java Developer',
      noise: ['all levels', 'WE NEED'],
    });
  });

  it('reads the years a CV dates a job with before the role as noise', () => {
    expect(parseTitle('2019–2022 Senior Developer')).toMatchObject({
      core: 'Developer',
      seniority: 'senior',
      noise: ['2019–2022'],
    });
    expect(parseTitle('Jan 2020 - Present: Java Developer').core).toBe('Java Developer');
  });

  it('reads the years a CV dates a job with after the role as noise, not as its team', () => {
    expect(parseTitle('Network Technician, 2008–2011')).toEqual({
      core: 'Network Technician',
      noise: ['2008–2011'],
    });
  });

  it('reads two levels offered together as both, keeping the higher', () => {
    expect(parseTitle('Sr./Lead Platform Eng')).toMatchObject({
      core: 'Platform Eng',
      seniority: 'lead',
    });
    expect(parseTitle('Senior / Staff Software Engineer').seniority).toBe('staff');
  });

  it('reads a level word before a role phrase that starts with a symbol', () => {
    expect(parseTitle('Lead .NET Developer')).toMatchObject({
      core: '.NET Developer',
      seniority: 'lead',
    });
  });

  it('reads a place with a work mode offered instead of it', () => {
    expect(parseTitle('Platform Engineer – Berlin or remote-ish')).toMatchObject({
      core: 'Platform Engineer',
      location: 'Berlin',
      workMode: 'remote',
    });
  });

  it('reads the employer after "at" or "@" as noise', () => {
    const words = headsOf(/engineer$|analyst$/i);
    expect(parseTitleForMatching('Software Engineer at Acme', words).parsed).toMatchObject({
      core: 'Software Engineer',
      noise: ['Acme'],
    });
    expect(parseTitleForMatching('Data Analyst @ Acme', words).parsed.core).toBe('Data Analyst');
    expect(parseTitleForMatching('Teacher at Risk', words).parsed.core).toBe('Teacher at Risk');
  });

  it('reads the technologies a role works "with", "w/" or "using" as its technologies', () => {
    const words = headsOf(/developer$|analyst$/i);
    for (const title of ['Data Analyst w/ Python', 'Data Analyst with Python']) {
      expect(parseTitleForMatching(title, words).parsed).toMatchObject({
        core: 'Data Analyst',
        technologies: ['Python'],
      });
    }
    expect(parseTitleForMatching('Java Developer using Spring Boot', words).parsed.core).toBe(
      'Java Developer',
    );
  });

  it('keeps "with" in the role when what follows is no technology', () => {
    const words = headsOf(/engineer$/i);
    expect(parseTitleForMatching('Engineer with a van', words).parsed.core).toBe(
      'Engineer with a van',
    );
    expect(parseTitle('Developer (m/w/d)').core).toBe('Developer');
  });

  it("reads a career site's department path as the job, in the team nearest it", () => {
    const words = headsOf(/engineer$|sre$/i);
    expect(
      parseTitleForMatching('Engineering / Platform / Senior SRE', words).parsed,
    ).toMatchObject({ core: 'SRE', seniority: 'senior', team: 'Platform' });
    expect(parseTitleForMatching('R&D › Firmware › Embedded Engineer', words).parsed.core).toBe(
      'Embedded Engineer',
    );
  });

  it('keeps three roles offered at once apart from a department path', () => {
    const words = headsOf(/engineer$|sre$/i);
    expect(parseTitleForMatching('DevOps / SRE / Platform Engineer', words).parsed.core).not.toBe(
      'Platform Engineer',
    );
  });

  it('reads the employer after the team as noise', () => {
    const words = headsOf(/engineer$/i);
    expect(parseTitleForMatching('Software Engineer, Backend @ Acme', words).parsed).toMatchObject({
      core: 'Software Engineer',
      team: 'Backend',
      noise: ['Acme'],
    });
  });

  it("reads a graduate scheme's intake as noise", () => {
    expect(parseTitle('Graduate Software Developer 2025 intake')).toMatchObject({
      core: 'Software Developer',
      seniority: 'junior',
      noise: ['2025 intake'],
    });
  });

  it('reads a pictograph as a break between the role and what follows it', () => {
    expect(parseTitle('Senior Product Manager 🚀 Remote')).toMatchObject({
      core: 'Product Manager',
      seniority: 'senior',
      workMode: 'remote',
    });
    expect(parseTitle('Site Reliability Engineer 👩‍💻').core).toBe('Site Reliability Engineer');
  });

  it('reads the year a scheme starts in, after the role, as noise', () => {
    expect(parseTitle('Graduate Software Engineer 2027')).toMatchObject({
      core: 'Software Engineer',
      seniority: 'junior',
      noise: ['2027'],
    });
  });

  it('reads the segment after a role phrase that ends in a level, before a bar, as the team', () => {
    const words = headsOf(/engineer$/i);
    expect(
      parseTitleForMatching('Data Engineer II | Northwind Cloud | Leeds', words).parsed,
    ).toMatchObject({ core: 'Data Engineer', level: 'II', team: 'Northwind Cloud' });
  });

  it('reads a team named before the role phrase as the team', () => {
    const words = headsOf(/engineer$/i);
    expect(parseTitleForMatching('Payments Team - Backend Engineer', words).parsed).toMatchObject({
      core: 'Backend Engineer',
      team: 'Payments Team',
    });
  });

  it('reads a department of one word before a dash as the team', () => {
    const words = headsOf(/engineer$|analyst$/i);
    expect(parseTitleForMatching('Engineering - Software Engineer', words).parsed).toMatchObject({
      core: 'Software Engineer',
      team: 'Engineering',
    });
    expect(
      parseTitleForMatching('Governance, Risk and Compliance Analyst', words).parsed.core,
    ).toBe('Governance, Risk and Compliance Analyst');
  });

  it('reads an employer before a dash and a role phrase whole in itself as the team', () => {
    const words = headsOf(/engineer$|architect$/i);
    expect(parseTitleForMatching('Northwind Bank — iOS Engineer', words).parsed).toMatchObject({
      core: 'iOS Engineer',
      team: 'Northwind Bank',
    });
    expect(parseTitleForMatching('Lumen Retail | Data Architect', words).parsed.core).toBe(
      'Data Architect',
    );
  });

  it('reads a leading part before a role phrase and its team as the team too', () => {
    const words = headsOf(/engineer$/i);
    const title = 'Internal Move – Software Engineer, Payments Team';
    expect(parseTitleForMatching(title, words).parsed).toMatchObject({
      core: 'Software Engineer',
      team: 'Internal Move, Payments Team',
    });
  });

  it('reads the part before a colon and a role phrase as the team', () => {
    const words = headsOf(/analyst$/i);
    expect(parseTitleForMatching('Secondment: Data Analyst', words).parsed).toMatchObject({
      core: 'Data Analyst',
      team: 'Secondment',
    });
  });

  it('reads a role phrase ending in a level word after a leading part as the role', () => {
    const words = headsOf(/engineer$/i);
    const title = 'Early Careers - Network Engineer Trainee';
    expect(parseTitleForMatching(title, words).parsed).toMatchObject({
      core: 'Network Engineer',
      seniority: 'intern',
      team: 'Early Careers',
    });
  });

  it('reads the part after a dash as the team when the role phrase before it carries a word of its own', () => {
    const words = headsOf(/manager$/i);
    expect(parseTitleForMatching('Project Manager IT – Nantes', words).parsed).toMatchObject({
      core: 'Project Manager',
      team: 'Nantes',
    });
  });

  it('keeps the words around a bracketed abbreviation in one role phrase', () => {
    const words = headsOf(/technician$/i);
    const title = 'Launch Control Replacement (LCR) Maintenance Technician';
    expect(parseTitleForMatching(title, words).parsed.core).toMatch(/^Launch Control/);
  });

  it('keeps a field of two words before a dash and a bare head as one inverted title', () => {
    const words = headsOf(/engineer$/i);
    expect(parseTitleForMatching('Data Platform - Senior Engineer', words).parsed).toMatchObject({
      core: 'Data Platform, Engineer',
      seniority: 'senior',
    });
  });

  it('reads a support tier as the level, keeping it in the role phrase it leads', () => {
    expect(parseTitle('IT Support Technician 1st line')).toMatchObject({
      core: 'IT Support Technician',
      level: '1st line',
    });
    expect(parseTitle('2nd Line Support Analyst')).toMatchObject({
      core: '2nd Line Support Analyst',
      level: '2nd Line',
    });
  });

  it('reads technologies joined by slashes after the role phrase as technologies', () => {
    const words = headsOf(/engineer$/i);
    expect(parseTitleForMatching('Cloud Engineer AWS/Azure', words).parsed).toMatchObject({
      core: 'Cloud Engineer',
      technologies: ['AWS', 'Azure'],
    });
  });

  it('reads a call for applicants before the role as noise', () => {
    expect(parseTitle('Urgent Requirement for Java Developer').core).toBe('Java Developer');
    expect(parseTitle('Hiring for Data Analyst').core).toBe('Data Analyst');
    expect(parseTitle('We are looking for a Data Engineer').core).toBe('Data Engineer');
    expect(parseTitle('Need Data Engineer').core).toBe('Data Engineer');
    expect(parseTitle('Direct Client Req: Network Engineer').core).toBe('Network Engineer');
    expect(parseTitle('Needs Assessment Officer').core).toBe('Needs Assessment Officer');
    expect(parseTitle('Walk-in Drive for Freshers - Software Developer').core).toBe(
      'Software Developer',
    );
  });

  it('reads freshers and a leading associate as the first rung', () => {
    expect(parseTitle('Fresher Software Developer').seniority).toBe('junior');
    expect(parseTitle('Associate Software Engineer')).toMatchObject({
      core: 'Software Engineer',
      seniority: 'junior',
    });
    expect(parseTitle('Sales Associate').core).toBe('Sales Associate');
  });

  it('reads a level joined to the role by a hyphen', () => {
    expect(parseTitle('SDE-2')).toMatchObject({ core: 'SDE', level: '2' });
  });

  it("reads a job architecture's individual-contributor rung as the level", () => {
    expect(parseTitle('Data Engineer - IC3')).toMatchObject({
      core: 'Data Engineer',
      level: 'IC3',
    });
    expect(parseTitle('Data Engineer IC4')).toMatchObject({ core: 'Data Engineer', level: 'IC4' });
  });

  it('reads a platform said apart from the role into the role phrase where a role lists both', () => {
    const words: RoleWords = {
      ...headsOf(/engineer$/i),
      listsTitle: (text) => text === 'Android Software Engineer',
    };
    for (const title of ['Software Engineer (Android)', 'Software Engineer - Android, Maps']) {
      expect(parseTitleForMatching(title, words).parsed.core).toBe('Android Software Engineer');
    }
    expect(parseTitleForMatching('Software Engineer (Java)', words).parsed.core).toBe(
      'Software Engineer',
    );
  });

  it('leaves the level out of the role phrase said whole with its team', () => {
    const words = headsOf(/manager$/i);
    expect(parseTitleForMatching('Manager II, Software Engineering', words).whole).toBe(
      'Manager, Software Engineering',
    );
  });

  it('reads a driving licence class as noise', () => {
    expect(parseTitle('HGV Class 1 Driver')).toMatchObject({
      core: 'HGV Driver',
      noise: ['Class 1'],
    });
    expect(parseTitle('Cat C+E Driver').core).toBe('Driver');
    expect(parseTitle('Class Teacher').core).toBe('Class Teacher');
  });

  it('reads mid in a market segment or a place as no level', () => {
    expect(parseTitle('Account Executive, Mid-Market').seniority).toBeUndefined();
    expect(parseTitle('Mid-Level Data Analyst').seniority).toBe('mid');
  });

  it('reads pay in any currency and form as noise, with or without a separator', () => {
    expect(parseTitle('QA Engineer £40k-£50k')).toMatchObject({
      core: 'QA Engineer',
      noise: ['£40k-£50k'],
    });
    expect(parseTitle('Java Developer ₹12-18 LPA').core).toBe('Java Developer');
    expect(parseTitle('DevOps Engineer 90 000 - 110 000 SEK').core).toBe('DevOps Engineer');
    expect(parseTitle('Data Analyst - 45.000 € - 55.000 €').core).toBe('Data Analyst');
    expect(parseTitle('Cloud Engineer - up to £85,000 + benefits').core).toBe('Cloud Engineer');
    expect(parseTitle('Senior Data Scientist - Competitive salary').core).toBe('Data Scientist');
    expect(parseTitle('Salary Administrator').core).toBe('Salary Administrator');
  });

  it('reads the hours and days the pay is for as noise with it', () => {
    expect(parseTitle('Frontend Developer £50k 4 day week')).toMatchObject({
      core: 'Frontend Developer',
      noise: ['£50k 4 day week'],
    });
    expect(parseTitle('Service Desk Analyst £24,500 Shifts 24/7 rota').core).toBe(
      'Service Desk Analyst',
    );
    expect(parseTitle('Web Developer £27k 9am-5:30pm Mon-Fri').core).toBe('Web Developer');
    expect(parseTitle('Support Analyst £35k + on-call allowance, 37hrs').core).toBe(
      'Support Analyst',
    );
  });

  it('reads the IR35 status a day rate is quoted with as noise with the pay', () => {
    expect(parseTitle('DevOps Engineer £550 per day Outside IR35').core).toBe('DevOps Engineer');
    expect(parseTitle('Cloud Architect £700/day inside IR35').core).toBe('Cloud Architect');
  });

  it('reads a feed whose place and pay are glued onto the role', () => {
    const words = headsOf(/(?:engineer|developer)$/i);
    expect(
      parseTitleForMatching('Java DeveloperLeeds£65k-£75k + bonus', words).parsed,
    ).toMatchObject({
      core: 'Java Developer',
      location: 'Leeds',
    });
  });

  it('reads capitalised words between the role and the pay as the place a feed names', () => {
    const words = headsOf(/(?:administrator|technician)$/i);
    expect(
      parseTitleForMatching('Linux Systems Administrator Reading RG1 £45-50k', words).parsed,
    ).toMatchObject({ core: 'Linux Systems Administrator', location: 'Reading RG1' });
    expect(
      parseTitleForMatching('IT Technician Newcastle upon Tyne £30k', words).parsed,
    ).toMatchObject({ core: 'IT Technician', location: 'Newcastle upon Tyne' });
  });

  it('reads unknown capitalised words after the role as no place without pay after them', () => {
    const words = headsOf(/administrator$/i);
    expect(parseTitleForMatching('Linux Systems Administrator Reading', words).parsed.core).toBe(
      'Linux Systems Administrator Reading',
    );
  });

  it('reads hours of work alone after the role as noise', () => {
    expect(parseTitle('Web Developer 20hrs')).toMatchObject({
      core: 'Web Developer',
      noise: ['20hrs'],
    });
  });

  it('keeps shift and day words that are the role phrase', () => {
    expect(parseTitle('Night Shift Supervisor £30k').core).toBe('Night Shift Supervisor');
  });

  it.each([
    ['Contract Data Engineer', 'contract'],
    ['Freelance Graphic Designer', 'freelance'],
    ['Interim Head of IT', 'temporary'],
    ['Part Time Data Analyst', 'part-time'],
  ] as const)('reads the terms of employment before the role in "%s"', (title, contract) => {
    const parsed = parseTitle(title);
    expect(parsed.contract).toBe(contract);
    expect(parsed.core).toBe(
      title
        .split(' ')
        .slice(title.startsWith('Part') ? 2 : 1)
        .join(' '),
    );
  });

  it('keeps a terms word before a lone role word, where it names the work', () => {
    expect(parseTitle('Contract Manager')).toEqual({ core: 'Contract Manager', noise: [] });
  });

  it('reads a day-rate contractor segment and a W2-only tail as contract work', () => {
    expect(parseTitle('Day Rate Contractor - Data Engineer')).toMatchObject({
      core: 'Data Engineer',
      contract: 'contract',
    });
    expect(parseTitle('Data Engineer W2 only')).toMatchObject({
      core: 'Data Engineer',
      contract: 'contract',
    });
  });

  it.each(['C2C/W2 - Salesforce Developer', 'Salesforce Developer - Long Term'])(
    'reads agency terms offered together or a long engagement in "%s" as contract work',
    (title) => {
      expect(parseTitle(title)).toMatchObject({
        core: 'Salesforce Developer',
        contract: 'contract',
      });
    },
  );

  it.each([
    ['Engenheiro de Software Pleno', 'mid'],
    ['Analista de Sistemas Semi Senior', 'mid'],
    ['Desarrollador Full Stack SSR', 'mid'],
    ['Desenvolvedor Front-end Júnior', 'junior'],
    ['Engenheiro de Dados Sênior', 'senior'],
  ] as const)('reads the level of "%s" in its own language', (title, seniority) => {
    expect(parseTitle(title).seniority).toBe(seniority);
  });

  it('splits segments at a spaced double colon', () => {
    expect(parseTitle('Front End Dev :: Remote :: Contract')).toMatchObject({
      core: 'Front End Dev',
      workMode: 'remote',
      contract: 'contract',
    });
  });

  it('reads terms of employment after the role with no separator', () => {
    expect(parseTitle('Python Developer 6-12 months contract £500/day')).toMatchObject({
      core: 'Python Developer',
      contract: 'contract',
    });
    expect(parseTitle('Smart Contract Developer').core).toBe('Smart Contract Developer');
  });

  it('reads a gender marker that ends any segment, and French and German contract words', () => {
    expect(parseTitle('Ingénieur DevOps H/F - CDI - Paris')).toMatchObject({
      core: 'Ingénieur DevOps',
      contract: 'permanent',
      location: 'Paris',
    });
    expect(parseTitle('Data Engineer (w/m/d) – Festanstellung, Vollzeit').contract).toBe(
      'permanent',
    );
  });
});
