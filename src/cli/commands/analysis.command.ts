import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import type { TextFormat } from '../../analysis/index.js';
import { unreadableFile } from '../../domain/index.js';
import { analyzeText, diagnoseProblems } from '../../services/index.js';
import { formatAnalysis, formatDiagnosis } from '../format-analysis.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

const readInput = async (file: string): Promise<string> => {
  if (file === '-') return text(process.stdin);
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw unreadableFile(file, error);
  });
};

const formatOfFile = (file: string): TextFormat | undefined => {
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.html?$/i.test(file)) return 'html';
  return undefined;
};

export const registerAnalysis = (program: Command): void => {
  program
    .command('analyze <file>')
    .description('analyze a job description (a file, or - for stdin): roles, terms, gaps')
    .option('--format <format>', 'text, markdown or html (default: from the file name)')
    .option('--json', 'print the analysis as JSON')
    .action(async (file: string, flags: { format?: TextFormat; json?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook) => {
        const format = flags.format ?? formatOfFile(file);
        const analysis = await analyzeText(rolebook.ctx, {
          text: await readInput(file),
          ...(format ? { format } : {}),
        });
        process.stdout.write(
          flags.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis),
        );
      });
    });
  program
    .command('diagnose <problems>')
    .description('which role do I need? describe the problems in plain words (- for stdin)')
    .option('--json', 'print the diagnosis as JSON')
    .action(async (problems: string, flags: { json?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook) => {
        // A lone dash is stdin, as for analyze: no one's problem is a dash.
        const text = problems === '-' ? await readInput('-') : problems;
        const diagnosis = await diagnoseProblems(rolebook.ctx, { text });
        process.stdout.write(
          flags.json ? `${JSON.stringify(diagnosis, null, 2)}\n` : formatDiagnosis(diagnosis),
        );
      });
    });
};
