import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/domain/index.js';
import {
  getRole,
  syncContent,
  systemActor,
  updateRole,
  type Rolebook,
} from '../../src/services/index.js';
import { fixtureContentDir, storeTargets } from '../support/stores.js';

const syncer = systemActor('content-sync');
const editor = systemActor('user:ann');
const queryWriter = { taxonomy: 'rolebook', code: 'query-writer' };

/** An edit of the query writer's summary, as an editor saves it through the API. */
const editSummary = async (rolebook: Rolebook, summary: string) => {
  const role = await getRole(rolebook.ctx, queryWriter);
  return updateRole(rolebook.ctx, editor, queryWriter, { ...role, summary }, role.version);
};

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

  it("writes a file's change over what nobody edited since the last sync", async () => {
    const { rolebook, dir } = await start();
    rewrite(join(dir, 'roles/query-writer.md'), (text) =>
      text.replace('A fixture role', 'A changed fixture role'),
    );
    const report = await syncContent(rolebook.ctx, syncer, dir);
    expect(report.changes.changed).toEqual(['rolebook/query-writer']);
    expect((await getRole(rolebook.ctx, queryWriter)).summary).toContain('A changed fixture role');
  });

  it('keeps an edit made since the last sync while its file has not changed, naming it', async () => {
    const { rolebook, dir } = await start();
    await editSummary(rolebook, 'Edited through the API.');
    const report = await syncContent(rolebook.ctx, syncer, dir);
    expect(report.kept).toEqual(['role rolebook/query-writer']);
    expect(report.roles.changed).toBe(0);
    expect((await getRole(rolebook.ctx, queryWriter)).summary).toBe('Edited through the API.');
  });

  it('refuses a sync whose file changed over an edit made since the last sync, naming who made it', async () => {
    const { rolebook, dir } = await start();
    const edited = await editSummary(rolebook, 'Edited through the API.');
    rewrite(join(dir, 'roles/query-writer.md'), (text) =>
      text.replace('A fixture role', 'A changed fixture role'),
    );
    const error: unknown = await syncContent(rolebook.ctx, syncer, dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((error as AppError).details).toEqual([
      {
        file: dir,
        field: 'roles.rolebook/query-writer',
        message: `is at version ${edited.version}, written by user:ann since`,
      },
    ]);
    expect((await getRole(rolebook.ctx, queryWriter)).version).toBe(edited.version);
  });

  it('writes the file over an edit made since the last sync when forced', async () => {
    const { rolebook, dir } = await start();
    await editSummary(rolebook, 'Edited through the API.');
    const report = await syncContent(rolebook.ctx, syncer, dir, { force: true });
    expect(report.changes.changed).toEqual(['rolebook/query-writer']);
    expect((await getRole(rolebook.ctx, queryWriter)).summary).toContain('A fixture role');
  });

  it('keeps refusing a changed file over an edit it kept at an earlier sync', async () => {
    const { rolebook, dir } = await start();
    await editSummary(rolebook, 'Edited through the API.');
    await syncContent(rolebook.ctx, syncer, dir);
    rewrite(join(dir, 'roles/query-writer.md'), (text) =>
      text.replace('A fixture role', 'A changed fixture role'),
    );
    await expect(syncContent(rolebook.ctx, syncer, dir)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
