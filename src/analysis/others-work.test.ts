import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutOthersWork } from './others-work.js';

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutOthersWork(text, hitsIn(text, mentions)).map((h) => h.slug);

describe('withoutOthersWork', () => {
  it("drops a term only named in what the company's engineers build with", () => {
    expect(
      kept('Our engineering team of 60 builds in Kotlin on AWS. You will write the API guides.', [
        ['Kotlin', 'kotlin'],
        ['AWS', 'aws'],
        ['API', 'api'],
      ]),
    ).toEqual(['api']);
  });

  it("drops a term only named in what a named company's people talk about", () => {
    expect(
      kept("Cook for 400 people. Quillon's engineers talk a lot about Java.", [['Java', 'java']]),
    ).toEqual([]);
  });

  it('drops a term only named in what the product is built on', () => {
    expect(
      kept('About us. Our platform is built in Python and Django. You will reconcile invoices.', [
        ['Python', 'python'],
        ['Django', 'django'],
      ]),
    ).toEqual([]);
  });

  it('keeps a term the role asks for elsewhere in the posting', () => {
    expect(
      kept('Our developers work in Go. You will write Go for our platform tools.', [
        ['Go', 'go'],
        ['Go', 'go'],
      ]),
    ).toEqual(['go', 'go']);
  });

  it('keeps a term the hire uses, said of the team they join', () => {
    expect(kept('We use Kotlin and Compose for all new screens.', [['Kotlin', 'kotlin']])).toEqual([
      'kotlin',
    ]);
  });

  it('drops a tool the posting says the hire will not write', () => {
    expect(
      kept("You won't be writing Java. You'll own how services run on Kubernetes.", [
        ['Java', 'java'],
        ['Kubernetes', 'kubernetes'],
      ]),
    ).toEqual(['kubernetes']);
  });

  it('drops a tool the posting says there is none of', () => {
    expect(
      kept("There's no Python or machine learning here. You'll love Excel.", [
        ['Python', 'python'],
        ['machine learning', 'machine-learning'],
        ['Excel', 'excel'],
      ]),
    ).toEqual(['excel']);
  });

  it('drops tools said to be unneeded, and only up to that word', () => {
    expect(
      kept('No Kubernetes, cloud or coding needed, though you will hear of DevOps.', [
        ['Kubernetes', 'kubernetes'],
        ['cloud', 'cloud-computing'],
        ['DevOps', 'devops'],
      ]),
    ).toEqual(['devops']);
  });

  it('drops a tool the employer says it does without', () => {
    expect(
      kept('Our Kubernetes-free, spreadsheet-free ordering runs on Excel.', [
        ['Kubernetes', 'kubernetes'],
        ['Excel', 'excel'],
      ]),
    ).toEqual(['excel']);
  });

  it('drops the tools a sentence names and then says the hire will not need', () => {
    expect(
      kept(
        'Our actuaries work in R and the data office keeps everything in Snowflake; you will not need either. You will write Java.',
        [
          ['R', 'r'],
          ['Snowflake', 'snowflake'],
          ['Java', 'java'],
        ],
      ),
    ).toEqual(['java']);
  });

  it("drops the tools a sentence names and then calls none of the hire's concern", () => {
    expect(
      kept(
        "The backend lot use Go and the app is Flutter, none of that is this person's concern.",
        [
          ['Go', 'go'],
          ['Flutter', 'flutter'],
        ],
      ),
    ).toEqual([]);
  });

  it('drops the tools a sentence names and then puts out of scope, across broken lines', () => {
    expect(
      kept(
        'Finance uses Xero and IT manages the Microsoft 365\ntenant; neither is in scope.\nBuild Apex triggers.',
        [
          ['Microsoft 365', 'microsoft-365'],
          ['Apex', 'apex'],
        ],
      ),
    ).toEqual(['apex']);
  });

  it('reads a disowning sentence back only to the line it opens on', () => {
    expect(
      kept(
        '- Deploy to our Kubernetes clusters\nGood to know: the data office uses Snowflake; you will not need it.',
        [
          ['Kubernetes', 'kubernetes'],
          ['Snowflake', 'snowflake'],
        ],
      ),
    ).toEqual(['kubernetes']);
  });

  it('drops the tools listed under a heading about technology being moved away from', () => {
    expect(
      kept(
        '## Tech we use\n- Terraform on AWS\n\n## Tech we are moving away from\n- Jenkins\n- CloudFormation stacks\n\n## About you\nYou like automation.',
        [
          ['Terraform', 'terraform'],
          ['AWS', 'aws'],
          ['Jenkins', 'jenkins'],
          ['CloudFormation', 'aws-cloudformation'],
        ],
      ),
    ).toEqual(['terraform', 'aws']);
  });

  it('drops a tool the hire will help leave behind, and only that tool', () => {
    expect(
      kept("Run ELT pipelines in SQL; you'll help us leave the old SSIS packages behind.", [
        ['ELT', 'elt'],
        ['SQL', 'sql'],
        ['SSIS', 'ssis'],
      ]),
    ).toEqual(['elt', 'sql']);
  });

  it('drops a tool said to be being retired', () => {
    expect(
      kept('Build reports in Power BI. The SSRS estate is being retired next year.', [
        ['Power BI', 'power-bi'],
        ['SSRS', 'ssrs'],
      ]),
    ).toEqual(['power-bi']);
  });

  it('keeps the tool a move away from another one goes to', () => {
    expect(
      kept("We're moving away from Jenkins to GitHub Actions, and you'll lead it.", [
        ['Jenkins', 'jenkins'],
        ['GitHub Actions', 'github-actions'],
      ]),
    ).toEqual(['github-actions']);
  });

  it('drops the tools a sentence in German says are not required', () => {
    expect(
      kept('Sie entwerfen das Lakehouse auf Azure. SAP-Kenntnisse sind nicht erforderlich.', [
        ['Azure', 'azure'],
        ['SAP', 'sap'],
      ]),
    ).toEqual(['azure']);
  });

  it('drops the tools a sentence in French or Spanish says are not required', () => {
    expect(
      kept(
        "Vous développez en Java. La maîtrise de Kafka n'est pas requise. Experiencia con Scala no es necesaria.",
        [
          ['Java', 'java'],
          ['Kafka', 'apache-kafka'],
          ['Scala', 'scala'],
        ],
      ),
    ).toEqual(['java']);
  });
});
