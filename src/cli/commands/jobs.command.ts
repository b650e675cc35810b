import { createReadStream, createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import {
  cancelJob,
  cliActor,
  everyItem,
  getJob,
  jobResult,
  listJobs,
  submitJob,
  type JobFormat,
  type JobView,
  type ResultFormat,
} from '../../services/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

/** How a file's lines are read, by its extension: as the API reads them by their media type. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, JobFormat>> = {
  '.csv': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

const resultFormatOption = (value: string): ResultFormat => {
  if (value === 'ndjson' || value === 'csv') return value;
  const refusal = new InvalidArgumentError(`--format takes ndjson or csv; "${value}" is neither.`);
  refusal.exitCode = 2;
  throw refusal;
};

const printJob = (job: JobView): void => {
  process.stdout.write(`${JSON.stringify(job)}\n`);
};

/*
 * Bulk normalize jobs in the local database, through the services the API uses. The command
 * line submits and reads; a running server (`rolebook serve`) answers the queued jobs.
 */
export const registerJobs = (program: Command): void => {
  const jobs = program
    .command('jobs')
    .description('bulk normalize jobs: submit titles, follow them, fetch their answers');
  const run = (body: Parameters<typeof withRolebook>[1]) =>
    withRolebook(program.opts<GlobalOptions>(), body);

  jobs
    .command('submit <file>')
    .description(
      'queue the titles of FILE (.csv with a header row, .ndjson or .jsonl, else one title a line) for a running server to answer; prints the job',
    )
    .option('--taxonomy <taxonomy>', 'match against one taxonomy only')
    .option('--column <column>', 'a CSV file: the title column, by header or position')
    .action(async (file: string, options: { taxonomy?: string; column?: string }) => {
      await run(async (rolebook, config) => {
        const job = await submitJob(
          rolebook.ctx,
          cliActor(config.user),
          {
            body: createReadStream(file),
            format: FORMAT_BY_EXTENSION[extname(file).toLowerCase()] ?? 'text',
            options: options.taxonomy === undefined ? {} : { taxonomy: options.taxonomy },
            column: options.column,
          },
          config.limits,
        );
        printJob(job);
      });
    });

  jobs
    .command('status <id>')
    .description("print a job's state and counts as JSON")
    .action(async (id: string) => {
      await run(async (rolebook, config) => {
        printJob(await getJob(rolebook.ctx, cliActor(config.user), id));
      });
    });

  jobs
    .command('result <id>')
    .description("write a finished job's answers, one per input line, in input order")
    .option('-o, --output <file>', 'write to FILE instead of standard output')
    .option(
      '--format <format>',
      'ndjson or csv (default: csv for a CSV upload, else ndjson)',
      resultFormatOption,
    )
    .action(async (id: string, options: { output?: string; format?: ResultFormat }) => {
      await run(async (rolebook, config) => {
        const actor = cliActor(config.user);
        const { format } = await getJob(rolebook.ctx, actor, id);
        const result = await jobResult(
          rolebook.ctx,
          actor,
          id,
          options.format ?? (format === 'csv' ? 'csv' : 'ndjson'),
        );
        const out =
          options.output === undefined ? process.stdout : createWriteStream(options.output);
        await pipeline(Readable.from(result.text), out, { end: options.output !== undefined });
      });
    });

  jobs
    .command('cancel <id>')
    .description('cancel a job that is waiting or running')
    .action(async (id: string) => {
      await run(async (rolebook, config) => {
        printJob(await cancelJob(rolebook.ctx, cliActor(config.user), id, config.limits));
      });
    });

  jobs
    .command('list')
    .description('list the jobs of this database, newest first, one JSON line each')
    .action(async () => {
      await run(async (rolebook, config) => {
        const actor = cliActor(config.user);
        for (const job of await everyItem((page) => listJobs(rolebook.ctx, actor, page))) {
          printJob(job);
        }
      });
    });
};
