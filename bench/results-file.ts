import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = join(import.meta.dirname, 'RESULTS.md');

/**
 * Replaces the section of bench/RESULTS.md that starts with `heading` (a `## ` line) up to the
 * next `## ` heading, or appends it; every other section is left as it was.
 */
export const writeResultsSection = (heading: string, section: string): void => {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(`${heading}\n`);
  if (start === -1) {
    writeFileSync(RESULTS, `${current.trimEnd()}\n\n${section.trimEnd()}\n`);
  } else {
    const next = current.indexOf('\n## ', start + 1);
    const rest = next === -1 ? '' : `\n${current.slice(next + 1)}`;
    writeFileSync(RESULTS, `${current.slice(0, start)}${section.trimEnd()}\n${rest}`);
  }
  process.stderr.write(`Written to ${RESULTS}\n`);
};
