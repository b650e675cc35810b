import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sqliteCliStore, type CliDatabase } from '../support/cli.js';

describe('rolebook itself', () => {
  let database: CliDatabase;

  beforeAll(async () => {
    database = await sqliteCliStore.create();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('prints the release it is with --version, as package.json names it', async () => {
    const pkg = JSON.parse(
      await readFile(join(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as { version: string };
    const { code, stdout } = await runCli(database.url, ['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('names the database it cannot reach and why, without its password', async () => {
    const { code, stderr } = await runCli('postgres://reader:secret@127.0.0.1:1/rolebook', [
      'normalize',
      'Backend Developer',
    ]);
    expect(code).not.toBe(0);
    expect(stderr).toBe(
      'rolebook: Cannot reach the database at postgres://reader@127.0.0.1:1/rolebook: ECONNREFUSED.\n',
    );
  });

  it.runIf(process.env.TEST_POSTGRES_URL)(
    'says the database refused its password, rather than that a migration failed',
    async () => {
      const url = new URL(process.env.TEST_POSTGRES_URL!);
      url.password = 'not-the-password';
      const { code, stderr } = await runCli(url.toString(), ['users', 'list']);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(
        /^rolebook: Cannot reach the database at postgres:\/\/\w+@[^:]+:\d+\/\w+: password authentication failed for user "\w+"\.\n$/,
      );
    },
  );

  it('names --database in the help of each command, as every command takes it', async () => {
    const { code, stdout } = await runCli(database.url, ['import', 'onet', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--database <path-or-url>');
  });

  it.each([
    ['a value its choices do not offer', ['render', 'backend-developer', '--format', 'xml']],
    ['an option it does not know', ['render', 'backend-developer', '--bogus']],
    ['a missing argument', ['render']],
    ['an argument too many', ['render', 'backend-developer', 'frontend-developer']],
    ['a missing required option', ['keys', 'create']],
    ['a command it does not know', ['bogus']],
    ['a command group without its command', ['import']],
  ])(
    'refuses %s with exit 2, as it refuses any flag or argument it cannot use',
    async (_what, args) => {
      const { code, stderr } = await runCli(database.url, args);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: rolebook');
    },
  );

  it('exits 0 after the help it was asked for', async () => {
    const { code, stdout } = await runCli(database.url, ['help', 'render']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: rolebook render');
  });

  it.each(['abc', '70000', '-1'])(
    'refuses serve --port %s with exit 2, saying what --port takes',
    async (port) => {
      const { code, stderr } = await runCli(database.url, ['serve', '--port', port]);
      expect(code).toBe(2);
      expect(stderr).toContain(
        `--port takes a whole number from 0 to 65535; "${port}" is not one.`,
      );
    },
  );

  it.each([
    ['999.1.1.1', 'it is not an IPv4 address'],
    ['bad host!', 'a host name has only letters, digits, hyphens and dots'],
    ['', 'it is empty'],
  ])(
    'refuses serve --host "%s" with exit 2, saying what --host takes and why',
    async (host, why) => {
      const { code, stderr } = await runCli(database.url, ['serve', '--port', '0', '--host', host]);
      expect(code).toBe(2);
      expect(stderr).toContain(
        `--host takes an IP address or a host name of this machine; "${host}" is neither: ${why}`,
      );
      expect(stderr).not.toContain('    at ');
    },
  );

  it('refuses serve on an address this machine does not have with exit 2, naming the host', async () => {
    const { code, stderr } = await runCli(database.url, [
      'serve',
      '--port',
      '3918',
      '--host',
      '10.255.255.1',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'rolebook: Cannot serve on 10.255.255.1:3918: the host 10.255.255.1 is not an address of this machine.\n',
    );
  });

  it('refuses serve on a host name that does not resolve with exit 2, naming the host', async () => {
    // .invalid never resolves (RFC 6761); a machine without a name service says so otherwise.
    const { code, stderr } = await runCli(database.url, [
      'serve',
      '--port',
      '0',
      '--host',
      'nowhere.invalid',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot serve on nowhere.invalid:0: the host nowhere.invalid ');
    expect(stderr).not.toContain('    at ');
  });

  it.each([
    ['normalize', '--file'],
    ['analyze'],
    ['import', 'pack'],
    ['import', 'guide'],
    ['import', 'onet'],
    ['import', 'esco'],
  ])(
    'refuses a missing input path in %s %s with exit 2 and one line, as every command does',
    async (...command) => {
      const { code, stderr } = await runCli(database.url, [...command, '/nonexistent/input']);
      expect(code).toBe(2);
      expect(stderr).toBe('rolebook: Cannot read /nonexistent/input: it does not exist.\n');
    },
  );

  it.each([['normalize', '--file'], ['analyze'], ['import', 'pack'], ['import', 'guide']])(
    'refuses a folder given as the input file of %s %s with exit 2',
    async (...command) => {
      const { code, stderr } = await runCli(database.url, [...command, database.dir]);
      expect(code).toBe(2);
      expect(stderr).toBe(`rolebook: Cannot read ${database.dir}: it is a folder, not a file.\n`);
    },
  );

  /** Runs `work` with a port another program listens on. */
  const withPortTaken = async (work: (port: number) => Promise<void>) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      await work((taken.address() as AddressInfo).port);
    } finally {
      taken.close();
    }
  };

  it('refuses serve on a port in use with exit 2, naming the port, and no stack trace', () =>
    withPortTaken(async (port) => {
      const { code, stderr } = await runCli(database.url, ['serve', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toContain(`Cannot serve on 127.0.0.1:${port}: the port is in use`);
      expect(stderr).not.toContain('    at ');
    }));

  it('creates no database when serve cannot listen on its port', () =>
    withPortTaken(async (port) => {
      const dir = await mkdtemp(join(tmpdir(), 'rolebook-serve-'));
      try {
        const fresh = join(dir, 'new.sqlite');
        const { code, stderr } = await runCli(fresh, ['serve', '--port', String(port)]);
        expect(code).toBe(2);
        expect(stderr).toContain(`Cannot serve on 127.0.0.1:${port}: the port is in use`);
        expect(existsSync(fresh)).toBe(false);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }));
});
