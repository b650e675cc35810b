import type { ImportReport, Tally } from '../services/index.js';

const line = (label: string, t: Tally) =>
  `${label.padEnd(11)} ${t.added} added, ${t.changed} changed, ${t.unchanged} unchanged, ${t.removed} removed`;

/** The summary every import ends with. */
export const formatImportReport = (report: ImportReport): string =>
  [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'} from ${report.source}`,
    line('taxonomies', report.taxonomies),
    line('terms', report.terms),
    line('roles', report.roles),
  ].join('\n') + '\n';
