import { limits, type Technology } from '../../domain/index.js';
import {
  type ColumnSpecs,
  type KeptField,
  type TableRow,
  type TableSpec,
} from '../release/index.js';

/** A published O*NET file: its name, its columns, and what one of its rows says. */
export interface OnetTable<C extends ColumnSpecs, T> {
  file: string;
  /**
   * The part of a role the file gives; absent for the occupations file, which every release
   * has. A release without one of the others leaves that part of stored roles as it is.
   */
  part?: KeptField;
  spec: TableSpec<C>;
  /** Checks and converts one row; throws `import_failed` at the bad cell. */
  item(row: TableRow<C>): T;
}

export interface Coded {
  code: string;
}

const SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

const codeColumn = { header: 'O*NET-SOC Code', maxLength: 10 } as const;

const socCode = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): string => {
  const code = row.values[column] ?? '';
  if (!SOC_CODE.test(code)) {
    throw row.fail(column, `"${code}" is not an O*NET-SOC code (like 15-1252.00)`);
  }
  return code;
};

const nonEmpty = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): string => {
  const value = row.values[column];
  if (!value) throw row.fail(column, 'the value is empty');
  return value;
};

/** O*NET writes "n/a" where a row has no value. */
const present = (value: string | undefined): value is string =>
  value !== undefined && value !== '' && value.toLowerCase() !== 'n/a';

const occupationColumns = {
  code: codeColumn,
  title: { header: 'Title', maxLength: limits.name },
  description: { header: 'Description', maxLength: limits.longText },
} as const;

export const occupationTable: OnetTable<
  typeof occupationColumns,
  Coded & { title: string; description: string }
> = {
  file: 'Occupation Data.txt',
  spec: { dialect: 'tsv', columns: occupationColumns },
  item: (row) => ({
    code: socCode(row, 'code'),
    title: nonEmpty(row, 'title'),
    description: row.values.description,
  }),
};

const alternateTitleColumns = {
  code: codeColumn,
  title: { header: 'Alternate Title', maxLength: limits.title },
  shortTitle: { header: 'Short Title', maxLength: limits.title, optional: true },
} as const;

export const alternateTitleTable: OnetTable<
  typeof alternateTitleColumns,
  Coded & { titles: string[] }
> = {
  file: 'Alternate Titles.txt',
  part: 'alternativeTitles',
  spec: { dialect: 'tsv', columns: alternateTitleColumns },
  item: (row) => ({
    code: socCode(row, 'code'),
    titles: [row.values.title, row.values.shortTitle].filter(present),
  }),
};

const taskColumns = {
  code: codeColumn,
  task: { header: 'Task', maxLength: limits.shortText },
} as const;

export const taskTable: OnetTable<typeof taskColumns, Coded & { task: string }> = {
  file: 'Task Statements.txt',
  part: 'responsibilities',
  spec: { dialect: 'tsv', columns: taskColumns },
  item: (row) => ({ code: socCode(row, 'code'), task: nonEmpty(row, 'task') }),
};

const technologyColumns = {
  code: codeColumn,
  example: { header: 'Example', maxLength: limits.name },
  category: { header: 'Commodity Title', maxLength: limits.name, optional: true },
  hot: { header: 'Hot Technology', maxLength: 10, optional: true },
  inDemand: { header: 'In Demand', maxLength: 10, optional: true },
} as const;

/** A Y/N flag of a column a release may not have; absent or empty says nothing. */
const flag = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): boolean | undefined => {
  const value = row.values[column];
  if (value === undefined || value === '') return undefined;
  if (value !== 'Y' && value !== 'N') throw row.fail(column, `must be Y or N, not "${value}"`);
  return value === 'Y';
};

export const technologyTable: OnetTable<
  typeof technologyColumns,
  Coded & { technology: Technology }
> = {
  file: 'Technology Skills.txt',
  part: 'technologies',
  spec: { dialect: 'tsv', columns: technologyColumns },
  item: (row) => {
    const { category } = row.values;
    const hot = flag(row, 'hot');
    const inDemand = flag(row, 'inDemand');
    return {
      code: socCode(row, 'code'),
      technology: {
        name: nonEmpty(row, 'example'),
        ...(present(category) ? { category } : {}),
        ...(hot === undefined ? {} : { hot }),
        ...(inDemand === undefined ? {} : { inDemand }),
      },
    };
  },
};

const toolsAndTechnologyColumns = {
  code: codeColumn,
  type: { header: 'T2 Type', maxLength: 20 },
  example: { header: 'T2 Example', maxLength: limits.name },
  category: { header: 'Commodity Title', maxLength: limits.name, optional: true },
  hot: { header: 'Hot Technology', maxLength: 10, optional: true },
} as const;

/**
 * The file releases before 23.2 have in place of Technology Skills: tools and technologies in
 * one list, told apart by `T2 Type`. Only its technologies are read; a tool is equipment
 * (a laptop, a barcode reader), which a role's technologies do not hold.
 */
export const toolsAndTechnologyTable: OnetTable<
  typeof toolsAndTechnologyColumns,
  Coded & { technology?: Technology }
> = {
  file: 'Tools and Technology.txt',
  part: 'technologies',
  spec: { dialect: 'tsv', columns: toolsAndTechnologyColumns },
  item: (row) => {
    const code = socCode(row, 'code');
    const { type, category } = row.values;
    if (type !== 'Technology') return { code };
    const hot = flag(row, 'hot');
    return {
      code,
      technology: {
        name: nonEmpty(row, 'example'),
        ...(present(category) ? { category } : {}),
        ...(hot === undefined ? {} : { hot }),
      },
    };
  },
};

const relatedColumns = {
  code: codeColumn,
  related: { header: 'Related O*NET-SOC Code', maxLength: 10 },
} as const;

export const relatedTable: OnetTable<typeof relatedColumns, Coded & { related: string }> = {
  file: 'Related Occupations.txt',
  part: 'relatedRoles',
  spec: { dialect: 'tsv', columns: relatedColumns },
  item: (row) => ({ code: socCode(row, 'code'), related: socCode(row, 'related') }),
};
