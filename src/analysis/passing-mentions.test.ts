import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutPassingMentions } from './passing-mentions.js';

const FIELDS = new Set([
  'machine-learning',
  'cybersecurity',
  'phishing',
  'gdpr',
  'data-engineering',
]);

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutPassingMentions(text, hitsIn(text, mentions), (h) => FIELDS.has(h.slug)).map(
    (h) => h.slug,
  );

describe('withoutPassingMentions', () => {
  it('drops a field named only as a degree subject', () => {
    expect(
      kept(
        'You will write Python. MSc or PhD in Machine Learning, Statistics or a related field.',
        [
          ['Python', 'python'],
          ['Machine Learning', 'machine-learning'],
        ],
      ),
    ).toEqual(['python']);
  });

  it('drops a field named as a degree subject without "in"', () => {
    expect(
      kept('BSc (Hons) Cyber Security, four years', [['Cyber Security', 'cybersecurity']]),
    ).toEqual([]);
  });

  it('keeps a field the posting also asks for outside the degree', () => {
    expect(
      kept('Build machine learning models. A degree in machine learning helps.', [
        ['machine learning', 'machine-learning'],
        ['machine learning', 'machine-learning'],
      ]),
    ).toEqual(['machine-learning', 'machine-learning']);
  });

  it('keeps a field after "master" used as a verb', () => {
    expect(
      kept('You master cyber security in a week.', [['cyber security', 'cybersecurity']]),
    ).toEqual(['cybersecurity']);
  });

  it('keeps a field after "a degree of"', () => {
    expect(
      kept('A high degree of machine learning know-how.', [
        ['machine learning', 'machine-learning'],
      ]),
    ).toEqual(['machine-learning']);
  });

  it('drops "Objective C" among lettered objectives', () => {
    expect(
      kept('Objective A: faster reports\nObjective B: one truth\nObjective C: fewer requests', [
        ['Objective C', 'objective-c'],
      ]),
    ).toEqual([]);
  });

  it('keeps "Objective C" where no objective is lettered', () => {
    expect(
      kept('Swift and Objective C for the iOS app.', [['Objective C', 'objective-c']]),
    ).toEqual(['objective-c']);
  });

  it('drops a term that names what a control withstands', () => {
    expect(
      kept('Roll out phishing-resistant MFA to all staff.', [
        ['phishing', 'phishing'],
        ['MFA', 'mfa'],
      ]),
    ).toEqual(['mfa']);
  });

  it('drops a field named only in the applicant privacy notice', () => {
    expect(
      kept('By applying you consent to us holding your data under GDPR for 24 months.', [
        ['GDPR', 'gdpr'],
      ]),
    ).toEqual([]);
  });

  it('drops a field named only where the agency says how applications are handled', () => {
    expect(kept('Applications handled under GDPR.', [['GDPR', 'gdpr']])).toEqual([]);
  });

  it('keeps a field the duties name', () => {
    expect(kept('Keep our customer records compliant with GDPR.', [['GDPR', 'gdpr']])).toEqual([
      'gdpr',
    ]);
  });

  const ticket =
    'HR-2291  Backfill: Site Reliability Engineer\nType: Hiring Request    Status: Approved    Priority: High\nSprint: none    Story points: 2\n\nScope\n* Own SLOs and the on-call rota\n';

  it("drops a term named only in a ticket's fields around a hiring request", () => {
    expect(
      kept(ticket, [
        ['Sprint', 'sprint'],
        ['Story points', 'story-points'],
        ['SLOs', 'slo'],
      ]),
    ).toEqual(['slo']);
  });

  it("drops a term named only in the ticket's own checklist and comments", () => {
    expect(
      kept(
        `${ticket}\nAcceptance criteria (for this ticket)\n- [ ] Panel booked, see the Confluence page\n\nComments (1): "use the interview loop template"\n`,
        [
          ['SLOs', 'slo'],
          ['Acceptance criteria', 'acceptance-criteria'],
          ['Confluence', 'confluence'],
          ['interview loop', 'interview-loop'],
        ],
      ),
    ).toEqual(['slo']);
  });

  it('keeps a field line that is not part of a ticket', () => {
    expect(
      kept('Senior Scrum Master\nSprint: two weeks, planning on Mondays\n', [['Sprint', 'sprint']]),
    ).toEqual(['sprint']);
  });

  it('drops a term named only as a hashtag', () => {
    expect(
      kept('Write Solidity contracts with us!\n\n#hiring #web3 #solidity', [
        ['Solidity', 'solidity'],
        ['web3', 'web3'],
        ['solidity', 'solidity'],
      ]),
    ).toEqual(['solidity', 'solidity']);
  });

  it('keeps a term after a number sign that is not a tag', () => {
    expect(kept('Ticket # Python scripts to fix', [['Python', 'python']])).toEqual(['python']);
  });

  it('drops a tool named only as the medium of the interviews', () => {
    expect(
      kept('Run UAT with ward staff. Please note the Board uses Microsoft Teams for interviews.', [
        ['UAT', 'uat'],
        ['Microsoft Teams', 'microsoft-teams'],
      ]),
    ).toEqual(['uat']);
  });

  it('keeps a tool the hire runs their own interviews with', () => {
    expect(
      kept('You will run user interviews in Dovetail and Zoom.', [['Dovetail', 'dovetail']]),
    ).toEqual(['dovetail']);
  });

  it('drops a term that names a level of the diagram model its sentence names', () => {
    expect(
      kept('Draw the C4 model: context, container and component diagrams. Run Docker.', [
        ['C4 model', 'c4-model'],
        ['container', 'container'],
        ['Docker', 'docker'],
      ]),
    ).toEqual(['c4-model', 'docker']);
    expect(
      kept('Produce the design using the C4 model, to container level.', [
        ['C4 model', 'c4-model'],
        ['container', 'container'],
      ]),
    ).toEqual(['c4-model']);
  });

  it('keeps a term beside a diagram model when it is not one of its levels', () => {
    expect(
      kept('Use C4 diagrams to plan how the containers run on Kubernetes.', [
        ['C4 diagrams', 'c4-model'],
        ['containers', 'container'],
      ]),
    ).toEqual(['c4-model', 'container']);
  });
  it('drops a read replica named as the database the hire queries', () => {
    expect(
      kept('Run SQL queries against the read replica to check a customer record.', [
        ['SQL', 'sql'],
        ['read replica', 'replication'],
      ]),
    ).toEqual(['sql']);
  });

  it('keeps a read replica the hire sets up', () => {
    expect(
      kept('Set up and monitor read replicas for the main cluster.', [
        ['read replicas', 'replication'],
      ]),
    ).toEqual(['replication']);
  });

  it('drops streaming that names the kind of replication', () => {
    expect(
      kept('High availability (Data Guard, replication streaming PostgreSQL)', [
        ['streaming', 'stream-processing'],
      ]),
    ).toEqual([]);
  });

  it('keeps streaming named apart from replication', () => {
    expect(
      kept('Build streaming pipelines; look after replication too.', [
        ['streaming', 'stream-processing'],
        ['replication', 'replication'],
      ]),
    ).toEqual(['stream-processing', 'replication']);
  });
  it('drops a term inside a project name numbered by its phase', () => {
    expect(kept('Engagement: Member CRM Phase 2 | Valid: Jan-Jun', [['CRM', 'crm']])).toEqual([]);
  });

  it('drops a term inside a programme name', () => {
    expect(kept('You will join the Apollo ERP Programme in March.', [['ERP', 'erp']])).toEqual([]);
  });

  it('keeps a term followed by a lowercase phase of work', () => {
    expect(
      kept('Own the CRM phase of the rollout and configure the CRM.', [
        ['CRM', 'crm'],
        ['CRM', 'crm'],
      ]),
    ).toEqual(['crm', 'crm']);
  });
  it("drops a statement of work that is the document's own heading", () => {
    expect(
      kept('SCHEDULE 2 - STATEMENT OF WORK (Solution Architecture)\nDesign the target platform.', [
        ['STATEMENT OF WORK', 'statement-of-work'],
      ]),
    ).toEqual([]);
  });

  it('drops a statement of work that heads the list of duties', () => {
    expect(
      kept('Scope of Work:\n- Administer the databases', [['Scope of Work', 'statement-of-work']]),
    ).toEqual([]);
  });

  it('drops a statement of work that refers to a separate contract', () => {
    expect(
      kept('Exclusions: the finance upgrade (separate SOW).', [['SOW', 'statement-of-work']]),
    ).toEqual([]);
  });

  it('keeps a statement of work the hire writes', () => {
    expect(
      kept('- Write clear statements of work for change requests', [
        ['statements of work', 'statement-of-work'],
      ]),
    ).toEqual(['statement-of-work']);
  });
});
