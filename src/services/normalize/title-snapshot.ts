import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { AppError } from '../../domain/index.js';
import { indexFormat, TitleIndex } from '../../matching/index.js';
import { latestRevisionId, rolesStamp, type Store } from '../../store/index.js';
import { publishedTitleSources } from './role-title-index.js';

/** The snapshot of a SQLite database's title index lives beside it, under its name plus this. */
const SNAPSHOT_SUFFIX = '.title-index';

const NEWLINE = 0x0a;

/**
 * What a snapshot must have been made from to be used: the engine that wrote it, the revision
 * log's high-water mark and the roles table in brief. Read before the roles, so a write landing
 * in between leaves the snapshot under an older key, which the next start then rebuilds.
 */
const snapshotKey = async (db: Store['db']): Promise<string> =>
  JSON.stringify({
    format: indexFormat(),
    revision: await latestRevisionId(db),
    roles: await rolesStamp(db),
  });

/**
 * A file's bytes in memory that worker threads share: a batch's workers then read the snapshot
 * where it was loaded, with no copy of some ten megabytes made for them.
 */
const readShared = async (file: string): Promise<Buffer> => {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
};

/** The kept snapshot's bytes, when the file holds one made under `key`. */
const readKept = async (file: string, key: string): Promise<Uint8Array | undefined> => {
  const bytes = await readShared(file).catch(() => undefined);
  if (bytes === undefined) return undefined;
  const end = bytes.indexOf(NEWLINE);
  if (end < 0 || bytes.toString('utf8', 0, end) !== key) return undefined;
  return bytes.subarray(end + 1);
};

/**
 * Writes the snapshot under its key through a file of its own and a rename, so a reader, or
 * another process writing at the same time, never sees half a file.
 */
const keep = async (file: string, key: string, snapshot: Uint8Array): Promise<void> => {
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(partial, Buffer.concat([Buffer.from(`${key}\n`), snapshot]));
    await rename(partial, file);
  } catch {
    // The snapshot only saves the next start its build: a folder that cannot be written to
    // costs that, never the answers.
    await rm(partial, { force: true });
  }
};

/**
 * The title index of every published role, as a snapshot (see TitleIndex.snapshot). A SQLite
 * database on disk keeps it beside it (`<database>.title-index`) and reuses it while the
 * engine, the revision log and the roles are as they were when it was made; anything else
 * builds it from the roles and keeps it for next time. PostgreSQL builds it each time.
 */
export const titleIndexSnapshot = async (ctx: { store: Store }): Promise<Uint8Array> => {
  const key = await snapshotKey(ctx.store.db);
  const file = ctx.store.dialect.file && `${ctx.store.dialect.file}${SNAPSHOT_SUFFIX}`;
  const kept = file === undefined ? undefined : await readKept(file, key);
  if (kept !== undefined) return kept;
  const snapshot = TitleIndex.build(await publishedTitleSources(ctx)).snapshot();
  if (file !== undefined) await keep(file, key, snapshot);
  return snapshot;
};

/** The index a snapshot of titleIndexSnapshot holds, which this engine wrote. */
export const titleIndexOf = (snapshot: Uint8Array): TitleIndex => {
  const index = TitleIndex.fromSnapshot(snapshot);
  if (index === undefined) {
    throw new AppError('internal', 'the title index snapshot was written by another engine');
  }
  return index;
};
