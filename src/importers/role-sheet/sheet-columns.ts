/** The role fields a company's job architecture sheet can fill. */
export type SheetField = 'code' | 'title' | 'alternativeTitles' | 'summary';

/**
 * Headers HR systems and spreadsheets use for each field, compared folded: case, spaces and
 * punctuation aside, so "Job Code", "job_code" and "JOB-CODE" are one header.
 */
const SYNONYMS: Readonly<Record<SheetField, readonly string[]>> = {
  code: ['job code', 'role code', 'id', 'code'],
  title: ['job title', 'role title', 'title', 'name', 'role', 'job'],
  alternativeTitles: ['alternative titles', 'alternate titles', 'aliases', 'also known as', 'aka'],
  summary: ['description', 'job description', 'summary', 'purpose', 'job purpose'],
};

const REQUIRED: readonly SheetField[] = ['code', 'title'];

/** A header as compared: letters and digits only, lower case. */
const folded = (header: string): string => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const fieldOfHeader = new Map<string, SheetField>(
  (Object.entries(SYNONYMS) as [SheetField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [folded(name), field] as const),
  ),
);

export interface SheetColumns {
  /** Index of each field's column; a field the sheet lacks is absent. */
  positions: Partial<Record<SheetField, number>>;
  /** The header of each field's column, as the sheet writes it, to name it in a problem. */
  headers: Partial<Record<SheetField, string>>;
  /** Headers no field takes, such as Job Family or Level: the role model has no place for them. */
  ignored: string[];
}

/** The required fields the header row has no column for. */
export const missingFields = (columns: SheetColumns): SheetField[] =>
  REQUIRED.filter((field) => columns.positions[field] === undefined);

/**
 * Finds each field's column in a header row; the first column a field's synonyms name takes it,
 * and a later one naming the same field is ignored like any other unknown column.
 * @example sheetColumns(['Job Code', 'Job Title', 'Level']).ignored // ['Level']
 */
export const sheetColumns = (header: readonly string[]): SheetColumns => {
  const columns: SheetColumns = { positions: {}, headers: {}, ignored: [] };
  header.forEach((raw, index) => {
    const name = raw.trim();
    const field = fieldOfHeader.get(folded(name));
    if (field === undefined || columns.positions[field] !== undefined) {
      if (name !== '') columns.ignored.push(name);
      return;
    }
    columns.positions[field] = index;
    columns.headers[field] = name;
  });
  return columns;
};
