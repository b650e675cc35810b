interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  /** Position in the header, for ties between equally preferred ranges. */
  order: number;
}

const parseRanges = (accept: string): MediaRange[] =>
  accept.split(',').flatMap((part, order) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const [type, subtype] = range.toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.slice(qParam.indexOf('=') + 1).trim());
    return Number.isFinite(q) ? [{ type, subtype, q: Math.min(Math.max(q, 0), 1), order }] : [];
  });

/** How exactly a range names a media type: 2 exact, 1 `type/*`, 0 `*\/*`, -1 not at all. */
const specificity = (range: MediaRange, type: string, subtype: string): number => {
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === '*') return 1;
  if (range.type === '*' && range.subtype === '*') return 0;
  return -1;
};

interface Preference {
  q: number;
  specificity: number;
  order: number;
}

/** The most specific range naming a type decides its quality (RFC 9110 §12.5.1). */
const preferenceFor = (ranges: readonly MediaRange[], mediaType: string): Preference => {
  const [type = '', subtype = ''] = mediaType.toLowerCase().split('/');
  let best: Preference = { q: 0, specificity: -1, order: Infinity };
  for (const range of ranges) {
    const s = specificity(range, type, subtype);
    if (s > best.specificity || (s === best.specificity && s >= 0 && range.q > best.q)) {
      best = { q: range.q, specificity: s, order: range.order };
    }
  }
  return best;
};

/**
 * Picks the offered media type the client prefers: the highest quality, then the type it named
 * most exactly, then the one it listed first, then the server's order. No or an empty Accept
 * header accepts anything, so the first offer wins; `undefined` means nothing offered is
 * acceptable (a 406).
 * @example negotiate('text/markdown, text/html;q=0.5', ['text/html', 'text/markdown']) === 'text/markdown'
 */
export const negotiate = <T extends string>(
  accept: string | undefined,
  offers: readonly T[],
): T | undefined => {
  if (accept === undefined || accept.trim() === '') return offers[0];
  const ranges = parseRanges(accept);
  let chosen: { offer: T; preference: Preference } | undefined;
  for (const offer of offers) {
    const preference = preferenceFor(ranges, offer);
    if (preference.q <= 0) continue;
    const better =
      chosen === undefined ||
      preference.q > chosen.preference.q ||
      (preference.q === chosen.preference.q &&
        (preference.specificity > chosen.preference.specificity ||
          (preference.specificity === chosen.preference.specificity &&
            preference.order < chosen.preference.order)));
    if (better) chosen = { offer, preference };
  }
  return chosen?.offer;
};

/**
 * True when a client asks for HTML by name (`text/html` or `text/*`) more than for JSON.
 * Browsers name HTML and reach JSON, if at all, through `*\/*` at a lower quality; a client
 * that names JSON as much as HTML (`application/json, text/html`, as HTTP libraries send) is a
 * script, and `*\/*` alone is anyone's: both keep getting problem+json.
 * @example prefersHtml('text/html,application/xhtml+xml,*\/*;q=0.8') === true
 */
export const prefersHtml = (accept: string | undefined): boolean => {
  if (accept === undefined) return false;
  const ranges = parseRanges(accept);
  const htmlPreference = preferenceFor(ranges, 'text/html');
  if (htmlPreference.specificity < 1 || htmlPreference.q <= 0) return false;
  return ['application/json', 'application/problem+json'].every((type) => {
    const json = preferenceFor(ranges, type);
    return json.q < htmlPreference.q || (json.q === htmlPreference.q && json.specificity < 1);
  });
};
