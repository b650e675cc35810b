import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sqliteCliStore, type CliDatabase } from '../support/cli.js';

describe('rolebook analyze and diagnose', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('analyzes a posting from stdin for a person to read', async () => {
    const { code, stdout } = await runCli(database.url, ['analyze', '-'], {
      stdin: 'API Engineer\n\nBuild a REST API over SQL.\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('API Builder (rolebook/api-builder)');
    expect(stdout).toContain('REST [concept]:');
  });

  it('says where the seniority came from when the title does not state it', async () => {
    const { stdout } = await runCli(database.url, ['analyze', '-'], {
      stdin: 'API Engineer\n\nBuild a REST API over SQL. You have 5+ years of experience.\n',
    });
    expect(stdout).toContain('Seniority: senior (from “5+ years of experience”)');
  });

  it('says the title gave the seniority when it states one', async () => {
    const { stdout } = await runCli(database.url, ['analyze', '-'], {
      stdin: 'Junior API Engineer\n\nBuild a REST API over SQL.\n',
    });
    expect(stdout).toContain('Seniority: junior (as the title says)');
  });

  it('prints the analysis as JSON with --json', async () => {
    const { stdout } = await runCli(database.url, ['analyze', '-', '--json'], {
      stdin: 'API Engineer\n\nREST.\n',
    });
    expect((JSON.parse(stdout) as { roles: { code: string }[] }).roles[0]?.code).toBe(
      'api-builder',
    );
  });

  it('refuses an empty posting with a non-zero exit code', async () => {
    const { code, stderr } = await runCli(database.url, ['analyze', '-'], { stdin: '   ' });
    expect(code).toBe(2);
    expect(stderr).toContain('the text is empty');
  });

  it('diagnoses problems given in plain words', async () => {
    const { code, stdout } = await runCli(database.url, [
      'diagnose',
      'partners cannot connect to pull data automatically',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('API Builder');
  });

  it('diagnoses problems read from stdin when given -', async () => {
    const { code, stdout } = await runCli(database.url, ['diagnose', '-'], {
      stdin: 'partners cannot connect to pull data automatically\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('API Builder');
  });

  it('says a problem does not sound like a technology role, and what it understood', async () => {
    const { code, stdout } = await runCli(database.url, [
      'diagnose',
      'we need a plumber, the toilets keep leaking',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain('This does not sound like a technology role');
    expect(stdout).toContain('"plumber" → work outside technology');
  });
});
