import {
  AppError,
  collectTitleClaims,
  titlesAreExclusive,
  titlesClaimedTwice,
  type ProblemDetail,
  type Role,
  type TitleClaims,
} from '../domain/index.js';
import {
  listTitleClaims,
  rebuildTitleClaims,
  takeTitleClaims,
  type Database,
  type Db,
  type Transaction,
} from '../store/index.js';

/*
 * Where every path meets the rule that a title belongs to one role (`titlesAreExclusive`,
 * `claimedTitles` in the domain): lint reads the claims, a role's write holds its titles, an
 * import settles the claims of all it wrote. The title rows the store keeps for every role are
 * the one source of who claims what; in an exclusive taxonomy the database holds each title for
 * one role too, so of two writes racing for a title only the first gets it.
 */

/** Who claims which title in a taxonomy, from the title rows; drafts' titles only if asked. */
export const storedTitleClaims = async (
  db: Db,
  taxonomy: string,
  options: { drafts: boolean },
): Promise<TitleClaims> => {
  const rows = await listTitleClaims(db, taxonomy, { publishedOnly: !options.drafts });
  return collectTitleClaims(rows.map(({ code, folded }) => ({ taxonomy, code, folded })));
};

/**
 * Makes a role just written the one owner of its titles, if its taxonomy's titles are exclusive.
 * A title another role holds refuses the write (conflict), naming the title and its owner.
 */
export const holdTitles = async (trx: Transaction<Database>, role: Role): Promise<void> => {
  if (!titlesAreExclusive(role.taxonomy)) return;
  const refused = await takeTitleClaims(trx, role);
  if (refused.length > 0) {
    throw new AppError(
      'conflict',
      `Titles already belong to other roles of ${role.taxonomy}`,
      refused.map((r) => ({
        field: r.field,
        message: `"${r.title}" already belongs to ${r.code ? `${role.taxonomy}/${r.code}` : 'another role'}`,
      })),
    );
  }
};

/** Problems named per taxonomy at most, so a refusal stays readable. */
const SHOWN = 100;

/**
 * Settles the claims of the exclusive taxonomies among those a batch wrote to, once all of it is
 * written (a batch may move a title between roles on its way): two roles claiming one title
 * refuse the batch (import_failed); otherwise each title is held for the role that names it.
 */
export const settleTitleClaims = async (
  trx: Transaction<Database>,
  taxonomies: Iterable<string>,
): Promise<void> => {
  const exclusive = [...new Set(taxonomies)].filter(titlesAreExclusive);
  const problems: ProblemDetail[] = [];
  for (const taxonomy of exclusive) {
    const claims = await storedTitleClaims(trx, taxonomy, { drafts: true });
    for (const { folded, codes } of titlesClaimedTwice(claims, taxonomy).slice(0, SHOWN)) {
      problems.push({
        field: `roles.${taxonomy}.alternativeTitles`,
        message: `"${folded}" is claimed by ${String(codes[0])} and ${String(codes.at(-1))}`,
      });
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'import_failed',
      'Two roles of one taxonomy claim the same title; nothing was written.',
      problems,
    );
  }
  for (const taxonomy of exclusive) await rebuildTitleClaims(trx, taxonomy);
};
