import { createHash } from 'node:crypto';
import { builtInTaxonomy, BUILT_IN_TAXONOMY, roleKey } from '../domain/index.js';
import { readContentLibrary } from '../importers/content/index.js';
import { findTerms, iterateRoles, readMeta, writeMeta, type Db } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';
import type { Overwrite, Stamps } from './versioned-write/index.js';

/** Where the store keeps what the last sync left of each role and term (see SyncRecord). */
const RECORD = 'content-sync';

/**
 * What the last sync left of each role and term of the content, by `role:taxonomy/code` or
 * `term:slug`: the version stored after it, and a hash of the content the folder held.
 */
type SyncRecord = Record<string, { version: number; hash: string }>;

const hashOf = (content: unknown): string =>
  createHash('sha256').update(JSON.stringify(content)).digest('base64url');

const readRecord = async (db: Db): Promise<SyncRecord | undefined> => {
  const value = await readMeta(db, RECORD);
  return value === undefined ? undefined : (JSON.parse(value) as SyncRecord);
};

/**
 * Whether the sync may write a file's content over what is stored. What nobody else wrote since
 * the last sync is the sync's to write; an edit made since (through the API, the editor, another
 * import) is kept while its file has not changed either, and refuses the sync when it has: one
 * of the two would be lost. A store never synced under this rule (one older than it) has no
 * record, and everything in it counts as synced.
 */
const overwriteOf =
  (record: SyncRecord | undefined, hashes: ReadonlyMap<string, string>) =>
  (kind: 'role' | 'term', key: string, stored: Stamps | undefined): Overwrite => {
    if (record === undefined) return 'write';
    const last = record[`${kind}:${key}`];
    if (last === undefined) return stored ? 'refuse' : 'write';
    if (stored?.version === last.version) return 'write';
    return last.hash === hashes.get(`${kind}:${key}`) ? 'keep' : 'refuse';
  };

/**
 * Loads the built-in library from its content folder. Only what changed gets a new version;
 * roles that editors added through the API stay, and so do edits made since the last sync to
 * roles and terms whose files did not change. A file that changed over such an edit refuses the
 * sync, naming it, unless `force` says to overwrite the edit.
 */
export const syncContent = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  contentDir: string,
  options: { dryRun?: boolean; force?: boolean } = {},
): Promise<ImportReport> => {
  const library = await readContentLibrary(contentDir);
  const hashes = new Map<string, string>([
    ...library.terms.map((t): [string, string] => [`term:${t.slug}`, hashOf(t.content)]),
    ...library.roles.map((r): [string, string] => [
      `role:${roleKey(BUILT_IN_TAXONOMY, r.code)}`,
      hashOf(r.content),
    ]),
  ]);
  const record = await readRecord(ctx.store.db);
  return applyImport(
    ctx,
    actor,
    {
      source: contentDir,
      taxonomies: [builtInTaxonomy],
      terms: library.terms.map((t) => ({ slug: t.slug, content: t.content })),
      roles: library.roles.map((r) => ({
        taxonomy: BUILT_IN_TAXONOMY,
        code: r.code,
        content: r.content,
      })),
      ...(options.force ? {} : { guard: overwriteOf(record, hashes) }),
    },
    {
      ...(options.dryRun ? { dryRun: true } : {}),
      beforeCommit: async (trx, report) => {
        const versions = new Map<string, number>();
        for (const [slug, term] of await findTerms(
          trx,
          library.terms.map((t) => t.slug),
        )) {
          versions.set(`term:${slug}`, term.version);
        }
        for await (const role of iterateRoles(trx, BUILT_IN_TAXONOMY)) {
          versions.set(`role:${roleKey(role.taxonomy, role.code)}`, role.version);
        }
        const kept = new Set(report.kept.map((name) => name.replace(' ', ':')));
        const next: SyncRecord = {};
        for (const [entry, hash] of hashes) {
          const version = versions.get(entry);
          // What was kept is still the edit made since the last sync.
          const last = kept.has(entry)
            ? record?.[entry]
            : version === undefined
              ? undefined
              : { version, hash };
          if (last) next[entry] = last;
        }
        await writeMeta(trx, RECORD, JSON.stringify(next));
      },
    },
  );
};
