import { loadConfig, type Config, type ConfigOverrides } from '../config.js';
import { formatLocation, isAppError } from '../domain/index.js';
import { openRolebook, type Rolebook } from '../services/index.js';

export interface GlobalOptions {
  database?: string;
}

/** Prints an error the way every command does, and returns the exit code to use. */
export const reportError = (error: unknown): number => {
  if (isAppError(error)) {
    process.stderr.write(`rolebook: ${error.message}\n`);
    for (const detail of error.details.slice(0, 50)) {
      const where = formatLocation(detail);
      process.stderr.write(`  ${where ? `${where}: ` : ''}${detail.message}\n`);
    }
    if (error.details.length > 50)
      process.stderr.write(`  … and ${error.details.length - 50} more\n`);
    return error.exitCode;
  }
  process.stderr.write(`rolebook: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
};

/**
 * Runs a command body with the configuration and an open store, closes the store, and turns
 * failures into a message on stderr and a non-zero exit code.
 */
export const withRolebook = async (
  global: GlobalOptions,
  body: (rolebook: Rolebook, config: Config) => Promise<void>,
  overrides: ConfigOverrides = {},
): Promise<void> => {
  let rolebook: Rolebook | undefined;
  try {
    const config = loadConfig(process.env, {
      ...overrides,
      ...(global.database ? { database: global.database } : {}),
    });
    rolebook = await openRolebook({ database: config.database, contentDir: config.contentDir });
    await body(rolebook, config);
  } catch (error) {
    process.exitCode = reportError(error);
  } finally {
    await rolebook?.close();
  }
};
