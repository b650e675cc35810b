import { BUILT_IN_TAXONOMY } from '../domain/index.js';
import type { RoleRef } from '../services/index.js';

/**
 * A role as a command names it: `code`, or `taxonomy/code` when the part before the first slash
 * is a taxonomy id (ESCO codes are URIs, `http://…`, whose scheme has a colon no taxonomy id has).
 */
export const roleRef = (role: string, taxonomy: string | undefined): RoleRef => {
  if (taxonomy) return { taxonomy, code: role };
  const qualified = /^([a-z][a-z0-9-]*)\/(.+)$/.exec(role);
  return qualified
    ? { taxonomy: qualified[1]!, code: qualified[2]! }
    : { taxonomy: BUILT_IN_TAXONOMY, code: role };
};
