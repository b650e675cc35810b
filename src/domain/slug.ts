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
