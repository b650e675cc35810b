import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { wordDocument } from '../docx/word-document.fixture.js';
import { parseGuidePage, readGuidePage } from './index.js';

/** `expect.stringContaining`, typed so it can stand for a string field. */
const containing = (text: string) => expect.stringContaining(text) as string;

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/guide-page/${name}`, import.meta.url));
const referencePage = fileURLToPath(
  new URL('../../../../shared/reference/recruiter-role-page.txt', import.meta.url),
);

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
};

const scratch = () => mkdtemp(join(tmpdir(), 'guide-page-'));

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

/** What a page gave each section: its list, or how many items where the count says enough. */
const sectionsRead = ({ content }: Awaited<ReturnType<typeof readGuidePage>>) => ({
  name: content.name,
  alternativeTitles: content.alternativeTitles,
  responsibilities: content.responsibilities.length,
  benefits: content.benefits.map((b) => b.title),
  signs: content.signs.length,
  terms: content.terms,
  links: content.links.length,
});

describe.skipIf(!existsSync(referencePage))('the reference recruiter page', () => {
  it('reports exactly its two defects: the unfilled {role_name} and the empty links section', async () => {
    const page = await readGuidePage(referencePage);
    expect(page.findings).toEqual([
      expect.objectContaining({
        rule: 'placeholder',
        message: containing('{role_name}'),
      }),
      expect.objectContaining({ rule: 'empty-section', field: 'links' }),
    ]);
  });

  it('still yields a draft named from its summary, with every section it fills', async () => {
    const page = await readGuidePage(referencePage);
    expect(page.code).toBe('backend-developer');
    expect(page.content).toMatchObject({ name: 'Backend Developer', status: 'draft' });
    expect(page.content.benefits).toHaveLength(5);
    expect(page.content.signs).toHaveLength(5);
    expect(page.content.terms).toEqual([
      'api',
      'dbms',
      'server-side',
      'backend-technologies',
      'scalability',
      'api-integration',
    ]);
  });
});

describe('readGuidePage on a complete plain-text page', () => {
  it('finds no defect', async () => {
    expect((await readGuidePage(fixture('clean-page.txt'))).findings).toEqual([]);
  });

  it('takes the name from the title line', async () => {
    const page = await readGuidePage(fixture('clean-page.txt'));
    expect([page.code, page.content.name]).toEqual(['qa-engineer', 'QA Engineer']);
  });

  it('reads "Title:text" bullets written without a space', async () => {
    const page = await readGuidePage(fixture('clean-page.txt'));
    expect(page.content.benefits[0]).toEqual({
      title: 'Fewer bugs',
      text: 'Problems are caught before release, not by customers.',
    });
  });
});

describe('readGuidePage on a Markdown page', () => {
  const read = () => readGuidePage(fixture('data-analyst.md'));

  it('joins the summary into paragraphs', async () => {
    expect((await read()).content.summary.split('\n\n')).toHaveLength(2);
  });

  it('takes the alternative titles from "also known as", in title case', async () => {
    expect((await read()).content.alternativeTitles).toEqual([
      'Reporting Analyst',
      'Business Data Analyst',
      'Insights Analyst',
    ]);
  });

  it('reads bold titles and dash-separated points', async () => {
    expect((await read()).content.benefits.map((b) => b.title)).toEqual([
      'Better decisions',
      'One version of the truth',
      'Faster answers',
    ]);
  });

  it('reads terms written either "Name (ABBR)" or "ABBR (Name)", slugged by abbreviation', async () => {
    const { terms } = await read();
    expect(terms.map((t) => [t.slug, t.content.name, t.content.abbreviations])).toEqual([
      ['sql', 'Structured Query Language', ['SQL']],
      ['etl', 'Extract, Transform, Load', ['ETL']],
      ['dashboard', 'Dashboard', []],
    ]);
  });

  it('reads Markdown links, titled links and bare URLs', async () => {
    expect((await read()).content.links).toEqual([
      {
        title: 'PostgreSQL tutorial',
        url: 'https://www.postgresql.org/docs/current/tutorial.html',
      },
      { title: 'Statistics basics', url: 'http://example.org/statistics' },
      { title: 'www.w3.org', url: 'https://www.w3.org/TR/' },
    ]);
  });

  it('reports a link without a scheme and a plain http link', async () => {
    const links = (await read()).findings.filter((f) => f.rule === 'malformed-link');
    expect(links.map((f) => f.message)).toEqual([
      containing('"www.example.org/wiki", which is not an absolute URL'),
      containing('"http://example.org/statistics" is not an absolute https URL'),
    ]);
  });

  it('reports a heading the layout does not know, with its line', async () => {
    const findings = (await read()).findings.filter((f) => f.rule === 'unknown-section');
    expect(findings).toEqual([
      expect.objectContaining({
        line: 20,
        message: containing('"Salary expectations"'),
      }),
    ]);
  });
});

describe('parseGuidePage', () => {
  const page = (body: string) => `What does a tester do?\n\nA tester checks software.\n\n${body}`;

  it('keeps a bullet without a title, titled by its own words, and asks for a review', () => {
    const parsed = parseGuidePage(
      page('Why hire a tester?\n\n- Quality matters\n- Speed: releases go out sooner.'),
    );
    expect(parsed.content.benefits).toEqual([
      { title: 'Quality matters', text: 'Quality matters' },
      { title: 'Speed', text: 'releases go out sooner.' },
    ]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({
        rule: 'malformed-item',
        severity: 'warning',
        line: 7,
        field: 'benefits',
      }),
    );
  });

  /** The reasons to hire of a list whose first item has a sub-item. */
  const foldedBenefits = [
    { title: 'Speed', text: 'releases go out sooner; and fewer of them are rolled back' },
    { title: 'Trust', text: 'users meet fewer faults.' },
  ];

  it("folds an indented Markdown sub-item into its parent item's text", () => {
    const parsed = parseGuidePage(
      page(
        'Why hire a tester?\n\n- Speed: releases go out sooner\n  - and fewer of them are rolled back\n- Trust: users meet fewer faults.',
      ),
    );
    expect(parsed.content.benefits).toEqual(foldedBenefits);
  });

  it("folds a nested HTML list item into its parent item's text", () => {
    const parsed = parseGuidePage(
      '<h2>What does a tester do?</h2><p>A tester checks software.</p><h2>Why hire a tester?</h2><ul><li>Speed: releases go out sooner<ul><li>and fewer of them are rolled back</li></ul></li><li>Trust: users meet fewer faults.</li></ul>',
    );
    expect(parsed.content.benefits).toEqual(foldedBenefits);
  });

  it('reports the sections of the layout that the page lacks, as warnings on a draft', () => {
    const parsed = parseGuidePage(page(''));
    expect(parsed.findings.map((f) => [f.rule, f.severity, f.field])).toEqual([
      ['missing-section', 'warning', 'alternativeTitles'],
      ['missing-section', 'warning', 'benefits'],
      ['missing-section', 'warning', 'signs'],
      ['missing-section', 'warning', 'terms'],
      ['missing-section', 'warning', 'links'],
    ]);
  });

  it('reads a "Related roles" section as the names it lists, each with its line', () => {
    const parsed = parseGuidePage(
      page('Related roles\n\n- [Data Analyst](/roles/data-analyst)\n- *QA Engineer*, Tester'),
    );
    expect(parsed.relatedNames).toEqual([
      { name: 'Data Analyst', line: 7 },
      { name: 'QA Engineer', line: 8 },
    ]);
    expect(rules(parsed.findings)).not.toContain('unknown-section');
  });

  it('strips Markdown emphasis from the name and from point and alternative titles', () => {
    const parsed = parseGuidePage(
      'The *Software* **Tester**\n\nA tester checks software.\n\nAlso known as\n\n**QA Analyst**, _Test Engineer_\n\nWhy hire a tester?\n\n- *Quality*: fewer bugs reach users.\n- __Speed__ – releases go out sooner.',
    );
    expect(parsed.content.name).toBe('The Software Tester');
    expect(parsed.content.alternativeTitles).toEqual(['QA Analyst', 'Test Engineer']);
    expect(parsed.content.benefits.map((b) => b.title)).toEqual(['Quality', 'Speed']);
  });

  it("reads a toggle's summary as the heading of what the toggle holds", () => {
    const parsed = parseGuidePage(
      page(
        '<details>\n<summary>Why hire a tester?</summary>\n\n- **Speed:** releases go out sooner.\n\n</details>',
      ),
    );
    expect(parsed.content.benefits).toEqual([{ title: 'Speed', text: 'releases go out sooner.' }]);
    expect(parsed.content.summary).toBe('A tester checks software.');
  });

  it("drops a task list's boxes from the items it ticks", () => {
    const parsed = parseGuidePage(
      page('Signs you need a tester\n\n- [ ] Bugs reach users\n- [x] Releases slip: every month'),
    );
    expect(parsed.content.signs.map((sign) => sign.title)).toEqual([
      'Bugs reach users',
      'Releases slip',
    ]);
  });

  it('keeps snake_case words as they are when stripping emphasis', () => {
    const parsed = parseGuidePage(page('Skills\n\n- snake_case_names: naming'));
    expect(parsed.content.skills).toEqual([{ name: 'snake_case_names' }]);
  });

  it('reports a link it cannot read as a finding with its line, and reads the rest of the page', () => {
    const parsed = parseGuidePage(
      page('Reference links\n\n- [Broken](htp:/nope)\n- MDN: https://developer.mozilla.org/'),
    );
    expect(parsed.content.links).toEqual([{ title: 'MDN', url: 'https://developer.mozilla.org/' }]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({
        rule: 'malformed-link',
        line: 7,
        field: 'links',
        message: containing('"htp:/nope", which is not an http or https URL'),
      }),
    );
  });

  it('takes the name from a section heading when there is no title line', () => {
    expect(parseGuidePage(page('')).content.name).toBe('Tester');
  });

  it.each([
    'Understanding the role: MLOps Engineer',
    'Understanding the role - MLOps Engineer',
    'Understanding the role MLOps Engineer',
    'Hiring an MLOps Engineer',
  ])('takes the role name out of a title line "%s"', (title) => {
    const parsed = parseGuidePage(
      `# ${title}\n\n## Why hire one?\n\n- Reliability: models keep serving as data changes.\n`,
    );
    expect([parsed.code, parsed.content.name]).toEqual(['mlops-engineer', 'MLOps Engineer']);
  });

  it('takes no role name from a heading that stands in for the role with "one"', () => {
    const text =
      '## Overview\n\nThey keep the lights on.\n\n## Signs you need one\n\n- Outages: nobody sees them coming.\n';
    expect(thrown(() => parseGuidePage(text, { file: 'ops.md' }))).toMatchObject({
      code: 'import_failed',
      message: containing('does not say which role'),
    });
  });

  it("takes the role name from an HTML page's <title> when no heading names it", () => {
    const html =
      '<html><head><title>Payroll Specialist | Careers | Acme</title></head><body><h2>Overview</h2><p>They pay everyone on time.</p><h2>Why hire one?</h2><ul><li>Trust: pay is right.</li></ul></body></html>';
    expect(parseGuidePage(html).content.name).toBe('Payroll Specialist');
  });

  it('prefers the name and code it is given', () => {
    const parsed = parseGuidePage(page(''), { name: 'Test Analyst', code: 'test-analyst-2' });
    expect([parsed.code, parsed.content.name]).toEqual(['test-analyst-2', 'Test Analyst']);
  });

  it('leaves out terms the glossary already defines, but still uses them', () => {
    const parsed = parseGuidePage(
      page('Key terms\n\n- API: A way for programs to talk.\n- Smoke test: A quick first check.'),
      {
        knownTerms: new Set(['api']),
      },
    );
    expect(parsed.content.terms).toEqual(['api', 'smoke-test']);
    expect(parsed.terms.map((t) => t.slug)).toEqual(['smoke-test']);
    expect(rules(parsed.findings)).not.toContain('undefined-term');
  });

  it('refuses a text that is not a page of the layout', () => {
    expect(
      thrown(() => parseGuidePage('Just a note.\n\nNothing else.', { file: 'note.txt' })),
    ).toMatchObject({
      code: 'import_failed',
      details: [{ file: 'note.txt', line: 1 }],
    });
  });

  it('reads the inline labels of a plain-text email as the headings of what follows them', () => {
    const parsed = parseGuidePage(
      [
        'Subject: Data Engineer',
        '',
        'What they do: A data engineer builds the pipelines that bring a company its data.',
        '',
        'Signs you need one: Reports: every team counts revenue differently.',
      ].join('\n'),
      { name: 'Data Engineer' },
    );
    expect(parsed.content.summary).toBe(
      'A data engineer builds the pipelines that bring a company its data.',
    );
    expect(parsed.content.signs).toEqual([
      { title: 'Reports', text: 'every team counts revenue differently.' },
    ]);
  });

  it.each([
    ['Spanish', '¿Qué hace un ingeniero de datos?', 'Por qué contratar un ingeniero de datos'],
    ['French', 'Que fait un ingénieur de données ?', 'Pourquoi recruter un ingénieur de données'],
    ['German', 'Was macht ein Data Engineer?', 'Warum einen Data Engineer einstellen?'],
  ])('reads the section headings of a page in %s', (_, what, why) => {
    const parsed = parseGuidePage(
      `# Data Engineer\n\n## ${what}\n\nBuilds pipelines.\n\n## ${why}\n\n- Speed: data arrives daily.`,
    );
    expect(parsed.content).toMatchObject({
      summary: 'Builds pipelines.',
      benefits: [{ title: 'Speed', text: 'data arrives daily.' }],
    });
  });

  it.each(['(m/w/d)', '(w/m/d)', '(f/m/x)', 'm/f/d', '(all genders)', '(H/F)'])(
    'leaves the genders a posting is open to, %s, out of the role name',
    (marker) => {
      const parsed = parseGuidePage(
        `# Data Engineer ${marker}\n\n## Was macht ein Data Engineer?\n\nBaut Datenstrecken.`,
      );
      expect(parsed.content.name).toBe('Data Engineer');
    },
  );

  it('leaves a careers page\'s perks under "Benefits" out of the reasons to hire, saying so', () => {
    const parsed = parseGuidePage(
      page(
        'Why hire a tester?\n\n- Speed: releases go out sooner.\n\nBenefits\n\n- 30 days of paid holiday\n- A pension matched to 6%\n- Gym membership',
      ),
    );
    expect(parsed.content.benefits).toEqual([{ title: 'Speed', text: 'releases go out sooner.' }]);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({
        rule: 'unknown-section',
        message: containing('lists what the job offers a candidate'),
      }),
    );
  });

  it('says in which languages headings are read when it finds none', () => {
    expect(thrown(() => parseGuidePage('# Notes\n\nNothing here.'))).toMatchObject({
      code: 'import_failed',
      message: containing('headings are read in English, Spanish, French and German'),
    });
  });

  it('refuses a page that never says which role it is about', () => {
    expect(
      thrown(() => parseGuidePage('Why hire a {role_name}?\n\n- Speed: faster.')),
    ).toMatchObject({
      code: 'import_failed',
      message: containing("give the role's name"),
    });
  });
});

