import { constants, createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { Type } from 'typebox';
import {
  AppError,
  limits,
  NormalizeOptionsSchema,
  parse,
  unreadableFile,
} from '../../domain/index.js';
import { Readable } from 'node:stream';
import {
  TITLE_COLUMN_RULE,
  normalizeCsvOnce,
  skippedLinesNote,
  normalizeStream,
  readLines,
  requireTaxonomy,
  titleIndexSnapshot,
  type NormalizeOptions,
} from '../../services/index.js';
import { progressBar } from '../progress.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

interface NormalizeFlags {
  taxonomy?: string;
  top?: number | string;
  minScore?: number | string;
  file?: string;
  workers?: number | string;
  format: string;
  column?: string;
}

const FORMATS = ['ndjson', 'csv'];

/** The flags the API also takes, checked by the API's own schema, and the threads to use. */
const { taxonomy, top, minScore } = NormalizeOptionsSchema.properties;
const FlagsSchema = Type.Object({
  '--taxonomy': taxonomy,
  '--top': top,
  '--min-score': minScore,
  '--workers': Type.Optional(Type.Integer({ minimum: 1, maximum: limits.normalizeWorkers })),
});

/** A number as typed; anything else stays text, for the schema to refuse by name. */
const numberFlag = (value: string): number | string =>
  value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

const writeOut = async (chunk: string): Promise<void> => {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
};

export const registerNormalize = (program: Command): void => {
  program
    .command('normalize')
    .description(
      'normalize the titles given, or one title per line of stdin or --file; one JSON result per line, in input order',
    )
    .argument('[titles...]', 'titles to normalize (each quoted), instead of stdin or --file')
    .option('-t, --taxonomy <taxonomy>', 'only roles of this taxonomy')
    .option('-k, --top <k>', 'candidates per title (default 5)', numberFlag)
    .option('--min-score <score>', 'leave out candidates below this score (0..1)', numberFlag)
    .option('-f, --file <file>', 'read titles from this file instead of stdin')
    .option(
      '-w, --workers <n>',
      `worker threads, 1 to ${limits.normalizeWorkers} (default: one per idle core, up to ${limits.normalizeWorkers})`,
      numberFlag,
    )
    .option(
      '--format <format>',
      'ndjson: a title per line in, JSON lines out; csv: CSV with a header in, the same rows with result columns out',
      'ndjson',
    )
    .option(
      '--column <name>',
      `with --format csv: the column holding the titles, by header or position (default: ${TITLE_COLUMN_RULE})`,
    )
    .action(async (titles: string[], flags: NormalizeFlags) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook) => {
        if (!FORMATS.includes(flags.format)) {
          throw new AppError(
            'bad_request',
            `--format must be one of ${FORMATS.join(', ')}, not "${flags.format}"`,
            [{ field: 'format', message: `unknown format ${flags.format}` }],
          );
        }
        if (titles.length > 0 && (flags.file || flags.format !== 'ndjson')) {
          throw new AppError(
            'bad_request',
            'Give titles as arguments, or read them with --file or --format csv, not both',
            [{ field: 'titles', message: 'titles given with --file or --format csv' }],
          );
        }
        const checked = parse(FlagsSchema, {
          ...(flags.taxonomy !== undefined ? { '--taxonomy': flags.taxonomy } : {}),
          ...(flags.top !== undefined ? { '--top': flags.top } : {}),
          ...(flags.minScore !== undefined ? { '--min-score': flags.minScore } : {}),
          ...(flags.workers !== undefined ? { '--workers': flags.workers } : {}),
        });
        const workers = checked['--workers'];
        const options: NormalizeOptions = {
          ...(checked['--taxonomy'] ? { taxonomy: checked['--taxonomy'] } : {}),
          ...(checked['--top'] !== undefined ? { top: checked['--top'] } : {}),
          ...(checked['--min-score'] !== undefined ? { minScore: checked['--min-score'] } : {}),
        };
        if (flags.file) {
          const file = flags.file;
          await access(file, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
            throw unreadableFile(file, error);
          });
          // A pipe or a device (/dev/stdin) reads as a file does; a folder does not.
          if ((await stat(file)).isDirectory()) throw unreadableFile(file, { code: 'EISDIR' });
        }
        await requireTaxonomy(rolebook.ctx, options);
        const input: Readable =
          titles.length > 0
            ? Readable.from([`${titles.join('\n')}\n`])
            : flags.file
              ? createReadStream(flags.file)
              : process.stdin;
        if (flags.format === 'csv') {
          // One index on this thread: CSV rows carry their other cells, kept in order here.
          const { skipped, rows } = await normalizeCsvOnce(
            rolebook.ctx,
            input,
            flags.column,
            options,
            flags.file ?? 'standard input',
          );
          const note = skippedLinesNote(skipped);
          if (note !== undefined) process.stderr.write(`${flags.file ?? 'stdin'}: ${note}\n`);
          let step = await rows.next();
          for (; step.done !== true; step = await rows.next()) await writeOut(step.value);
          // The rows also say so in the output, but a script sees only the exit code.
          const unread = step.value;
          if (unread.length > 0) {
            const file = flags.file ?? 'stdin';
            throw new AppError(
              'validation_failed',
              `${file}: ${unread.length} row(s) of the CSV could not be read, so the output is not the whole file`,
              unread.map((message) => ({ file, message })),
            );
          }
          return;
        }
        const lines = readLines(input);
        const progress = progressBar('normalize');
        try {
          await normalizeStream(() => titleIndexSnapshot(rolebook.ctx), lines, writeOut, {
            options,
            ...(workers ? { workers } : {}),
            onProgress: (done) => progress.update(done),
          });
        } finally {
          progress.stop();
        }
      });
    });
};
