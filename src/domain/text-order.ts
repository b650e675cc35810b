/*
 * One collator for every list shown to people: "api" sorts beside "API", "Ångström" beside
 * "Angstrom", "Level 10" after "Level 9". `localeCompare` with a locale looks a collator up on
 * each call, which made sorting the 833 glossary terms most of the glossary page's time.
 */
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Orders two texts as a reader expects a list ordered.
 * @example ['beta', 'Alpha', 'alpha'].sort(compareText) // ['alpha', 'Alpha', 'beta']
 */
export const compareText: (a: string, b: string) => number = collator.compare;
