/** The characters a spreadsheet separates the cells of a CSV with. */
export type CsvSeparator = ',' | ';' | '\t';

/** Ties go to the comma, the CSV standard's separator. */
const SEPARATORS: readonly CsvSeparator[] = [',', '\t', ';'];

/**
 * The separator of a CSV, told from its header row: the one of comma, tab and semicolon found
 * most often outside quotes. Excel saves "CSV" with semicolons wherever the comma is the
 * decimal mark, and some exports use tabs.
 * @example separatorOf('Job Title;Department;Grade') // ';'
 */
export const separatorOf = (header: string): CsvSeparator => {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvSeparator = ',';
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
};
