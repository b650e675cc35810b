import { limits } from '../../domain/index.js';
import type { ColumnSpecs, TableRow, TableSpec } from '../release/index.js';

/** A field of newline-separated labels (altLabels, hiddenLabels) may hold many of them. */
const LABEL_LIST = 100_000;
/**
 * What the reader takes of one label before the row is refused as unreadable; a label past the
 * domain's limit is a defect of that row only (`title`).
 */
const LABEL = 10_000;
const URI = limits.code;

const table = <C extends ColumnSpecs>(columns: C): TableSpec<C> => ({ dialect: 'csv', columns });

export const occupationColumns = table({
  uri: { header: 'conceptUri', maxLength: URI },
  iscoGroup: { header: 'iscoGroup', maxLength: 10 },
  label: { header: 'preferredLabel', maxLength: LABEL },
  altLabels: { header: 'altLabels', maxLength: LABEL_LIST },
  hiddenLabels: { header: 'hiddenLabels', maxLength: LABEL_LIST, optional: true },
  description: { header: 'description', maxLength: limits.longText },
  definition: { header: 'definition', maxLength: limits.longText, optional: true },
  code: { header: 'code', maxLength: 40, optional: true },
} as const);

export const skillColumns = table({
  uri: { header: 'conceptUri', maxLength: URI },
  label: { header: 'preferredLabel', maxLength: LABEL },
} as const);

export const relationColumns = table({
  occupation: { header: 'occupationUri', maxLength: URI },
  relation: { header: 'relationType', maxLength: 20 },
  skill: { header: 'skillUri', maxLength: URI },
} as const);

export const iscoGroupColumns = table({
  code: { header: 'code', maxLength: 10 },
  label: { header: 'preferredLabel', maxLength: limits.name },
  description: { header: 'description', maxLength: limits.longText, optional: true },
} as const);

const CONCEPT_URI = /^https?:\/\/\S+$/;

/** A concept URI is the role's code: it must be one, not free text in the wrong column. */
export const conceptUri = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): string => {
  const uri = row.values[column] ?? '';
  if (!CONCEPT_URI.test(uri)) throw row.fail(column, `"${uri}" is not a concept URI`);
  return uri;
};

export const required = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): string => {
  const value = row.values[column];
  if (!value) throw row.fail(column, 'the value is empty');
  return value;
};

/** A label that names a role or a skill: not empty, and within the domain's limit. */
export const title = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): string => {
  const value = required(row, column);
  if (value.length > limits.name) {
    throw row.fail(
      column,
      `the label "${value.slice(0, 40)}…" is ${value.length} characters long; at most ${limits.name} are accepted`,
    );
  }
  return value;
};

/**
 * Splits a field of labels, one per line, as ESCO writes altLabels and hiddenLabels; each label
 * must fit a title.
 */
export const labelsOf = <C extends ColumnSpecs>(row: TableRow<C>, column: keyof C): string[] => {
  const labels = (row.values[column] ?? '')
    .split(/\r?\n/)
    .map((label) => label.trim())
    .filter(Boolean);
  const long = labels.find((label) => label.length > limits.title);
  if (long) {
    throw row.fail(
      column,
      `the label "${long.slice(0, 40)}…" is longer than ${limits.title} characters`,
    );
  }
  return labels;
};
