import {
  AppError,
  termContentOf,
  type ProblemDetail,
  type Term,
  type TermContent,
} from '../domain/index.js';
import {
  allTerms,
  deleteTerm,
  findTerm,
  insertTerm,
  iterateRoles,
  saveTerm,
  serializeWrites,
  type Database,
  type Transaction,
} from '../store/index.js';
import { foldText } from '../analysis/index.js';
import { ordinaryTermForms } from '../lint/index.js';
import type { EntityAdapter, Reference } from './versioned-write/index.js';

/**
 * A name as text finds it (case, accents, dashes and runs of spaces aside), once the letters
 * Unicode counts as one (full-width, composed or not) are made one and invisible format
 * characters dropped: names that read alike would find the same words.
 */
const nameKey = (name: string): string => foldText(name.normalize('NFKC').replace(/\p{Cf}/gu, ''));

/** A term's names with their keys, worked out once: a batch compares every term with all. */
interface KeyedNames {
  slug: string;
  names: { name: string; key: string }[];
}

const keyedNames = (term: Term): KeyedNames => ({
  slug: term.slug,
  names: [term.name, ...term.abbreviations, ...term.aliases].map((name) => ({
    name,
    key: nameKey(name),
  })),
});

/** Each name of a term that another term of the glossary holds already, with that term. */
const nameClashes = (
  term: KeyedNames,
  glossary: readonly KeyedNames[],
): { name: string; holder: string }[] => {
  const mine = new Set(term.names.map((n) => n.key));
  return glossary
    .filter((t) => t.slug !== term.slug)
    .flatMap((t) =>
      t.names.filter((n) => mine.has(n.key)).map(({ name }) => ({ name, holder: t.slug })),
    );
};

/**
 * Names, abbreviations and aliases are how text finds a term, so two terms cannot share one. No
 * index holds that rule, so term writes check it one at a time: two racing to one name both
 * read the glossary before either wrote, and both would pass.
 */
const holdNames = async (trx: Transaction<Database>, term: Term): Promise<void> => {
  await serializeWrites(trx, 'term-names');
  const clashes = nameClashes(keyedNames(term), (await allTerms(trx)).map(keyedNames));
  if (clashes.length > 0)
    throw new AppError(
      'conflict',
      'Names already belong to other terms',
      clashes.map(({ name, holder }) => ({
        field: 'aliases',
        message: `"${name}" already names term ${holder}`,
      })),
    );
};

/**
 * The same rule for a batch, once all its terms are written: a pack may bring two terms of one
 * name, or a name a stored term holds. Each pair is named once, by both slugs.
 */
const settleNames = async (
  trx: Transaction<Database>,
  written: readonly string[],
): Promise<void> => {
  if (written.length === 0) return;
  await serializeWrites(trx, 'term-names');
  const glossary = (await allTerms(trx)).map(keyedNames);
  const writtenSlugs = new Set(written);
  const pairs = new Set<string>();
  const clashes: ProblemDetail[] = [];
  for (const term of glossary.filter((t) => writtenSlugs.has(t.slug))) {
    for (const { name, holder } of nameClashes(term, glossary)) {
      const pair = [term.slug, holder].sort().join(' ');
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      clashes.push({ field: term.slug, message: `"${name}" also names term ${holder}` });
    }
  }
  if (clashes.length > 0)
    throw new AppError('conflict', 'Terms would share a name; nothing was written.', clashes);
};

/** A term still named by a role or by another term's examples cannot go. */
const checkUnused = async (trx: Transaction<Database>, slug: string): Promise<void> => {
  const users: ProblemDetail[] = [];
  for await (const role of iterateRoles(trx)) {
    if (role.terms.includes(slug)) {
      users.push({ field: 'slug', message: `used by role ${role.taxonomy}/${role.code}` });
    }
  }
  for (const term of await allTerms(trx)) {
    if (term.examples.includes(slug)) {
      users.push({ field: 'slug', message: `an example in term ${term.slug}` });
    }
  }
  if (users.length > 0) throw new AppError('conflict', `Term ${slug} is still in use.`, users);
};

/**
 * Glossary terms to the versioned-write module: keyed by slug, pointing at the terms they give as
 * examples, holding their names against every other term's.
 */
export const termAdapter: EntityAdapter<string, TermContent, Term> = {
  kind: 'term',
  key: (slug) => slug,
  describe: (slug) => `term ${slug}`,
  keyTaken: (slug) => ({ field: 'slug', message: `slug ${slug} is taken` }),
  refOf: (term) => term.slug,
  contentOf: termContentOf,
  compose: (slug, content, stamps) => ({ ...content, slug, ...stamps }),
  references: (slug, content) => [
    // A form found in every text would mark every guide and analysis with this term.
    ...ordinaryTermForms(content).map(({ field, message }): Reference => ({
      field,
      problem: message,
    })),
    ...content.examples.map((example, i): Reference =>
      example === slug
        ? { field: `examples.${i}`, problem: 'a term cannot be its own example' }
        : { field: `examples.${i}`, target: { kind: 'term', slug: example } },
    ),
  ],
  find: findTerm,
  insert: insertTerm,
  compareAndSet: saveTerm,
  remove: deleteTerm,
  claim: holdNames,
  settleClaims: settleNames,
  checkRemovable: checkUnused,
};