describe('readGuidePage errors', () => {
  it('refuses a file that does not exist as any unreadable file is refused', async () => {
    await expect(readGuidePage(fixture('absent.md'))).rejects.toMatchObject({
      code: 'bad_request',
      message: `Cannot read ${fixture('absent.md')}: it does not exist.`,
    });
  });

  it('refuses a PDF as a file that is no text, naming its format', async () => {
    await expect(readGuidePage(fixture('security-engineer.pdf'))).rejects.toMatchObject({
      code: 'import_failed',
      message: containing('is a PDF document, not a page'),
    });
  });

  it('refuses a password-protected Word document, saying how to save it', async () => {
    const file = join(await scratch(), 'locked.docx');
    await writeFile(
      file,
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
    );
    await expect(readGuidePage(file)).rejects.toMatchObject({
      code: 'import_failed',
      message: `${file}: the file is password-protected (or an old .doc): save it again without a password, as .docx`,
    });
  });

  it('refuses a ZIP archive that is no Word document as one that cannot be read', async () => {
    const archive = new JSZip();
    archive.file('notes.txt', 'Why hire a tester?');
    const file = join(await scratch(), 'notes.docx');
    await writeFile(file, await archive.generateAsync({ type: 'nodebuffer' }));
    await expect(readGuidePage(file)).rejects.toMatchObject({
      code: 'import_failed',
      message: `${file}: the file could not be read as a Word document`,
    });
  });

  it.each([
    ['<meta charset="windows-1252">'],
    ['<meta http-equiv=Content-Type content="text/html; charset=windows-1252">'],
  ])('reads an HTML page in the charset it declares with %s', async (meta) => {
    const file = join(await scratch(), 'tester.html');
    const page = `<html><head>${meta}</head><body><h1>Software Tester</h1><h2>What does a software tester do?</h2><p>A tester finds a product\u2019s faults before its users do.</p></body></html>`;
    await writeFile(file, Buffer.from(page.replace('\u2019', '\x92'), 'latin1'));
    const read = await readGuidePage(file);
    expect(read.content.summary).toBe(
      'A tester finds a product\u2019s faults before its users do.',
    );
  });

  it('refuses a page in a charset no decoder knows, naming the charset it declares', async () => {
    const file = join(await scratch(), 'tester.html');
    const page = '<meta charset="x-martian"><h2>What does a tester do?</h2><p>Tests \xe9.</p>';
    await writeFile(file, Buffer.from(page, 'latin1'));
    await expect(readGuidePage(file)).rejects.toMatchObject({
      code: 'import_failed',
      message: containing('declares the charset x-martian'),
    });
  });

  it('refuses a page that is not UTF-8, naming line and character', async () => {
    await expect(readGuidePage(fixture('latin1-page.txt'))).rejects.toMatchObject({
      code: 'import_failed',
      details: [{ line: 3, column: 29 }],
    });
  });
});

