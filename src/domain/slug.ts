/** A slug, as codes and file names are written: lower-case words of letters and digits. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** What a slug is, in words, for a refusal or a form's hint. */
export const SLUG_FORM = 'lower-case letters and digits in words joined by hyphens';

/**
 * Turns a display name into the slug used for codes and file names.
 * @example slugify('Node.js') === 'node-js'; slugify('C++') === 'c-plus-plus'; slugify('CI/CD') === 'ci-cd'
 */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, '-plus-')
    .replace(/#/g, '-sharp-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * Folds a title for lookups and uniqueness: case, accents and punctuation do not count.
 * @example foldTitle('Back-End Développer') === 'back end developper'
 */
export const foldTitle = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();

/**
 * What a list's search `q` looks for, folded: undefined when none was given or it is blank (the
 * list is not filtered, as when a form is sent empty), and '' when it holds nothing a title is
 * searched by ("!!!", "-"), which must match nothing rather than, folded away, everything.
 * @example searchedFor('Go!') === 'go'; searchedFor(' ') === undefined; searchedFor('!!!') === ''
 */
export const searchedFor = (q: string | undefined): string | undefined =>
  q === undefined || q.trim() === '' ? undefined : foldTitle(q);

/**
 * Whether a folded text has a word starting with a folded query, the one way a search finds a
 * query in a name: "go" is in "go developer", not in "django developer". The text may hold
 * several titles, one per line.
 * @example startsAWord('senior go developer', 'go') === true
 */
export const startsAWord = (folded: string, query: string): boolean =>
  folded.startsWith(query) || folded.includes(` ${query}`) || folded.includes(`\n${query}`);
