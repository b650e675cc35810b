import {
  checkRoleCode,
  roleContentOf,
  roleKey,
  type Role,
  type RoleContent,
} from '../domain/index.js';
import type { LintFinding } from '../lint/index.js';
import { deleteRole, findRole, insertRole, rolesReferring, saveRole } from '../store/index.js';
import { publishBlockersOf } from './role-lint.js';
import { holdTitles, settleTitleClaims } from './title-claims.js';
import type { EntityAdapter, Reference } from './versioned-write/index.js';

export interface RoleRef {
  taxonomy: string;
  code: string;
}

/**
 * Roles to the versioned-write module: keyed `taxonomy/code`, pointing at their taxonomy, glossary
 * terms and related roles, and holding their titles where the taxonomy's titles are exclusive.
 */
export const roleAdapter: EntityAdapter<RoleRef, RoleContent, Role> = {
  kind: 'role',
  key: (ref) => roleKey(ref.taxonomy, ref.code),
  describe: (ref) => `Role ${ref.taxonomy}/${ref.code}`,
  keyTaken: (ref) => ({ field: 'code', message: `code ${ref.code} is taken in ${ref.taxonomy}` }),
  refOf: (role) => ({ taxonomy: role.taxonomy, code: role.code }),
  contentOf: roleContentOf,
  compose: (ref, content, stamps) => ({
    ...content,
    taxonomy: ref.taxonomy,
    code: ref.code,
    ...stamps,
  }),
  references: (ref, content) => [
    { field: 'taxonomy', target: { kind: 'taxonomy', id: ref.taxonomy } },
    ...content.terms.map((slug, i): Reference => ({
      field: `terms.${i}`,
      target: { kind: 'term', slug },
    })),
    ...content.relatedRoles.map((r, i): Reference =>
      r.taxonomy === ref.taxonomy && r.code === ref.code
        ? { field: `relatedRoles.${i}`, problem: 'a role cannot relate to itself' }
        : {
            field: `relatedRoles.${i}`,
            target: { kind: 'role', taxonomy: r.taxonomy, code: r.code },
          },
    ),
  ],
  isPublished: (content) => content.status === 'published',
  published: (content) => ({ ...content, status: 'published' }),
  checkKey: (ref) => checkRoleCode(ref.taxonomy, ref.code),
  publishBlockers: publishBlockersOf,
  find: (db, ref) => findRole(db, ref.taxonomy, ref.code),
  insert: insertRole,
  compareAndSet: saveRole,
  remove: (trx, ref, expectedVersion) => deleteRole(trx, ref.taxonomy, ref.code, expectedVersion),
  claim: holdTitles,
  referrers: async (db, ref) =>
    (await rolesReferring(db, ref.taxonomy, ref.code)).map((r) => ({
      field: `${r.taxonomy}/${r.code}: ${r.field}`,
      message: `role ${r.taxonomy}/${r.code} still names it in ${r.field}`,
    })),
  settleClaims: (trx, written) =>
    settleTitleClaims(
      trx,
      written.map((r) => r.taxonomy),
    ),
};

/**
 * The role adapter, keeping in `linted` what its publication check finds of each role it puts
 * before readers, so a batch that lints its taxonomy afterwards lints none of them twice.
 */
export const roleAdapterKeeping = (
  linted: Map<string, LintFinding[]>,
): EntityAdapter<RoleRef, RoleContent, Role> => ({
  ...roleAdapter,
  publishBlockers: (trx, roles) => publishBlockersOf(trx, roles, linted),
});
