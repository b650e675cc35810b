import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/domain/index.js';
import { getRole, syncContent, systemActor, type Rolebook } from '../../src/services/index.js';
import { fixtureContentDir, storeTargets } from '../support/stores.js';

const syncer = systemActor('content-sync');

/** A copy of the fixture library to change, removed after the test. */
const copyOfContent = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'rolebook-content-'));
  cpSync(fixtureContentDir, dir, { recursive: true });
  return dir;
};

const rewrite = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, 'utf8')));

describe.each(storeTargets)('content sync on $name', (target) => {
  const open: Rolebook[] = [];
  const dirs: string[] = [];
  const start = async () => {
    const rolebook = await target.open();
    open.push(rolebook);
    const dir = copyOfContent();
    dirs.push(dir);
    return { rolebook, dir };
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a published role with lint errors, naming the folder, the role and the field', async () => {
    const { rolebook, dir } = await start();
    rewrite(join(dir, 'roles/query-writer.md'), (text) =>
      text.replace('A fixture role', 'A {role_name} role'),
    );
    const error: unknown = await syncContent(rolebook.ctx, syncer, dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'lint_failed' });
    expect((error as AppError).details).toContainEqual(
      expect.objectContaining({ file: dir, field: 'roles.rolebook/query-writer.summary' }),
    );
    const stored = await getRole(rolebook.ctx, { taxonomy: 'rolebook', code: 'query-writer' });
    expect(stored.summary).not.toContain('{role_name}');
  });
});
