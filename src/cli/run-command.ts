import { loadConfig, type Config, type ConfigOverrides } from '../config.js';
import { AppError, formatLocation, isAppError, type ProblemDetail } from '../domain/index.js';
import { openRolebook, type Rolebook } from '../services/index.js';

export interface GlobalOptions {
  database?: string;
}

/** Details of an error listed under its message; the rest are counted. */
const DETAILS_SHOWN = 50;

const detailLine = (detail: ProblemDetail): string => {
  const where = formatLocation(detail);
  return `${where ? `${where}: ` : ''}${detail.message}`;
};

/** Prints an error the way every command does, and returns the exit code to use. */
export const reportError = (error: unknown): number => {
  if (isAppError(error)) {
    process.stderr.write(`rolebook: ${error.message}\n`);
    // A lone detail usually is the message itself, already printed, at most after its file or
    // with its field as the sentence's subject.
    const [only] = error.details;
    const said =
      error.details.length === 1 &&
      [
        only!.message,
        `${only!.file}: ${only!.message}`,
        `${only!.field} ${only!.message}`,
        detailLine(only!),
      ].includes(error.message);
    const details = said ? [] : error.details;
    for (const detail of details.slice(0, DETAILS_SHOWN)) {
      process.stderr.write(`  ${detailLine(detail)}\n`);
    }
    if (details.length > DETAILS_SHOWN) {
      process.stderr.write(`  … and ${details.length - DETAILS_SHOWN} more\n`);
    }
    return error.exitCode;
  }
  process.stderr.write(`rolebook: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
};

interface RunOptions {
  /** Settings given on the command line, over those of the environment. */
  overrides?: ConfigOverrides;
  /**
   * What must hold for the command to run, checked before the store is opened: opening may
   * create, migrate and seed a new database, which a command refused then would leave behind.
   */
  check?: (config: Config) => Promise<void>;
  /** Run analyses on a worker thread (a server, whose other requests must not wait for them). */
  analysisThread?: boolean;
}

/** A database URL as it may be printed: without its password. */
const shownDatabase = (database: string): string => {
  if (!/^postgres(?:ql)?:\/\//i.test(database)) return database;
  const url = new URL(database);
  url.password = '';
  return url.toString();
};

/**
 * Opens the store, saying where and why when the database cannot be reached: the operator at
 * the command line is who must fix the address (a server's client hears only that it is down).
 */
const openFor = async (config: Config, analysisThread: boolean): Promise<Rolebook> => {
  try {
    return await openRolebook({
      database: config.database,
      contentDir: config.contentDir,
      analysisThread,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'unavailable') throw error;
    const cause = error.cause as NodeJS.ErrnoException | undefined;
    // A socket's errno says it all; a server's refusal says more in its words than its SQLSTATE.
    const why = (cause?.code?.startsWith('E') ? cause.code : cause?.message) ?? 'no answer';
    throw new AppError(
      'unavailable',
      `Cannot reach the database at ${shownDatabase(config.database)}: ${why}.`,
    );
  }
};

/**
 * Runs a command body with the configuration and an open store, closes the store, and turns
 * failures into a message on stderr and a non-zero exit code.
 */
export const withRolebook = async (
  global: GlobalOptions,
  body: (rolebook: Rolebook, config: Config) => Promise<void>,
  { overrides = {}, check, analysisThread = false }: RunOptions = {},
): Promise<void> => {
  let rolebook: Rolebook | undefined;
  try {
    const config = loadConfig(process.env, {
      ...overrides,
      ...(global.database ? { database: global.database } : {}),
    });
    await check?.(config);
    rolebook = await openFor(config, analysisThread);
    await body(rolebook, config);
  } catch (error) {
    process.exitCode = reportError(error);
  } finally {
    await rolebook?.close();
  }
};
