import { RoleContentSchema, sameTextKey, type RoleContent } from '../../domain/index.js';

type ListField = {
  [K in keyof RoleContent]-?: RoleContent[K] extends unknown[] ? K : never;
}[keyof RoleContent];

/**
 * The most items a role's list may hold, read from the domain schema so importers cut lists
 * exactly where validation would refuse them.
 * @example listLimit('alternativeTitles') // 2000
 */
export const listLimit = (field: ListField): number => {
  const schema = RoleContentSchema.properties[field] as { maxItems?: number };
  return schema.maxItems ?? Number.POSITIVE_INFINITY;
};

/** Drops later items whose key is the same text as one already seen, as a list may not repeat. */
export const uniqueBy = <T>(items: Iterable<T>, key: (item: T) => string): T[] => {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const k = sameTextKey(key(item));
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(item);
  }
  return kept;
};
