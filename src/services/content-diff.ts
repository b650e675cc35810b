import { isDeepStrictEqual } from 'node:util';

/**
 * One field that differs between two versions of a role's or a term's content, each side as the
 * lines a person reads: a text is one line, a list one line per item. `removed` and `added` are
 * the lines only one side has, so a long list shows what moved rather than all of it twice.
 */
export interface FieldChange {
  field: string;
  before: string[];
  after: string[];
  removed: string[];
  added: string[];
}

type Content = Readonly<Record<string, unknown>>;

const has = (value: object, key: string): boolean =>
  (value as Record<string, unknown>)[key] !== undefined;

/** An item of a list as one line: a titled point, a link, a role reference, a named thing. */
const itemLine = (item: unknown): string => {
  if (typeof item !== 'object' || item === null) return String(item);
  const record = item as Record<string, unknown>;
  if (has(record, 'taxonomy') && has(record, 'code')) {
    return `${String(record.taxonomy)}/${String(record.code)}`;
  }
  if (has(record, 'title') && has(record, 'url')) {
    return `${String(record.title)} | ${String(record.url)}`;
  }
  if (has(record, 'title') && has(record, 'text')) {
    return `${String(record.title)}: ${String(record.text)}`;
  }
  if (has(record, 'name')) {
    const qualifier = record.importance ?? record.category;
    return typeof qualifier === 'string'
      ? `${String(record.name)} (${qualifier})`
      : String(record.name);
  }
  return JSON.stringify(item);
};

const linesOf = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(itemLine);
  if (typeof value === 'boolean') return [value ? 'yes' : 'no'];
  return [itemLine(value)];
};

const without = (lines: readonly string[], others: readonly string[]): string[] => {
  const rest = new Set(others);
  return lines.filter((line) => !rest.has(line));
};

/**
 * The fields whose values differ between `before` and `after`, in the order the content lists
 * them; a side that does not exist (before a create, after a delete) counts as empty.
 * @example diffContent({ name: 'A', terms: ['api'] }, { name: 'A', terms: ['api', 'sql'] })
 *   // [{ field: 'terms', before: ['api'], after: ['api', 'sql'], removed: [], added: ['sql'] }]
 */
export const diffContent = (before: Content | null, after: Content | null): FieldChange[] => {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  return fields.flatMap((field) => {
    const old = before?.[field];
    const now = after?.[field];
    if (isDeepStrictEqual(old, now)) return [];
    const beforeLines = linesOf(old);
    const afterLines = linesOf(now);
    return [
      {
        field,
        before: beforeLines,
        after: afterLines,
        removed: without(beforeLines, afterLines),
        added: without(afterLines, beforeLines),
      },
    ];
  });
};
