import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppError,
  emptyRoleContent,
  roleContentOf,
  type RoleContent,
  type TermContent,
} from '../../src/domain/index.js';
import {
  createApiKey,
  createRole,
  createTerm,
  getRole,
  getTerm,
  listRoleRevisions,
  listRoles,
  listTermRevisions,
  MAX_ACTIVE_API_KEYS,
  openRolebook,
  systemActor,
  updateRole,
  type Rolebook,
  type ServiceContext,
} from '../../src/services/index.js';
import { fixtureContentDir, storeTargets } from '../support/stores.js';
import { guideSections } from '../support/guides.js';

const editor = systemActor('test-editor');
/** Rounds per case, each with this many writers at once: enough for a race to show. */
const ROUNDS = 5;
const WRITERS = 20;

const roleContent = (name: string, extra: Partial<RoleContent> = {}): RoleContent => ({
  ...emptyRoleContent(name),
  ...guideSections(name),
  summary: `${name} summary`,
  status: 'published',
  ...extra,
});

const termContent = (name: string, definition: string): TermContent => ({
  name,
  abbreviations: [],
  aliases: [],
  definition,
  examples: [],
  category: 'concept',
  caseSensitive: false,
});

/** Runs every write at once and splits what came of them. */
const race = async <T>(writes: (() => Promise<T>)[]) => {
  const settled = await Promise.allSettled(writes.map((write) => write()));
  return {
    won: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    refused: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
};

/** A refused write must be a conflict that names what was taken. */
const expectConflictNaming = (error: unknown, taken: string): void => {
  expect(error).toBeInstanceOf(AppError);
  const { code, message, details } = error as AppError;
  expect(code).toBe('conflict');
  expect([message, ...details.map((d) => d.message)].join('\n')).toContain(taken);
};

// On PostgreSQL the writers split over two instances on one database, as two servers would, each
// with its own pool. SQLite serializes the writes of one process on its one connection; two
// processes sharing a file are raced over HTTP in test/http/racing-writes.api.test.ts.
describe.each(storeTargets)('racing writes on $name', (target) => {
  let first: Rolebook;
  let second: Rolebook | undefined;
  beforeEach(async () => {
    first = await target.open();
    const { schema } = first.ctx.store.dialect;
    second = schema
      ? await openRolebook({
          database: process.env.TEST_POSTGRES_URL!,
          schema,
          contentDir: fixtureContentDir,
        })
      : undefined;
  });
  afterEach(async () => {
    await second?.close();
    await first.close();
  });

  const instance = (i: number): ServiceContext => (i % 2 === 1 && second ? second : first).ctx;

  it('lets exactly one of many key creates through at the last key the cap allows', async () => {
    const admin = systemActor('test-admin');
    for (let i = 0; i < MAX_ACTIVE_API_KEYS - 1; i++) {
      await createApiKey(first.ctx, admin, { name: `key ${i}`, scopes: ['read'] });
    }
    const { won, refused } = await race(
      Array.from(
        { length: WRITERS },
        (_, i) => () => createApiKey(instance(i), admin, { name: `racer ${i}`, scopes: ['read'] }),
      ),
    );
    expect(won).toHaveLength(1);
    for (const error of refused) expectConflictNaming(error, `${MAX_ACTIVE_API_KEYS} API keys`);
  });

  it('lets exactly one of many creates of one role code through', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ref = { taxonomy: 'rolebook', code: `racer-${round}` };
      const { won, refused } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () =>
            createRole(
              instance(i),
              editor,
              ref,
              roleContent(`Racer ${round}`, { summary: `#${i}` }),
            ),
        ),
      );
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(WRITERS - 1);
      for (const error of refused) expectConflictNaming(error, ref.code);
      expect((await getRole(first.ctx, ref)).summary).toBe(won[0]?.summary);
      const { items: history } = await listRoleRevisions(first.ctx, ref, {});
      expect(history.map((r) => [r.action, r.version])).toEqual([['create', 1]]);
    }
  });

  it('lets exactly one of many creates of one term slug through', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const slug = `racer-${round}`;
      const { won, refused } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () =>
            createTerm(instance(i), editor, slug, termContent(`Racer ${round}`, `Writer ${i}.`)),
        ),
      );
      expect(won).toHaveLength(1);
      for (const error of refused) expectConflictNaming(error, slug);
      expect((await getTerm(first.ctx, slug)).definition).toBe(won[0]?.definition);
      const { items: history } = await listTermRevisions(first.ctx, slug, {});
      expect(history.map((r) => [r.action, r.version])).toEqual([['create', 1]]);
    }
  });

  it('gives a title wanted by many new roles to exactly one', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const title = `Contested Title ${round}`;
      const { won, refused } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () =>
            createRole(
              instance(i),
              editor,
              { taxonomy: 'rolebook', code: `claimant-${round}-${i}` },
              roleContent(`Claimant ${round} ${i}`, { alternativeTitles: [title] }),
            ),
        ),
      );
      expect(won).toHaveLength(1);
      for (const error of refused) expectConflictNaming(error, `"${title}"`);
      const owners = await listRoles(first.ctx, { taxonomy: 'rolebook', q: title });
      expect(owners.items.map((r) => r.code)).toEqual([won[0]?.code]);
    }
  });

  it('gives a title that edits of many roles add to exactly one', async () => {
    const refs = Array.from({ length: WRITERS }, (_, i) => ({
      taxonomy: 'rolebook',
      code: `editor-${i}`,
    }));
    for (const ref of refs) {
      await createRole(first.ctx, editor, ref, roleContent(`Edited ${ref.code}`));
    }
    for (let round = 0; round < ROUNDS; round++) {
      const title = `Edited Title ${round}`;
      const { won, refused } = await race(
        refs.map((ref, i) => async () => {
          const role = await getRole(instance(i), ref);
          const content = roleContentOf(role);
          const alternativeTitles = [...content.alternativeTitles, title];
          return updateRole(
            instance(i),
            editor,
            ref,
            { ...content, alternativeTitles },
            role.version,
          );
        }),
      );
      expect(won).toHaveLength(1);
      for (const error of refused) expectConflictNaming(error, `"${title}"`);
      const owners = await listRoles(first.ctx, { taxonomy: 'rolebook', q: title });
      expect(owners.items.map((r) => r.code)).toEqual([won[0]?.code]);
    }
  });

  it('applies every one of many edits sent with If-Match: *, each as a version of its own', async () => {
    const ref = { taxonomy: 'rolebook', code: 'star-edited' };
    await createRole(first.ctx, editor, ref, roleContent('Star Edited'));
    const { won, refused } = await race(
      Array.from(
        { length: WRITERS },
        (_, i) => () =>
          updateRole(
            instance(i),
            editor,
            ref,
            roleContent('Star Edited', { summary: `#${i}` }),
            '*',
          ),
      ),
    );
    expect(refused).toEqual([]);
    expect(won.map((role) => role.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: WRITERS }, (_, i) => i + 2),
    );
    const last = won.find((role) => role.version === WRITERS + 1);
    expect((await getRole(first.ctx, ref)).summary).toBe(last?.summary);
  });
});
