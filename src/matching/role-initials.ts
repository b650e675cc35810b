/**
 * The initials a role's name is shortened to in postings ("BA" for Business Analyst, "EM" for
 * Engineering Manager, "UXR" for UX Researcher): the first letter of each word, a word in
 * capitals whole, and the capitals inside a word of two ("DO" of "DevOps"), so that names the
 * first letters alone would confuse (Data Engineer, DevOps Engineer) stay apart.
 *
 * @example initialsOf('UX Researcher') // 'UXR'
 */
export const initialsOf = (name: string): string =>
  name
    .split(/[\s-]+/)
    .map((word) =>
      /^[A-Z]{2,}$/.test(word) ? word : (word[0] ?? '') + word.slice(1).replace(/[^A-Z]/g, ''),
    )
    .join('')
    .toUpperCase();

/**
 * Per initials, the one role name they stand for; initials two names share stand for neither
 * ("SE": Software, Security, Support or Solutions Engineer).
 */
export const namesByInitials = (names: Iterable<string>): Map<string, string> => {
  const found = new Map<string, string | undefined>();
  for (const name of names) {
    const initials = initialsOf(name);
    if (initials.length < 2) continue;
    found.set(initials, found.has(initials) && found.get(initials) !== name ? undefined : name);
  }
  const unique = new Map<string, string>();
  for (const [initials, name] of found) if (name !== undefined) unique.set(initials, name);
  return unique;
};
