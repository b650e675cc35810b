import type { ImportReport, Tally } from '../services/index.js';

const line = (label: string, t: Tally) =>
  `${label.padEnd(11)} ${t.added} added, ${t.changed} changed, ${t.unchanged} unchanged, ${t.removed} removed`;

/**
 * The summary every import ends with. `verbose` names every role added, changed or removed;
 * otherwise a removal is only counted, with how to see which.
 */
export const formatImportReport = (report: ImportReport, verbose = false): string => {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'} from ${report.source}`,
    line('taxonomies', report.taxonomies),
    line('terms', report.terms),
    line('roles', report.roles),
  ];
  // Said whether verbose or not: the store and the folder now differ there.
  for (const name of report.kept) lines.push(`kept ${name}, edited since the last sync`);
  if (verbose) {
    for (const [what, keys] of Object.entries(report.changes)) {
      lines.push(...keys.map((key) => `${what} ${key}`));
    }
  } else if (report.roles.removed > 0) {
    lines.push('(--verbose, or --report FILE, names the roles added, changed and removed)');
  }
  return lines.join('\n') + '\n';
};
