import { describe, expect, it } from 'vitest';
import { TitleIndex, titleSourceOf } from '../matching/index.js';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { miniRoles, miniTerms, miniTitles } from '../../test/fixtures/analysis/mini-library.js';
import { analyzeJobDescription, type JobDescriptionDeps } from './jd-analysis.js';
import { TermSpotter } from './term-spotter.js';

const deps: JobDescriptionDeps = {
  spotter: TermSpotter.build(miniTerms),
  terms: new Map(miniTerms.map((t) => [t.slug, t])),
  roles: miniRoles,
  titles: miniTitles,
};

const backendPosting = `Senior Backend Engineer

What you'll do
- Build APIs in Go and Python
- Design our PostgreSQL database and write the queries
- Connect the product to payment providers

What you bring
- 5+ years of experience with a DBMS
Salary: €70,000 – €85,000. Hybrid, Berlin.`;

describe('analyzeJobDescription', () => {
  it('ranks the role the title names first, with the title as evidence', () => {
    const { roles, title } = analyzeJobDescription({ text: backendPosting }, deps);
    expect(roles[0]).toMatchObject({ code: 'backend-developer' });
    expect(roles[0]!.fromTitle).toBe(title?.matches[0]?.score);
    expect(roles[0]!.fromTitle).toBeGreaterThan(0.8);
    expect(roles[0]!.evidence.map((e) => e.source)).toContain('title');
  });

  it('suggests no role for a posting for work outside technology, and says why', () => {
    const posting = `Night Shift Care Assistant\n\nJoin our care home team on nights. You will support residents with personal care, help the nurses on the ward and keep care records up to date. A driving licence is useful.`;
    const { roles, warnings } = analyzeJobDescription({ text: posting }, deps);
    expect(roles).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('not-technology');
  });

  it('suggests no role for a sales posting full of software words, from its title', () => {
    const posting = `Account Executive, Mid-Market\n\nRun discovery calls and product demos of our scheduling software, work your pipeline in the CRM and build the business case for Go and Python shops moving their APIs and PostgreSQL database to us.`;
    const { roles, warnings, title } = analyzeJobDescription({ text: posting }, deps);
    expect(roles).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('not-technology');
    expect(title?.seniority).toBeUndefined();
  });

  it('suggests no role for an analyst of another field, whatever role the index reads in it', () => {
    const titles = TitleIndex.build(
      miniRoles.map((role) =>
        titleSourceOf(
          role.code === 'data-analyst'
            ? {
                ...role,
                alternativeTitles: [...role.alternativeTitles, 'Program Analyst'],
              }
            : role,
        ),
      ),
    );
    const posting = `Management and Program Analyst\n\nStudy how district offices run: collect data on staffing and overtime, build SQL reports and dashboards, and brief leadership on the findings.`;
    const { roles, warnings, title } = analyzeJobDescription(
      { text: posting },
      { ...deps, titles },
    );
    expect(title?.matches[0]?.code).toBe('data-analyst');
    expect(roles).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('not-technology');
  });

  it('still ranks roles for a technology posting whose title names none of them', () => {
    const posting = `Engineer II\n\nBuild APIs in Go and Python, design the PostgreSQL database and write the queries that connect the product to payment providers.`;
    const { roles, warnings } = analyzeJobDescription({ text: posting }, deps);
    expect(roles[0]).toMatchObject({ code: 'backend-developer' });
    expect(warnings.map((w) => w.code)).not.toContain('not-technology');
  });

  it('still ranks roles for a technology posting that speaks of other work in passing', () => {
    const posting = `Automation Lead\n\nOur finance office runs payroll, pensions and annual leave by hand. Build the APIs in Go and Python, the PostgreSQL database behind them, a React and CSS front, Kubernetes and Terraform with CI/CD, and SQL reports.`;
    const { roles, warnings } = analyzeJobDescription({ text: posting }, deps);
    expect(roles.length).toBeGreaterThan(0);
    expect(warnings.map((w) => w.code)).not.toContain('not-technology');
  });

  it('reads the title with the title index, as /v1/normalize does', () => {
    const { title } = analyzeJobDescription({ text: backendPosting }, deps);
    const normalized = miniTitles.match('Senior Backend Engineer', {
      taxonomy: 'rolebook',
      top: 5,
    });
    expect(title).toMatchObject({
      text: 'Senior Backend Engineer',
      seniority: 'senior',
      matches: normalized.matches,
    });
    expect(title?.matches[0]).toMatchObject({
      code: 'backend-developer',
      matchedTitle: 'Backend Engineer',
    });
  });

  it('reads the role of a title line whose role phrase carries a word of its own before a dashed town', () => {
    const line = 'Senior Backend Engineer IT – Nantes';
    const text = backendPosting.replace('Senior Backend Engineer', line);
    const { title, roles } = analyzeJobDescription({ text }, deps);
    expect(title).toMatchObject({ text: line });
    expect(title?.matches[0]).toMatchObject({ code: 'backend-developer' });
    expect(roles[0]).toMatchObject({ code: 'backend-developer' });
  });

  it('reads the role from the body when there is no title, with the terms as evidence', () => {
    const text =
      'You will build CI/CD pipelines, describe servers with Terraform and run Kubernetes.';
    const { roles, title, warnings } = analyzeJobDescription({ text }, deps);
    expect(title).toBeNull();
    expect(roles[0]).toMatchObject({ code: 'devops-engineer', fromTitle: 0, fromBody: 1 });
    expect(roles[0]!.evidence.find((e) => e.source === 'terms')?.detail).toMatch(/Terraform/);
    expect(warnings.map((w) => w.code)).toContain('no-title');
  });

  it('reads the job a short posting asks for in its first sentence as its title', () => {
    const { title, roles, warnings } = analyzeJobDescription(
      { text: 'Looking for a backend engineer to build our APIs in Go.' },
      deps,
    );
    expect(title?.text).toBe('backend engineer');
    expect(roles[0]).toMatchObject({ code: 'backend-developer' });
    expect(warnings.map((w) => w.code)).not.toContain('not-technology');
  });

  it('lets the title decide when the body is too short to read as any role', () => {
    const { roles, warnings } = analyzeJobDescription(
      { text: 'Backend Engineer\n\nYou will release often.' },
      deps,
    );
    expect(roles[0]).toMatchObject({ code: 'backend-developer' });
    expect(warnings.map((w) => w.code)).not.toContain('title-body-mismatch');
  });

  it('reads the title with the index it is given, which may know titles the guides do not', () => {
    const titles = TitleIndex.build(
      miniRoles.map((role) =>
        titleSourceOf(
          role.code === 'data-analyst'
            ? { ...role, alternativeTitles: [...role.alternativeTitles, 'Insights Ninja'] }
            : role,
        ),
      ),
    );
    const text = 'Job title: Insights Ninja\nWrite SQL and build Tableau dashboards.';
    expect(analyzeJobDescription({ text }, deps).title?.matches).toEqual([]);
    const { title, roles } = analyzeJobDescription({ text }, { ...deps, titles });
    expect(title?.matches[0]?.code).toBe('data-analyst');
    expect(roles[0]?.code).toBe('data-analyst');
  });

  it('takes the work mode and place the title states, and no work mode from its role words', () => {
    const { title, workModes, parts } = analyzeJobDescription(
      { text: 'Data Analyst - Remote, Berlin\nYou will write SQL. You will build dashboards.' },
      deps,
    );
    expect(title).toMatchObject({ workMode: 'remote', location: 'Berlin' });
    expect(workModes).toEqual(['remote']);
    expect(parts.location).toEqual({ present: true, evidence: 'Berlin' });
    const sensing = analyzeJobDescription(
      { text: 'Remote Sensing Analyst\nYou will build dashboards. Office-based in Leeds.' },
      deps,
    );
    expect(sensing.title?.workMode).toBeUndefined();
    expect(sensing.workModes).toEqual(['onsite']);
  });

  it('lists every term with its definition, category and offsets in the original text', () => {
    const { terms } = analyzeJobDescription({ text: backendPosting }, deps);
    const api = terms.find((t) => t.slug === 'api')!;
    expect(api).toMatchObject({
      name: 'API',
      category: 'concept',
      definition: 'How programs talk to each other.',
    });
    for (const m of api.mentions) expect(backendPosting.slice(m.start, m.end)).toBe(m.text);
    expect(terms.map((t) => t.slug)).toEqual(['api', 'go', 'python', 'postgresql', 'dbms']);
  });

  it('gives offsets into the HTML source for HTML input, ignoring scripts and styles', () => {
    const html =
      '<h1>Backend Engineer</h1><style>.x{}</style><p>We use <b>Go</b> &amp; Python.</p><script>var k8s = "Kubernetes";</script>';
    const { terms } = analyzeJobDescription({ text: html, format: 'html' }, deps);
    expect(terms.map((t) => t.slug)).toEqual(['go', 'python']);
    const go = terms[0]!.mentions[0]!;
    expect(html.slice(go.start, go.end)).toBe('Go');
    expect(go.text).toBe('Go');
  });

  it('spots a term a line break split, with offsets over the broken characters', () => {
    const text = 'Platform Engineer\n\nRun our services on Kuber-\n  netes and Terraform.';
    const { terms } = analyzeJobDescription({ text }, deps);
    const mention = terms.find((t) => t.slug === 'kubernetes')!.mentions[0]!;
    expect(mention.text).toBe('Kubernetes');
    expect(text.slice(mention.start, mention.end)).toBe('Kuber-\n  netes');
  });

  it('quotes a mention across HTML tags as visible text, never as markup', () => {
    const html = '<p>Build <em>Go</em>lang services and <b>PostgreSQL</b>.</p>';
    const { terms } = analyzeJobDescription({ text: html, format: 'html' }, deps);
    const mention = terms.find((t) => t.slug === 'go')!.mentions[0]!;
    expect(mention.text).toBe('Golang');
    expect(html.slice(mention.start, mention.end)).toBe('Go</em>lang');
  });

  it('groups technologies by category', () => {
    const { technologies } = analyzeJobDescription({ text: backendPosting }, deps);
    expect(technologies).toEqual([
      {
        category: 'language',
        terms: [
          { slug: 'go', name: 'Go' },
          { slug: 'python', name: 'Python' },
        ],
      },
      { category: 'database', terms: [{ slug: 'postgresql', name: 'PostgreSQL' }] },
    ]);
  });

  it('reports the parts of a good posting that are missing', () => {
    const { missing, parts } = analyzeJobDescription(
      { text: 'Data Analyst\nYou will write SQL. You will build dashboards.' },
      deps,
    );
    expect(missing).toEqual(['requirements', 'salary', 'location']);
    expect(parts.responsibilities.present).toBe(true);
  });

  it('reads the seniority from the title', () => {
    const { seniority } = analyzeJobDescription({ text: backendPosting }, deps);
    expect(seniority).toMatchObject({ level: 'senior', source: 'title', years: { min: 5 } });
  });

  it('reads a lead written as one word in the title as the seniority', () => {
    const { seniority } = analyzeJobDescription(
      { text: 'Teamlead Backend (m/w/d)\nBuild APIs in Go. You have 6+ years of experience.' },
      deps,
    );
    expect(seniority).toMatchObject({ level: 'lead', source: 'title' });
  });

  it('reports a numbered level as the level, not as a seniority', () => {
    const { title, seniority } = analyzeJobDescription(
      { text: 'Backend Engineer III\nBuild APIs. You have 3 years of experience.' },
      deps,
    );
    expect(title).toMatchObject({ level: 'III' });
    expect(title?.seniority).toBeUndefined();
    expect(seniority).toMatchObject({ level: 'mid', source: 'experience' });
  });

  it('warns when the title names one role and the body reads as another', () => {
    const text = `Backend Engineer
You will write SQL for business questions and build dashboards in Tableau for managers.
Reports and spreadsheets are your daily work.`;
    const { warnings } = analyzeJobDescription({ text }, deps);
    expect(warnings).toContainEqual({
      code: 'title-body-mismatch',
      message: 'The title says Backend Developer, but the body reads more like Data Analyst.',
    });
  });

  it('keeps the title\u2019s role first over a body of a sentence that names tools only', () => {
    const { roles, warnings } = analyzeJobDescription(
      { text: 'Backend Engineer\nWe use Tableau and SQL.' },
      deps,
    );
    expect(roles[0]?.code).toBe('backend-developer');
    expect(warnings.map((w) => w.code)).not.toContain('title-body-mismatch');
  });

  it('ranks the body\u2019s role first when the body hardly bears the title out', () => {
    const text = `Backend Engineer
You will write SQL for business questions and build dashboards in Tableau for managers.
Reports and spreadsheets are your daily work.`;
    const { roles } = analyzeJobDescription({ text }, deps);
    expect(roles[0]?.code).toBe('data-analyst');
    expect(roles.map((r) => r.code)).toContain('backend-developer');
  });

  it('ranks the body\u2019s role first, and warns, when the body reads the title\u2019s role well but clearly less', () => {
    const text = `Backend Engineer
You will build APIs in Go against PostgreSQL, write SQL for business questions and build dashboards in Tableau for managers.`;
    const { roles, warnings } = analyzeJobDescription({ text }, deps);
    const backend = roles.find((r) => r.code === 'backend-developer');
    expect(backend?.fromBody).toBeGreaterThan(0.5);
    expect(roles[0]?.code).toBe('data-analyst');
    expect(warnings.map((w) => w.code)).toContain('title-body-mismatch');
  });

  it('reads nothing of the role from what the posting says the job is not', () => {
    const text = `Analyst
Write SQL and build dashboards in Tableau for managers.
Not a security role - SIEM and phishing alerts stay with another team.`;
    const { roles } = analyzeJobDescription({ text }, deps);
    expect(roles.find((r) => r.code === 'security-engineer')?.fromBody ?? 0).toBeLessThan(0.2);
  });

  it('lists no term only named in what the posting says the job is not', () => {
    const text = `Analyst
Write SQL and build dashboards in Tableau for managers.
Not a security role - SIEM and phishing alerts stay with another team.`;
    const { terms } = analyzeJobDescription({ text }, deps);
    expect(terms.map((t) => t.slug)).not.toContain('siem');
    expect(terms.map((t) => t.slug)).toContain('sql');
  });

  it("lists no term only named in what the company's engineers build with", () => {
    const text = `Data Analyst
Our engineering team builds in Go and runs on Kubernetes.
You will write SQL and build dashboards in Tableau for managers.`;
    const { terms } = analyzeJobDescription({ text }, deps);
    expect(terms.map((t) => t.slug).sort()).toEqual(['dashboard', 'sql', 'tableau']);
  });

  it('lists a form that needs context when the likeliest role lists its term', () => {
    const withRegister = [
      ...miniTerms,
      makeTerm('risk-register', 'Risk Register', { needsContext: ['Risk Register'] }),
    ];
    const roles = miniRoles.map((r) =>
      r.code === 'data-analyst' ? { ...r, terms: [...r.terms, 'risk-register'] } : r,
    );
    const text = `Data Analyst
Write SQL and build dashboards in Tableau for managers.
Keep the risk register up to date.`;
    const read = (deps: JobDescriptionDeps) =>
      analyzeJobDescription({ text }, deps).terms.map((t) => t.slug);
    const spotter = TermSpotter.build(withRegister);
    const terms = new Map(withRegister.map((t) => [t.slug, t]));
    expect(read({ ...deps, spotter, terms, roles })).toContain('risk-register');
    expect(read({ ...deps, spotter, terms })).not.toContain('risk-register');
  });

  describe('with a field and a technology that can name a job', () => {
    const named = [
      ...miniTerms,
      makeTerm('devops', 'DevOps', { category: 'practice' }),
      makeTerm('java', 'Java', { category: 'language' }),
      makeTerm('chef', 'Chef', { category: 'tool' }),
      makeTerm('grc', 'Governance, Risk and Compliance', {
        abbreviations: ['GRC'],
        category: 'practice',
      }),
    ];
    const withNames: JobDescriptionDeps = {
      ...deps,
      spotter: TermSpotter.build(named),
      terms: new Map(named.map((t) => [t.slug, t])),
    };
    const slugsOf = (text: string) =>
      analyzeJobDescription({ text }, withNames).terms.map((t) => t.slug);

    it('lists no field the title only names the job by', () => {
      expect(slugsOf('DevOps Engineer\nRun Kubernetes and Terraform for our teams.')).toEqual([
        'kubernetes',
        'terraform',
      ]);
    });

    it('lists a field the title names the job by when the body names it too', () => {
      expect(
        slugsOf('DevOps Engineer\nBring DevOps habits to Kubernetes and Terraform.'),
      ).toContain('devops');
    });

    it("lists no field the body only names the title's job by again", () => {
      expect(
        slugsOf('DevOps Engineer\nWe need an experienced DevOps Engineer to run Kubernetes.'),
      ).toEqual(['kubernetes']);
    });

    it('lists a field the body names another job by', () => {
      expect(slugsOf('DevOps Engineer\nPair with our DevOps team on Kubernetes.')).toContain(
        'devops',
      );
    });

    it('lists a field the title names the job by in an abbreviation, as jargon to explain', () => {
      expect(slugsOf('GRC Analyst\nKeep the risk register for Kubernetes.')).toContain('grc');
    });

    it('lists a technology the title names the job by, as a skill the job asks for', () => {
      expect(slugsOf('Java Developer\nBuild services on Kubernetes.')).toContain('java');
    });

    it("lists no technology that is itself the title's job in another field", () => {
      expect(slugsOf('Sushi Chef – Leeds\nPrepare nigiri at the counter.')).not.toContain('chef');
    });

    it('lists a technology the title names before a job of ours', () => {
      expect(slugsOf('Chef Engineer\nWrite cookbooks for our servers.')).toContain('chef');
    });
  });

  it('warns when the title level and the years asked for disagree', () => {
    const text = 'Junior Backend Engineer\nBuild APIs in Go. You have 8+ years of experience.';
    const { warnings } = analyzeJobDescription({ text }, deps);
    expect(warnings.map((w) => w.code)).toContain('seniority-mismatch');
  });

  it('warns when no glossary term is found', () => {
    const { warnings, terms } = analyzeJobDescription(
      { text: 'Barista\nMake great coffee.' },
      deps,
    );
    expect(terms).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('no-terms');
  });
});
