import {
  isAppError,
  parse,
  PackSchema,
  validationError,
  type Pack,
  type ProblemLocation,
} from '../domain/index.js';
import { allTerms, iterateRoles, listDrafts, listRoles, listTaxonomies } from '../store/index.js';
import { now, type Actor, type ServiceContext } from './context.js';
import { applyImport, type ImportReport } from './import.service.js';

/**
 * The published library as one pack: taxonomies, terms and the published roles with their
 * versions. A role never published stays in its store, as a pending draft does: a pack is
 * meant for publishing elsewhere, and work in progress is this store's.
 */
export const exportPack = async (ctx: ServiceContext): Promise<Pack> => {
  const roles: Pack['roles'] = [];
  for await (const role of iterateRoles(ctx.store.db)) {
    if (role.status === 'published') roles.push(role);
  }
  return {
    format: 'rolebook-pack',
    formatVersion: 1,
    exportedAt: now(ctx),
    taxonomies: await listTaxonomies(ctx.store.db),
    terms: await allTerms(ctx.store.db),
    roles,
  };
};

/**
 * How many pending drafts the store holds. A pack carries published versions only: drafts are
 * work in progress on this store, so an export leaves them out and an import neither brings nor
 * removes any; each side says so with this count.
 */
export const countPendingDrafts = async (ctx: ServiceContext): Promise<number> =>
  (await listDrafts(ctx.store.db, { newRoles: false, limit: 1, offset: 0 })).total;

const textOf = (entry: unknown, key: string): string | undefined => {
  const value =
    typeof entry === 'object' && entry !== null
      ? (entry as Record<string, unknown>)[key]
      : undefined;
  return typeof value === 'string' ? value : undefined;
};

/** How people know an entry of a pack, from what it says of itself, when it says it. */
const entryName = (list: string, entry: unknown): string | undefined => {
  if (list === 'roles') {
    const taxonomy = textOf(entry, 'taxonomy');
    const code = textOf(entry, 'code');
    return taxonomy && code ? `role ${taxonomy}/${code}` : undefined;
  }
  if (list === 'terms') {
    const slug = textOf(entry, 'slug');
    return slug ? `term ${slug}` : undefined;
  }
  const id = textOf(entry, 'id');
  return id ? `taxonomy ${id}` : undefined;
};

const ENTRY_FIELD = /^(roles|terms|taxonomies)\.(\d+)(?:\.(.+))?$/;

/** A field path as written in JavaScript: `skills.0.name` → `skills[0].name`. */
const jsPath = (field: string): string => field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

/**
 * A pack's schema problem, naming the entry at fault by its code or slug and its place in the
 * list, and the field inside it: `role rolebook/x (roles[40]): skills[0].name must be text`.
 * JSON.parse keeps no positions, so no line is given: finding one would take a parser of our
 * own over a pack of tens of megabytes, and the entry's code finds it as well.
 */
const packProblem = (document: unknown, field: string, message: string): string => {
  const [, list, index, inside] = ENTRY_FIELD.exec(field) ?? [];
  const problem = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  if (list === undefined || index === undefined) return `${jsPath(field)} ${problem}`;
  const entries = (document as Record<string, unknown>)[list];
  const entry = Array.isArray(entries) ? (entries[Number(index)] as unknown) : undefined;
  const place = `${list}[${index}]`;
  const name = entryName(list, entry);
  const subject = name ? `${name} (${place})` : place;
  return inside === undefined
    ? `${subject} ${problem}`
    : `${subject}: ${jsPath(inside)} ${problem}`;
};

/** How many roles were never published, which an export leaves out (see exportPack). */
export const countUnpublishedRoles = async (ctx: ServiceContext): Promise<number> =>
  (await listRoles(ctx.store.db, { status: 'draft', limit: 1, offset: 0 })).total;

/** Reads a pack (checked whole before anything is written) and imports it in one transaction. */
export const importPack = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  document: unknown,
  options: { dryRun?: boolean; where?: ProblemLocation } = {},
): Promise<ImportReport> => {
  const where = options.where ?? {};
  let pack: Pack;
  try {
    pack = parse(PackSchema, document, where);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'validation_failed') throw error;
    const details = error.details.map((detail) => ({
      ...detail,
      message: packProblem(document, detail.field ?? '', detail.message),
    }));
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    const first = details[0]?.message ?? error.message;
    throw validationError(
      `${where.file === undefined ? '' : `${where.file}: `}${first}${more}`,
      details,
    );
  }
  return applyImport(
    ctx,
    actor,
    {
      source: options.where?.file ?? 'pack',
      taxonomies: pack.taxonomies,
      terms: pack.terms.map(({ slug, version, createdAt, updatedAt, ...content }) => ({
        slug,
        content,
        version,
        createdAt,
        updatedAt,
      })),
      roles: pack.roles.map(({ taxonomy, code, version, createdAt, updatedAt, ...content }) => ({
        taxonomy,
        code,
        content,
        version,
        createdAt,
        updatedAt,
      })),
    },
    options,
  );
};
