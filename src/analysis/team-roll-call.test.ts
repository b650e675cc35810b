import { describe, expect, it } from 'vitest';
import { hitsIn } from '../../test/fixtures/analysis/factories.js';
import { withoutTeamRollCall } from './team-roll-call.js';

/** The slugs kept of the text's mentions, each written as `[text, slug]` in reading order. */
const kept = (text: string, mentions: [string, string][]) =>
  withoutTeamRollCall(text, hitsIn(text, mentions)).map((h) => h.slug);

describe('withoutTeamRollCall', () => {
  it('drops a term named only where a paragraph goes through what other teams do', () => {
    expect(
      kept(
        'The Platform team runs Kubernetes. The Machine Learning team trains models in PyTorch.\n\nYou will build pipelines in Python.',
        [
          ['Kubernetes', 'kubernetes'],
          ['PyTorch', 'pytorch'],
          ['Python', 'python'],
        ],
      ),
    ).toEqual(['python']);
  });

  it('keeps a term of the roll call said of the team the hire joins', () => {
    expect(
      kept(
        "The Platform team runs Kubernetes. Our analysts work in Power BI. You'd join the data team, which lives in Snowflake.",
        [
          ['Kubernetes', 'kubernetes'],
          ['Power BI', 'power-bi'],
          ['Snowflake', 'snowflake'],
        ],
      ),
    ).toEqual(['snowflake']);
  });

  it('keeps what a paragraph says of one team alone: it may be the team the hire joins', () => {
    expect(
      kept('The Atlas team trains computer vision models on drone images.', [
        ['computer vision', 'computer-vision'],
      ]),
    ).toEqual(['computer-vision']);
  });

  it('reads a paragraph that splits the organisation into teams as a roll call', () => {
    expect(
      kept(
        'Security is split into four teams. Threat Intelligence tracks attackers. Offensive Security runs our red team exercises.',
        [
          ['Threat Intelligence', 'threat-intelligence'],
          ['red team', 'red-team'],
        ],
      ),
    ).toEqual([]);
  });

  it('does not read the teams a plan spans as the organisation split into teams', () => {
    expect(
      kept('Build the migration plan across 14 teams. Track the move to GCP in Jira.', [
        ['GCP', 'gcp'],
        ['Jira', 'jira'],
      ]),
    ).toEqual(['gcp', 'jira']);
  });

  it('keeps a term the posting also names outside the roll call', () => {
    expect(
      kept(
        'The Platform team runs Kubernetes. The data team uses Airflow.\n\nYou will deploy to Kubernetes.',
        [
          ['Kubernetes', 'kubernetes'],
          ['Airflow', 'apache-airflow'],
          ['Kubernetes', 'kubernetes'],
        ],
      ),
    ).toEqual(['kubernetes', 'kubernetes']);
  });

  it("drops a tool a stack list gives to a team other than the one marked as the hire's", () => {
    expect(
      kept(
        '## How we are set up\n- **Mobile:** Swift, Kotlin\n- **Backend (you):** Go, PostgreSQL\n- **Data:** Snowflake, Looker\n',
        [
          ['Swift', 'swift'],
          ['Kotlin', 'kotlin'],
          ['Go', 'go'],
          ['PostgreSQL', 'postgresql'],
          ['Snowflake', 'snowflake'],
          ['Looker', 'looker'],
        ],
      ),
    ).toEqual(['go', 'postgresql']);
  });

  it("drops a tool a who-uses-it table gives to another team, keeping the hire's rows", () => {
    expect(
      kept(
        '| Tool | Used by |\n|---|---|\n| Terraform | platform team |\n| Playwright | you |\n| HubSpot | sales |\n',
        [
          ['Terraform', 'terraform'],
          ['Playwright', 'playwright'],
          ['HubSpot', 'hubspot'],
        ],
      ),
    ).toEqual(['playwright']);
  });

  it("keeps a list's tools when no line of it is marked as the hire's", () => {
    expect(
      kept('Requirements:\n- Backend: Go, PostgreSQL\n- Frontend: React\n- Cloud: AWS\n', [
        ['Go', 'go'],
        ['PostgreSQL', 'postgresql'],
        ['React', 'react'],
        ['AWS', 'aws'],
      ]),
    ).toEqual(['go', 'postgresql', 'react', 'aws']);
  });
});