describe('readGuidePage on a Word document', () => {
  it('reads the headings and paragraphs of a .docx page as an HTML page is read', async () => {
    const page = await readGuidePage(fixture('security-engineer.docx'));
    expect(page.content).toMatchObject({
      name: 'Security Engineer',
      summary: 'A security engineer protects systems and data from attack.',
    });
  });

  it('names a .docx page by its first line, not by a heading asking what the role involves', async () => {
    const file = join(await scratch(), 'ml-engineer.docx');
    await writeFile(
      file,
      await wordDocument([
        ['Title', 'Machine Learning Engineer'],
        ['', 'They turn prototype models into services that run in production.'],
        ['Heading1', 'What does the role involve'],
        ['ListParagraph', 'Packaging models as services'],
        ['Heading1', 'Why hire one?'],
        ['', 'Shipped models: predictions reach customers.'],
      ]),
    );
    expect((await readGuidePage(file)).content.name).toBe('Machine Learning Engineer');
  });

  it.each(['Title', 'Titel'])(
    'names a .docx page by its paragraph in the "%s" style, over a first-level heading that names no section',
    async (style) => {
      const file = join(await scratch(), 'platform.docx');
      await writeFile(
        file,
        await wordDocument([
          [style, 'Platform Engineer'],
          ['Heading1', 'Role profile'],
          ['', 'They run the platform the product teams ship on.'],
          ['Heading1', 'Why hire a platform engineer?'],
          ['', 'Faster releases: teams ship without waiting on tickets.'],
        ]),
      );
      expect((await readGuidePage(file)).content.name).toBe('Platform Engineer');
    },
  );

  it('reads the "Title: text" paragraphs of a .docx page as items of their sections', async () => {
    const file = join(await scratch(), 'tester.docx');
    await writeFile(
      file,
      await wordDocument([
        ['Heading1', 'Software Tester'],
        ['Heading2', 'What does a software tester do?'],
        ['', 'A software tester finds the faults of a product before its users do.'],
        ['Heading2', 'Why hire a software tester?'],
        ['', 'Fewer incidents: faults are found before release.'],
        ['', 'Faster releases: each change is checked in hours.'],
      ]),
    );
    const page = await readGuidePage(file);
    expect(page.content.benefits.map((b) => b.title)).toEqual([
      'Fewer incidents',
      'Faster releases',
    ]);
  });
});

