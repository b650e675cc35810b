import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const postgresUrl = process.env.TEST_POSTGRES_URL;

/** A fresh PostgreSQL database per run, since the CLI takes a URL and no schema. */
const freshPostgres = async (url: string) => {
  const name = `render_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
};

const stores: { name: string; database: () => Promise<{ url?: string; drop(): Promise<void> }> }[] =
  [
    { name: 'sqlite', database: () => Promise.resolve({ drop: () => Promise.resolve() }) },
    ...(postgresUrl ? [{ name: 'postgres', database: () => freshPostgres(postgresUrl) }] : []),
  ];

describe.each(stores)('rolebook render on $name', (store) => {
  let database: { url?: string; drop(): Promise<void> };
  const render = (...args: string[]) =>
    runCli(['render', ...args], database.url ? { database: database.url } : {});

  beforeAll(async () => {
    database = await store.database();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('prints a guide as Markdown', async () => {
    const { code, stdout } = await render('api-builder', '--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# API Builder$/m);
    expect(stdout).toContain('## Why hire an API Builder?');
  });

  it('prints a standalone HTML page by default', async () => {
    const { code, stdout } = await render('api-builder');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/i);
    expect(stdout).toContain('<h1');
  });

  it('prints the JSON view', async () => {
    const { stdout } = await render('query-writer', '--format', 'json');
    expect(JSON.parse(stdout)).toMatchObject({
      format: 'rolebook.guide/1',
      role: { taxonomy: 'rolebook', code: 'query-writer' },
    });
  });

  it('prints schema.org JSON-LD', async () => {
    const { stdout } = await render('query-writer', '--format', 'jsonld', '--taxonomy', 'rolebook');
    expect(JSON.parse(stdout)).toMatchObject({ '@type': 'Occupation', name: 'Query Writer' });
  });

  it('fails with the not-found exit code for an unknown role', async () => {
    const { code, stdout, stderr } = await render('nobody', '--taxonomy', 'onet');
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toContain('Role onet/nobody was not found.');
  });

  it('refuses a format it does not know', async () => {
    const { code, stderr } = await render('api-builder', '--format', 'pdf');
    expect(code).not.toBe(0);
    expect(stderr).toContain('html, md, json, jsonld');
  });
});
