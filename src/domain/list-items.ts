import { Type, type TSchema } from 'typebox';

/**
 * What makes two items of a list the same, named on the list's schema as `x-same-item` (an
 * OpenAPI extension, so clients can read it too):
 * - `text`: the same words whatever their case, as titles and sentences are read;
 * - `exact`: the same characters, as codes, slugs and URLs are;
 * - `abbreviation`, `alias`: the same written form of a term as the term spotter tells them
 *   apart, by case only where it matches that form with its case (see `formMatchesCase`).
 */
export type SameItem = 'text' | 'exact' | 'abbreviation' | 'alias';

const SAME_ITEM = 'x-same-item';
const ITEM_KEY = 'x-item-key';

const sameItemWords: Record<SameItem, string> = {
  text: 'whatever their case',
  exact: 'as written',
  abbreviation:
    'whatever their case, unless the term is case-sensitive or the item has at most three letters',
  alias:
    'whatever their case, unless the term is case-sensitive or the item has at most two letters',
};

const letterCount = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;

/**
 * Whether a term's form is matched only with the case it is written in: every form of a
 * case-sensitive term, and forms too short to tell from ordinary letters without it (an
 * abbreviation of up to three letters, any form of up to two).
 */
export const formMatchesCase = (
  caseSensitive: boolean,
  written: string,
  source: 'name' | 'abbreviation' | 'alias',
): boolean => {
  const letters = letterCount(written);
  return caseSensitive || letters <= 2 || (source === 'abbreviation' && letters <= 3);
};

/** Leading, trailing, repeated and no-break spaces in an item mean nothing: one plain space. */
const collapseSpaces = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * What a title, a sentence or a name is the same item as in a list: its words whatever their
 * case and spacing. Sources read in bulk key their lists by it to keep the first of a repeat.
 */
export const sameTextKey = (s: string): string => collapseSpaces(s).toLowerCase();

/**
 * A list whose items have their spaces collapsed on input and may not repeat: object items
 * are compared by the fields `key` names.
 */
export const distinctList = <T extends TSchema>(
  item: T,
  options: { maxItems: number; same: SameItem; key?: readonly string[]; description?: string },
) => {
  const { maxItems, same, key, description } = options;
  const by = key ? ` by ${key.join(' and ')},` : '';
  const rule = `Spaces in each item are collapsed; an item may not repeat another (compared${by} ${sameItemWords[same]}).`;
  return Type.Array(item, {
    maxItems,
    [SAME_ITEM]: same,
    ...(key ? { [ITEM_KEY]: key } : {}),
    description: description ? `${description} ${rule}` : rule,
  });
};

interface ListSchema {
  [SAME_ITEM]?: SameItem;
  [ITEM_KEY]?: readonly string[];
  properties?: Record<string, TSchema>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each of a schema's distinct lists found in a value, with the object that holds it. */
const listsIn = function* (
  schema: TSchema,
  value: unknown,
  path: string,
  holder: Record<string, unknown> | undefined,
): Generator<{
  list: unknown[];
  schema: ListSchema;
  path: string;
  holder?: Record<string, unknown>;
}> {
  const shape = schema as ListSchema;
  if (Array.isArray(value)) {
    if (shape[SAME_ITEM] !== undefined) yield { list: value, schema: shape, path, holder };
    return;
  }
  if (!isRecord(value) || !shape.properties) return;
  for (const [name, property] of Object.entries(shape.properties)) {
    if (Object.hasOwn(value, name)) {
      yield* listsIn(property, value[name], path ? `${path}/${name}` : `/${name}`, value);
    }
  }
};

/** Collapses the spaces of every item of the schema's distinct lists in the value, in place. */
export const collapseListItems = (schema: TSchema, value: unknown): void => {
  for (const { list } of listsIn(schema, value, '', undefined)) {
    list.forEach((item, i) => {
      if (typeof item === 'string') list[i] = collapseSpaces(item);
      else if (isRecord(item)) {
        for (const [field, text] of Object.entries(item)) {
          if (typeof text === 'string') item[field] = collapseSpaces(text);
        }
      }
    });
  }
};

/** A repeated item: where it is, and the index of the earlier item it repeats. */
interface RepeatedItem {
  /** A JSON pointer to the item. */
  path: string;
  earlier: number;
  /** The earlier item, as written. */
  shown: string;
}

const itemKey = (
  item: unknown,
  schema: ListSchema,
  holder: Record<string, unknown> | undefined,
): string | undefined => {
  const parts = schema[ITEM_KEY]
    ? isRecord(item)
      ? schema[ITEM_KEY].map((field) => item[field])
      : []
    : [item];
  if (!parts.every((part) => typeof part === 'string')) return undefined;
  const written = parts.join('\u0000');
  const same = schema[SAME_ITEM]!;
  if (same === 'exact') return written;
  if (same !== 'text' && formMatchesCase(holder?.caseSensitive === true, written, same)) {
    return written;
  }
  return sameTextKey(written);
};

/** Every item of the schema's distinct lists in the value that repeats an earlier one. */
export const repeatedListItems = (schema: TSchema, value: unknown): RepeatedItem[] => {
  const repeats: RepeatedItem[] = [];
  for (const { list, schema: listSchema, path, holder } of listsIn(schema, value, '', undefined)) {
    const firsts = new Map<string, number>();
    list.forEach((item, i) => {
      const key = itemKey(item, listSchema, holder);
      if (key === undefined) return;
      const earlier = firsts.get(key);
      if (earlier === undefined) firsts.set(key, i);
      else {
        const first = list[earlier];
        const shown =
          listSchema[ITEM_KEY] && isRecord(first)
            ? listSchema[ITEM_KEY].map((field) => String(first[field])).join(' ')
            : String(first);
        repeats.push({ path: `${path}/${i}`, earlier, shown });
      }
    });
  }
  return repeats;
};