describe('readGuidePage on pages in the headings real sites use', () => {
  const filled = (content: object) =>
    Object.entries(content)
      .filter(([, value]) => Array.isArray(value) && value.length > 0)
      .map(([key]) => key)
      .sort();

  it.each([
    [
      'devops-engineer.md',
      'DevOps Engineer',
      ['alternativeTitles', 'benefits', 'links', 'responsibilities', 'signs', 'skills', 'terms'],
    ],
    [
      'data-scientist.html',
      'Data Scientist',
      ['alternativeTitles', 'benefits', 'links', 'signs', 'terms'],
    ],
    [
      'site-reliability-engineer.txt',
      'Site Reliability Engineer',
      ['benefits', 'links', 'responsibilities', 'signs', 'terms'],
    ],
    [
      'machine-learning-engineers.md',
      'Machine Learning Engineer',
      ['benefits', 'links', 'signs', 'terms'],
    ],
  ])('reads %s as %s with its sections', async (file, name, sections) => {
    const page = await readGuidePage(fixture(file));
    expect([page.content.name, filled(page.content)]).toEqual([name, sections]);
  });

  it.each([
    [
      'wild/data-engineer-notes-export.md',
      'Data Engineer',
      ['alternativeTitles', 'benefits', 'links', 'responsibilities', 'signs', 'terms'],
    ],
    [
      'wild/data-analyst-cheat-sheet.txt',
      'Data Analyst',
      ['alternativeTitles', 'benefits', 'links', 'signs', 'terms'],
    ],
    [
      'wild/sre-saved-page.html',
      'Site Reliability Engineer',
      ['links', 'responsibilities', 'signs', 'terms'],
    ],
    [
      'wild/devops-engineer-faq.md',
      'DevOps Engineer',
      ['benefits', 'links', 'signs', 'skills', 'terms'],
    ],
  ])('reads %s, written as pages in the wild are, as %s', async (file, name, sections) => {
    const page = await readGuidePage(fixture(file));
    expect([page.content.name, filled(page.content)]).toEqual([name, sections]);
    expect(page.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  const all = [
    'alternativeTitles',
    'benefits',
    'links',
    'responsibilities',
    'signs',
    'skills',
    'terms',
  ] as const;
  const but = (...left: string[]) => all.filter((section) => !left.includes(section));

  it.each([
    [
      'wild/product-managers-saved.html',
      'Product Manager',
      but('alternativeTitles', 'links', 'terms'),
    ],
    ['wild/qa-engineer-notion-export.md', 'QA Engineer', but('alternativeTitles', 'skills')],
    ['wild/data-architects-gdocs.md', 'Data Architect', but('alternativeTitles', 'skills')],
    ['wild/prompt-engineer.md', 'Prompt Engineer', but('skills')],
    [
      'wild/kubernetes-administrators.txt',
      'Kubernetes Administrator',
      but('alternativeTitles', 'skills'),
    ],
    ['wild/ux-researchers-questions.md', 'UX Researcher', but('alternativeTitles', 'links')],
    ['wild/security-engineer-word.html', 'Security Engineer', but('alternativeTitles', 'skills')],
    ['wild/scrum-master-blog.html', 'Scrum Master', but('alternativeTitles', 'links', 'skills')],
    ['wild/cloud-engineers-salary-skills.md', 'Cloud Engineer', but('alternativeTitles', 'links')],
    ['wild/tech-writers-plain.txt', 'Tech Writer', but('alternativeTitles', 'links', 'skills')],
    [
      'wild/bioinformatics-engineer.md',
      'Bioinformatics Engineer',
      but('alternativeTitles', 'links'),
    ],
    ['wild/full-stack-devs.md', 'Full Stack Developer', but('alternativeTitles', 'skills')],
  ])(
    'reads %s, saved or exported as people do, as %s with a summary',
    async (file, name, sections) => {
      const page = await readGuidePage(fixture(file));
      expect([page.content.name, filled(page.content), page.content.summary]).toEqual([
        name,
        sections,
        expect.stringMatching(/^.{80,}$/s),
      ]);
      expect(
        page.findings.filter(
          (f) =>
            f.severity === 'error' ||
            (f.rule === 'unknown-section' && !/questions/.test(f.message)),
        ),
      ).toEqual([]);
    },
  );

  it('reads Setext headings, underlined with = and -, as headings', () => {
    const page = parseGuidePage(
      'Testers\n=======\n\nOverview\n--------\n\nA tester checks software before customers do.\n\nWhy hire one\n------------\n\n- Calm: fewer surprises\n',
    );
    expect([page.content.name, page.content.summary, page.content.benefits]).toEqual([
      'Tester',
      'A tester checks software before customers do.',
      [{ title: 'Calm', text: 'fewer surprises' }],
    ]);
  });

  it('reads the backslash escapes of a document exported to Markdown as the characters', async () => {
    const page = await readGuidePage(fixture('wild/data-architects-gdocs.md'));
    expect([page.content.name, page.content.responsibilities[0]]).toEqual([
      'Data Architect',
      'Design data models and the standards teams follow.',
    ]);
  });

  it('leaves out front matter, and reads a block quote under the title as the summary', async () => {
    const page = await readGuidePage(fixture('wild/prompt-engineer.md'));
    expect(page.content.summary).toMatch(/^Short on time\? A prompt engineer gets reliable/);
  });

  it('reads "What does a … actually do?" over a list as the responsibilities', async () => {
    const page = await readGuidePage(fixture('wild/prompt-engineer.md'));
    expect(page.content.responsibilities).toHaveLength(3);
  });

  it.each([
    'What does the role involve?',
    'What will this job entail',
    'What does the position look like?',
  ])('reads "%s" over a list as the responsibilities', (question) => {
    const text = `# Network Engineer\n\nThey keep offices connected.\n\n## ${question}\n\n- Configure routers\n- Watch the links\n`;
    expect(parseGuidePage(text).content.responsibilities).toHaveLength(2);
  });

  it.each([
    'Why hire...?',
    'Why hire…',
    'Why our clients hire one',
    'Why companies hire a data engineer',
  ])('reads "%s" over a list as the reasons to hire', (question) => {
    const text = `# Data Engineer\n\nThey move data into the warehouse.\n\n## ${question}\n\n- Trusted numbers: dashboards agree.\n- Faster reports: the month closes sooner.\n`;
    expect(parseGuidePage(text).content.benefits.map((b) => b.title)).toEqual([
      'Trusted numbers',
      'Faster reports',
    ]);
  });

  it.each(['SRE skills and qualifications', 'Site reliability engineer skills & requirements'])(
    'reads "%s" over a list as the skills',
    (heading) => {
      const text = `# Site Reliability Engineer\n\nThey keep the service up.\n\n## ${heading}\n\n- Linux\n- Go\n`;
      expect(parseGuidePage(text).content.skills).toEqual([{ name: 'Linux' }, { name: 'Go' }]);
    },
  );

  it.each(['SRE skills', 'Data engineer skills', "A QA analyst's skills"])(
    'reads "%s", a role\'s skills without "and qualifications", over a list as the skills',
    (heading) => {
      const text = `# Site Reliability Engineer\n\nThey keep the service up.\n\n## ${heading}\n\n- Linux\n- Go\n`;
      expect(parseGuidePage(text).content.skills).toEqual([{ name: 'Linux' }, { name: 'Go' }]);
    },
  );

  it('keeps a heading of skills that names no role, such as "Interview skills", unknown', () => {
    const text = `# Site Reliability Engineer\n\n## Overview\n\nThey keep the service up.\n\n## Interview skills\n\n- Listening\n`;
    const page = parseGuidePage(text);
    expect(page.content.skills).toEqual([]);
    expect(page.findings.map((f) => f.rule)).toContain('unknown-section');
  });

  it("leaves a notes export's properties and call-out out of the summary a section gives", async () => {
    const page = await readGuidePage(fixture('wild/qa-engineer-notion-export.md'));
    expect(page.content.summary).toMatch(/^QA engineers make sure what we ship works/);
  });

  it('reads the questions hiring managers ask as the sections they answer', async () => {
    const page = await readGuidePage(fixture('wild/ux-researchers-questions.md'));
    expect([
      page.content.responsibilities.length,
      page.content.benefits.map((b) => b.title),
      page.content.signs.map((b) => b.title),
      page.content.skills.length,
      page.terms.map((t) => t.content.name),
    ]).toEqual([
      3,
      ['Less guesswork', 'Cheaper fixes'],
      ['Redesigns flop', 'Opinions win'],
      3,
      ['Usability test', 'Affinity mapping'],
    ]);
  });

  it("takes a page's one first-level heading as its title, even a question", async () => {
    const page = await readGuidePage(fixture('wild/scrum-master-blog.html'));
    expect([page.content.name, page.content.summary]).toEqual([
      'Scrum Master',
      expect.stringMatching(/^A scrum master helps a team work in short cycles/),
    ]);
  });

  it('reads a definition list as "term: definition" items', async () => {
    const page = await readGuidePage(fixture('wild/scrum-master-blog.html'));
    expect([
      page.content.benefits.map((b) => b.title),
      page.terms.map((t) => t.content.name),
    ]).toEqual([
      ['Predictable delivery', 'Happier teams'],
      ['Sprint', 'Retrospective'],
    ]);
  });

  it('leaves out heading anchors, a table of contents, an author box and related posts', async () => {
    const page = await readGuidePage(fixture('wild/scrum-master-blog.html'));
    expect(page.findings.map((f) => f.message).join('\n')).not.toMatch(
      /#|Contents|author|also like/,
    );
  });

  it('leaves out a consent banner known by its id, and a site header', async () => {
    const page = await readGuidePage(fixture('wild/product-managers-saved.html'));
    expect(page.content.summary).not.toMatch(/device|preferences|Find jobs|Posted/);
  });

  it("leaves a staffing page's lines of social proof out of its summary", () => {
    const text = [
      '# Hire a DevOps Engineer',
      'Pre-vetted DevOps engineers ready to join your team within 48 hours.',
      'Trusted by 300+ companies',
      '★★★★★ 4.9/5 from 1,200 reviews',
      'Rated 4.8 out of 5 by our clients',
      'Join 2,000+ teams hiring with us',
      '## Signs you need a DevOps engineer',
      '- Releases: they happen once a month and everybody dreads them',
    ].join('\n\n');
    expect(parseGuidePage(text).content.summary).toBe(
      'Pre-vetted DevOps engineers ready to join your team within 48 hours.',
    );
  });

  it('leaves a line of social proof out of a summary section too', () => {
    const text =
      '# DevOps Engineer\n\n## Overview\n\nThey automate releases.\n\nLoved by 40+ startups ⭐⭐⭐⭐⭐\n';
    expect(parseGuidePage(text).content.summary).toBe('They automate releases.');
  });

  it("leaves a blog's calls to action out of its summary", () => {
    const text = [
      '# What does a data engineer do?',
      'A data engineer builds the pipelines that bring a company its data.',
      'Upgrade your resume in minutes. Try free',
      'Start your free trial →',
      'Book a demo today!',
      'Sign up for our weekly hiring newsletter',
      'Download the free job description template (PDF)',
      '## Signs you need a data engineer',
      '- Reports: every team counts revenue differently',
    ].join('\n\n');
    expect(parseGuidePage(text).content.summary).toBe(
      'A data engineer builds the pipelines that bring a company its data.',
    );
  });

  it('keeps a sentence of the summary that starts with a verb a call to action would use', () => {
    const text =
      '# Data Engineer\n\n## Overview\n\nThey build pipelines.\n\nStart with one when your reports stop agreeing with each other.\n';
    expect(parseGuidePage(text).content.summary).toBe(
      'They build pipelines.\n\nStart with one when your reports stop agreeing with each other.',
    );
  });

  it('keeps a sentence of the summary that counts companies without boasting of them', () => {
    const text =
      '# DevOps Engineer\n\n## Overview\n\nThey automate releases.\n\nOver 300 companies in our survey hire one before their tenth engineer.\n';
    expect(parseGuidePage(text).content.summary).toBe(
      'They automate releases.\n\nOver 300 companies in our survey hire one before their tenth engineer.',
    );
  });

  it('keeps a name its makers write in lower case, as the page does where a capital would go', () => {
    const text =
      '# Analytics Engineer\n\nAnalytics engineers turn raw tables into tested models. Also called: BI engineer, dbt developer.\n\n## Signs you need one\n\n- dbt models pile up and nobody owns them\n- Every team has its own revenue number\n';
    expect(parseGuidePage(text).content.alternativeTitles).toEqual([
      'BI Engineer',
      'dbt Developer',
    ]);
  });

  it('title-cases the name of a page written all in lower case', () => {
    const text =
      'data engineer\n\nthey move data from where it is made to where it is used.\n\n## why hire one\n\n- speed: reports arrive on time\n';
    expect(parseGuidePage(text).content.name).toBe('Data Engineer');
  });

  it('reads "Q: …?" lines as the page\'s questions, none of them a term', async () => {
    const page = await readGuidePage(fixture('wild/tech-writers-plain.txt'));
    expect([page.terms.map((t) => t.content.name), rules(page.findings)]).toEqual([
      ['Docs-as-code', 'Style guide'],
      expect.arrayContaining(['unknown-section']),
    ]);
  });

  it.each([
    ['# Product Managers 101\n\n## Overview\n\nThey decide what to build.', 'Product Manager'],
    [
      '# Bioinformatics Engineer (role profile)\n\n## Overview\n\nThey build pipelines.',
      'Bioinformatics Engineer',
    ],
    [
      '# Hiring Full Stack Devs: A Handbook\n\n## Overview\n\nThey build it all.',
      'Full Stack Developer',
    ],
    [
      '# Cloud Engineers: Salary & Skills (2026)\n\n## Overview\n\nThey run the cloud.',
      'Cloud Engineer',
    ],
    [
      '# Talent Hub : Platform Engineer - hiring guide\n\n## Overview\n\nA platform engineer builds the paved road.',
      'Platform Engineer',
    ],
    [
      '# Hiring Your First Data Engineer: A Field Guide\n\n## Overview\n\nThey build pipelines.',
      'Data Engineer',
    ],
  ])('names the role of the title %j as %s', (text, name) => {
    expect(parseGuidePage(text).content.name).toBe(name);
  });

  it('takes the title below a breadcrumb, and the role from a question in it', async () => {
    const page = await readGuidePage(fixture('wild/devops-engineer-faq.md'));
    expect(page.content.name).toBe('DevOps Engineer');
  });

  it('reads the rows of a Markdown table as items, leaving its header out', () => {
    const page = parseGuidePage(
      '# Tester\n\n## Key terms\n\n| Term | Meaning |\n|---|---|\n| Smoke test: | A quick check |\n| Regression | Something that broke again |\n',
    );
    expect(page.terms.map((t) => t.content.name)).toEqual(['Smoke test', 'Regression']);
  });

  it('reads a list item naming a section, with its content indented under it, as that section', async () => {
    const page = await readGuidePage(fixture('wild/analytics-engineer-notion-toggles.md'));
    expect(sectionsRead(page)).toMatchObject({
      alternativeTitles: ['Analytics Developer', 'BI Engineer', 'Data Modeler'],
      responsibilities: 3,
      benefits: ['Trusted numbers', 'Faster analysis'],
    });
  });

  it('reads a page laid out as a two-column table, a heading in the first cell and its section in the second', async () => {
    const page = await readGuidePage(fixture('wild/database-administrator-table.md'));
    expect(sectionsRead(page)).toEqual({
      name: 'Database Administrator',
      alternativeTitles: ['DBA', 'Database Engineer'],
      responsibilities: 3,
      benefits: ['Safe data', 'Fast queries'],
      signs: 2,
      terms: ['replication', 'index'],
      links: 1,
    });
  });

  it('reads an HTML table of heading cells, lists inside its cells, as the sections they head', () => {
    const page = parseGuidePage(
      '<h1>Tester</h1><table><tr><th>Overview</th><td><p>They find faults before users do.</p></td></tr><tr><th>Why hire one</th><td><ul><li>Speed: releases go out sooner.</li><li>Trust: users meet fewer faults.</li></ul></td></tr></table>',
    );
    expect([page.content.summary, page.content.benefits.map((b) => b.title)]).toEqual([
      'They find faults before users do.',
      ['Speed', 'Trust'],
    ]);
  });

  it('takes the role from a first line that labels it, "Role: …", over the document title', async () => {
    const page = await readGuidePage(fixture('wild/database-administrator-role-card.html'));
    expect([page.content.name, page.content.summary]).toEqual([
      'Database Administrator',
      expect.stringMatching(/^A database administrator keeps/),
    ]);
  });

  it('reads "Q: …?" headings by their question, and their "A:" answers without the mark', async () => {
    const page = await readGuidePage(fixture('wild/cloud-architect-q-and-a.md'));
    expect([page.content.summary, sectionsRead(page)]).toEqual([
      expect.stringMatching(/^A cloud architect decides/),
      expect.objectContaining({
        responsibilities: 3,
        benefits: ['Lower bills', 'Fewer security gaps'],
        signs: 2,
        terms: ['landing-zone', 'well-architected-review'],
        links: 1,
      }),
    ]);
  });

  it('keeps the address a Google Docs link redirects to, not the redirect', () => {
    const page = parseGuidePage(
      '<h1>Tester</h1><h2>Why hire one?</h2><ul><li>Speed: releases go out sooner.</li></ul><h2>Links</h2><p><a href="https://www.google.com/url?q=https://www.istqb.org/&amp;sa=D&amp;source=editors">ISTQB</a></p>',
    );
    expect(page.content.links).toEqual([{ title: 'ISTQB', url: 'https://www.istqb.org/' }]);
  });

  it.each([
    [
      'Medium, by address',
      '<a href="https://medium.com/tag/platform-engineering?source=post_page-----3c1e-----" rel="noopener follow"><div class="bf b">Platform Engineering</div></a>',
    ],
    [
      'Medium, saved without its origin',
      '<a href="/tag/devops?source=post_page-----3c1e-----"><div>DevOps</div></a>',
    ],
    ['a Medium publication', '<a href="https://eng.example.com/tagged/hiring">Hiring</a>'],
    ['WordPress', '<a href="https://blog.example.com/?tag=hiring" rel="tag">Hiring</a>'],
  ])("leaves a post's tag links out of its links (%s)", (_blog, tag) => {
    const page = parseGuidePage(
      `<h1>Platform Engineer</h1><p>A platform engineer builds the road other developers ship on.</p><h2>Further reading</h2><p><a href="https://platformengineering.org/blog">Platform Engineering – blog</a></p><div class="ov ow"><div class="ab">${tag}</div></div>`,
    );
    expect([page.content.links, rules(page.findings)]).toEqual([
      [{ title: 'Platform Engineering – blog', url: 'https://platformengineering.org/blog' }],
      expect.not.arrayContaining(['malformed-link']),
    ]);
  });

  it('reads elements with role="heading" as headings at their aria-level', () => {
    const page = parseGuidePage(
      '<p>Careers at Northwind</p><div role="heading" aria-level="1">Site Reliability Engineer</div><p>They keep the service up and fast.</p><div role="heading" aria-level="2">Why hire one?</div><ul><li>Calm nights: pages go off less often.</li></ul>',
    );
    expect([page.content.name, page.content.benefits.map((b) => b.title)]).toEqual([
      'Site Reliability Engineer',
      ['Calm nights'],
    ]);
  });

  it('reads divs whose class styles them as headings, and a sub-heading as text', () => {
    const page = parseGuidePage(
      '<div class="eyebrow">Open role</div><div class="heading-xl hero">QA Engineer</div><div class="hero-subheading">A QA engineer makes sure each release works.</div><div class="section-heading">Why hire one?</div><ul><li>Fewer regressions: old bugs stay fixed.</li></ul><div class="heading-style-h2">Signs you need one</div><ul><li>Hotfixes: most releases need one.</li></ul>',
    );
    expect([
      page.content.name,
      page.content.summary,
      page.content.benefits.map((b) => b.title),
      page.content.signs.map((b) => b.title),
    ]).toEqual([
      'QA Engineer',
      expect.stringContaining('A QA engineer makes sure each release works.'),
      ['Fewer regressions'],
      ['Hotfixes'],
    ]);
  });

  it("names a Webflow page's role by its styled heading, not by the line above it", async () => {
    const page = await readGuidePage(fixture('wild/qa-engineer-webflow-tabs.html'));
    expect(page.content.name).toBe('QA Engineer');
  });

  it("leaves out a site's menus, a tab menu's labels among them", async () => {
    const page = await readGuidePage(fixture('wild/qa-engineer-webflow-tabs.html'));
    expect([page.content.responsibilities, rules(page.findings)]).toEqual([
      [
        'Write and maintain end-to-end tests in Playwright',
        'Plan exploratory testing for every release',
        'Report bugs with clear steps to reproduce',
      ],
      expect.not.arrayContaining(['empty-section']),
    ]);
  });

  it('reads headings that start with an icon', async () => {
    const page = await readGuidePage(fixture('wild/data-engineer-notes-export.md'));
    expect(page.content.alternativeTitles).toContain('ETL Developer');
    expect(page.content.summary).toMatch(/^Data engineers build the plumbing/);
  });

  it('reads unbulleted lines under a heading in capitals as the items of its section', async () => {
    const page = await readGuidePage(fixture('wild/data-analyst-cheat-sheet.txt'));
    expect(page.terms.map((t) => t.content.name)).toEqual(['SQL', 'Power BI', 'Pivot table']);
    expect(page.content.summary).toMatch(/^Turns raw numbers into answers/);
  });

  it('leaves out the cookie banner, navigation and footer of a saved page, and reads its table', async () => {
    const page = await readGuidePage(fixture('wild/sre-saved-page.html'));
    expect(page.content.summary).not.toMatch(/cookie|Home|Jamie/i);
    expect(page.terms.map((t) => t.content.name)).toEqual(['SLO', 'Postmortem']);
  });

  it('reads "So, why hire …" as the reasons to hire, numbered items included', async () => {
    const page = await readGuidePage(fixture('devops-engineer.md'));
    expect(page.content.benefits.map((b) => b.title)).toEqual([
      'Shorter releases',
      'Fewer outages',
    ]);
  });

  it('reads a line listing skills between commas as each skill it names', () => {
    const text =
      '# Data Engineer\n\nThey move data.\n\n## Skills to look for\n\nSQL, Python, Apache Airflow, dbt or BigQuery.\n';
    expect(parseGuidePage(text).content.skills.map((s) => s.name)).toEqual([
      'SQL',
      'Python',
      'Apache Airflow',
      'dbt',
      'BigQuery',
    ]);
  });

  it('reads a skills section, of bare bullets and titled ones', async () => {
    const page = await readGuidePage(fixture('devops-engineer.md'));
    expect(page.content.skills).toEqual([
      { name: 'Linux' },
      { name: 'CI/CD' },
      { name: 'Scripting' },
    ]);
  });

  it('leaves out an FAQ with its questions, saying so once', async () => {
    const page = await readGuidePage(fixture('devops-engineer.md'));
    expect(page.findings.filter((f) => f.rule === 'unknown-section')).toEqual([
      expect.objectContaining({ line: 32, message: containing('"FAQ"') }),
    ]);
  });

  it('drops what is not content from an HTML page and decodes its entities', async () => {
    const page = await readGuidePage(fixture('data-scientist.html'));
    expect(page.content.summary).toBe(
      'A data scientist, also known as a machine learning analyst, builds models that predict what customers & markets will do next.',
    );
  });

  it("leaves a landing page's call-to-action buttons out of its summary", () => {
    const html =
      '<section class="hero"><h1>Hire a DevOps Engineer</h1><p>Vetted DevOps engineers who join within two days.</p>' +
      '<a class="btn btn-primary" href="/call">Get started</a></section>' +
      '<section><h2>Why hire one?</h2><ul><li>Speed: releases go out daily.</li></ul></section>';
    expect(parseGuidePage(html).content.summary).toBe(
      'Vetted DevOps engineers who join within two days.',
    );
  });

  it("leaves a notes app's page icon and properties table out of an HTML export's summary", () => {
    const html =
      '<article class="page sans"><header><div class="page-header-icon undefined"><span class="icon">📱</span></div>' +
      '<h1 class="page-title">Mobile Developer</h1><table class="properties"><tbody><tr class="property-row property-row-select">' +
      '<th>Status</th><td>Approved</td></tr></tbody></table></header><div class="page-body"><p>Mobile developers build phone apps.</p>' +
      '<h2>Why hire one?</h2><ul><li>Reach: customers live on their phones.</li></ul></div></article>';
    expect(parseGuidePage(html).content.summary).toBe('Mobile developers build phone apps.');
  });

  it("reads the toggles of a notes app's HTML export as terms, the summary naming each", () => {
    const html =
      '<h1>Mobile Developer</h1><p>A mobile developer builds phone apps.</p><h2>Jargon buster</h2>' +
      '<ul class="toggle"><li><details open=""><summary><strong>SDK</strong></summary><p>The kit a platform gives developers.</p></details></li></ul>' +
      '<ul class="toggle"><li><details open=""><summary>Push notification</summary><p>A message shown while the app is closed.</p></details></li></ul>';
    expect(parseGuidePage(html).terms.map((t) => [t.content.name, t.content.definition])).toEqual([
      ['SDK', 'The kit a platform gives developers.'],
      ['Push notification', 'A message shown while the app is closed.'],
    ]);
  });

  it('gives findings on an HTML page the lines of the HTML', () => {
    const page = parseGuidePage(
      '<h2>What does a tester do?</h2>\n<p>A tester checks.</p>\n\n<h2>Why hire a tester?</h2>\n<ul></ul>',
    );
    expect(page.findings).toContainEqual(
      expect.objectContaining({ rule: 'empty-section', line: 4 }),
    );
  });

  it('reads a link of an HTML page with its text as the title', async () => {
    const page = await readGuidePage(fixture('data-scientist.html'));
    expect(page.content.links).toEqual([
      {
        title: 'scikit-learn user guide',
        url: 'https://scikit-learn.org/stable/user_guide.html',
      },
    ]);
  });
});
