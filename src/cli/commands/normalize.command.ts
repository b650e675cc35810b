import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { AppError } from '../../domain/index.js';
import {
  normalizeStream,
  publishedTitleSources,
  readLines,
  type NormalizeOptions,
} from '../../services/index.js';
import { progressBar } from '../progress.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface NormalizeFlags {
  taxonomy?: string;
  top?: number;
  minScore?: number;
  file?: string;
  workers?: number;
}

const writeOut = async (chunk: string): Promise<void> => {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
};

export const registerNormalize = (program: Command): void => {
  program
    .command('normalize')
    .description(
      'read one title per line (stdin or --file), write one JSON result per line in input order',
    )
    .option('-t, --taxonomy <taxonomy>', 'only roles of this taxonomy')
    .option('-k, --top <k>', 'candidates per title (default 5)', (v) => Number(v))
    .option('--min-score <score>', 'leave out candidates below this score (0..1)', (v) => Number(v))
    .option('-f, --file <file>', 'read titles from this file instead of stdin')
    .option('-w, --workers <n>', 'worker threads (default: one per core)', (v) => Number(v))
    .action(async (flags: NormalizeFlags) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook) => {
        const options: NormalizeOptions = {
          ...(flags.taxonomy ? { taxonomy: flags.taxonomy } : {}),
          ...(flags.top !== undefined ? { top: flags.top } : {}),
          ...(flags.minScore !== undefined ? { minScore: flags.minScore } : {}),
        };
        if (flags.file) {
          const file = flags.file;
          await access(file).catch((error: NodeJS.ErrnoException) => {
            throw new AppError(
              'bad_request',
              `Cannot read ${file}: ${error.code ?? error.message}`,
              [{ file, message: error.message }],
            );
          });
        }
        const input = flags.file ? createReadStream(flags.file) : process.stdin;
        const lines = readLines(input);
        const progress = progressBar('normalize');
        try {
          await normalizeStream(await publishedTitleSources(rolebook.ctx), lines, writeOut, {
            options,
            ...(flags.workers ? { workers: flags.workers } : {}),
            onProgress: (done) => progress.update(done),
          });
        } finally {
          progress.stop();
        }
      });
    });
};
