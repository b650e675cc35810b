import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TermSpotter } from '../../src/analysis/index.js';
import { readContentLibrary } from '../../src/importers/content/index.js';
import { libraryForEngines } from '../fixtures/analysis/evaluation.js';

/**
 * Forms of built-in terms that ordinary postings also use (a nurse's "monitoring", a sales
 * team's "CSM"), each in a sentence that means the everyday thing, beside the software such
 * postings name, and in one that means the term.
 */
const cases: { slug: string; everyday: string; technical: string }[] = [
  {
    slug: 'shell-scripting',
    everyday: 'Harden the web app against cross-site scripting with OWASP guidance.',
    technical: 'Shell scripting in Bash for the nightly jobs.',
  },
  {
    slug: 'node-js',
    everyday: 'Each Kubernetes Node runs Docker; drain a Kubernetes node before patching.',
    technical: 'Our API is written in TypeScript on Node.',
  },
  {
    slug: 'contextual-inquiry',
    everyday: 'A site visit to the data centre to check the firewall and the VPN.',
    technical: 'Plan field studies and contextual inquiry with customers.',
  },
  {
    slug: 'affinity-mapping',
    everyday: 'Thematic analysis of customer comments in Excel for the store managers.',
    technical: 'Run thematic analysis of interviews on a FigJam board.',
  },
  {
    slug: 'ui-design-tools',
    everyday: 'We design software for hospitals using Python and AWS.',
    technical: 'Fluent in UI design software such as Figma.',
  },
  {
    slug: 'technical-documentation',
    everyday: 'Documentation of patient care in Epic and Excel.',
    technical: 'Write developer documentation for the REST API.',
  },
  {
    slug: 'technical-documentation',
    everyday: 'Write unit tests in C and documentation of the firmware in Git.',
    technical: 'Own the product documentation for our Python SDK.',
  },
  {
    slug: 'observability',
    everyday: 'Patient monitoring with charts kept in Excel and SAP.',
    technical: 'Application monitoring with Prometheus and Grafana.',
  },
  {
    slug: 'product-backlog',
    everyday: 'Clear the backlog of orders in SAP before the weekend.',
    technical: 'Refine the product backlog with the Scrum team.',
  },
  {
    slug: 'scalability',
    everyday: 'Scaling the sales team with HubSpot and Salesforce.',
    technical: 'Horizontal scaling of the Kubernetes workloads.',
  },
  {
    slug: 'survey-design',
    everyday: 'Surveys in Excel for the warehouse team.',
    technical: 'Run user surveys in Qualtrics.',
  },
  {
    slug: 'roi',
    everyday: 'Write a business case in Excel for the new forklift.',
    technical: 'Build the ROI model for the platform migration.',
  },
  {
    slug: 'headcount-planning',
    everyday: 'Headcount reports from Workday every Monday.',
    technical: 'Own headcount planning for the engineering organisation.',
  },
  {
    slug: 'certified-scrummaster',
    everyday: 'Your CSM will set up Salesforce for you.',
    technical: 'Certified ScrumMaster (CSM) preferred.',
  },
  {
    slug: 'rto',
    everyday: 'RTO policy: three days in the office; laptops run Windows and Microsoft 365.',
    technical: 'Define RTO and RPO for each system.',
  },
  {
    slug: 'rpo',
    everyday: 'The RPO partner manages hiring through Workday.',
    technical: 'Agree RPO and RTO targets with the business.',
  },
  {
    slug: 'proof-of-concept',
    everyday: 'Send the POC for the supplier on SAP onboarding.',
    technical: 'Build a proof of concept on AWS Lambda.',
  },
  {
    slug: 'react-native',
    everyday: 'RN with Epic experience and Excel skills for the night shift.',
    technical: 'Mobile apps in RN and Flutter.',
  },
  {
    slug: 'typescript',
    everyday: 'TS clearance, SharePoint and Excel.',
    technical: 'Frontend work in React and TS.',
  },
  {
    slug: 'information-architecture',
    everyday: 'The IA team will audit the SAP controls.',
    technical: 'Shape the information architecture with card sorting.',
  },
  {
    slug: 'go-to-market',
    everyday: 'The GTM Kitchen opens at noon, Excel timesheets by Friday.',
    technical: 'Write the go-to-market plan for the launch.',
  },
  {
    slug: 'change-data-capture',
    everyday: 'Follow CDC guidance and record results in Excel.',
    technical: 'CDC from PostgreSQL into Kafka with Debezium.',
  },
  {
    slug: 'ethereum',
    everyday: 'ETH Zurich graduates who know Python are welcome.',
    technical: 'Smart contracts on ETH and Solidity.',
  },
  {
    slug: 'performance-review',
    everyday: 'Run the twice-yearly performance reviews for the HR team in Workday.',
    technical: 'Line management of the developers: one-to-ones, performance reviews and hiring.',
  },
  {
    slug: 'cross-functional-team',
    everyday: 'Own the product backlog for the payments squad in Jira.',
    technical: 'Work in a cross-functional team with design and QA.',
  },
  {
    slug: 'metal',
    everyday: 'Fasten drywall to wood or metal frameworks with screws.',
    technical: 'Render the game with Metal on iOS.',
  },
  {
    slug: 'test-plan',
    everyday: 'Help develop structural test plans for the wing spar in Excel.',
    technical: 'Write test plans and test cases in TestRail.',
  },
  {
    slug: 'iot',
    everyday: 'Install smart thermostats and other connected devices in customers’ homes.',
    technical: 'Firmware for connected devices over MQTT and Bluetooth Low Energy.',
  },
  {
    slug: 'quality-assurance',
    everyday: 'Score a sample of each adviser’s calls every month against our QA framework.',
    technical: 'Three years as a QA engineer on web and mobile releases.',
  },
  {
    slug: 'microsoft-teams',
    everyday: 'Our story  |  Teams  |  Benefits  |  Open roles',
    technical: 'Join the regional managers’ call every Monday on Teams.',
  },
  {
    slug: 'aws-lambda',
    everyday: 'Write lambda expressions and streams in Java and Kotlin.',
    technical: 'bits on aws (lambda, s3), docker for local dev',
  },
  {
    slug: 'daily-stand-up',
    everyday: 'Coach the branch team through daily huddles and monthly reviews.',
    technical: 'Run the daily huddle for the squad in Jira.',
  },
  {
    slug: 'kpi',
    everyday: 'Track performance metrics for the kitchen in Excel.',
    technical: 'Define KPIs for the checkout funnel with the product team.',
  },
  {
    slug: 'dbms',
    everyday: 'Keep the records management database systems up to date and file the post.',
    technical: 'Tune the database servers running PostgreSQL and MySQL.',
  },
  {
    slug: 'typography',
    everyday: 'Typesetting and proofreading of the parish magazine.',
    technical: 'A strong eye for typography and layout in Figma.',
  },
  {
    slug: 'cloud-computing',
    everyday: 'Keep the photos in the cloud and share them on Microsoft Teams.',
    technical: 'Move the last servers to cloud infrastructure on AWS.',
  },
  {
    slug: 'pci-dss',
    everyday: 'PCI training for cashiers using the till and Excel.',
    technical: 'Keep the card systems PCI DSS compliant.',
  },
];

let spotter: TermSpotter;
beforeAll(async () => {
  const library = await readContentLibrary(join(import.meta.dirname, '../../content'));
  spotter = TermSpotter.build(libraryForEngines(library).terms);
});

const slugsIn = (text: string) => spotter.spot(text).map((h) => h.slug);

describe('built-in forms that ordinary postings also use', () => {
  it.each(cases)('does not read $slug into “$everyday”', ({ slug, everyday }) => {
    expect(slugsIn(everyday)).not.toContain(slug);
  });

  it.each(cases)('reads $slug in “$technical”', ({ slug, technical }) => {
    expect(slugsIn(technical)).toContain(slug);
  });
});
