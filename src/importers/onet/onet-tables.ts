import { limits, type Technology } from '../../domain/index.js';
import { type ColumnSpecs, type TableRow, type TableSpec } from '../release/index.js';

/** A published O*NET file: its name, its columns, and what one of its rows says. */
export interface OnetTable<C extends ColumnSpecs, T> {
  file: string;
  /** Optional files may be absent from a release; their roles simply lack that part. */
  optional: boolean;
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
  optional: false,
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
  optional: false,
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
  optional: false,
  spec: { dialect: 'tsv', columns: taskColumns },
  item: (row) => ({ code: socCode(row, 'code'), task: nonEmpty(row, 'task') }),
};

const technologyColumns = {
  code: codeColumn,
  example: { header: 'Example', maxLength: limits.name },
  category: { header: 'Commodity Title', maxLength: limits.name, optional: true },
  hot: { header: 'Hot Technology', maxLength: 10 },
} as const;

export const technologyTable: OnetTable<
  typeof technologyColumns,
  Coded & { technology: Technology }
> = {
  file: 'Technology Skills.txt',
  optional: false,
  spec: { dialect: 'tsv', columns: technologyColumns },
  item: (row) => {
    const { category, hot } = row.values;
    if (hot !== 'Y' && hot !== 'N') {
      throw row.fail('hot', `must be Y or N, not "${hot}"`);
    }
    return {
      code: socCode(row, 'code'),
      technology: {
        name: nonEmpty(row, 'example'),
        ...(present(category) ? { category } : {}),
        hot: hot === 'Y',
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
  optional: true,
  spec: { dialect: 'tsv', columns: relatedColumns },
  item: (row) => ({ code: socCode(row, 'code'), related: socCode(row, 'related') }),
};
