import type { Role } from '../domain/index.js';
import { foldText } from './text-chars.js';
import { stem } from './words.js';

/** A role a job title names, as the title normalizer reports it. */
export interface TitleMatch {
  taxonomy: string;
  code: string;
  name: string;
  score: number;
}

/** Words in a title that say nothing about which role it is. */
const NOISE = new Set(
  `senior sr snr junior jr mid level entry principal staff i ii iii iv v remote hybrid onsite on
  site contract contractor freelance freelancer permanent temporary temp full part time m f d w x
  all genders gn h in at for of the and with new urgent hiring immediate start`.split(/\s+/),
);

const tokensOf = (title: string): string[] =>
  foldText(title.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))
    .split(/[^a-z0-9+#]+/)
    .filter((t) => t && !NOISE.has(t))
    .map(stem);

/** Cuts what follows the title proper: " - London", " | Remote", " at Acme". */
const titleProper = (title: string): string => {
  const cut = title.split(/\s+[-–|@]\s+|\s+at\s+|,\s+|\s+\/\s+/i)[0] ?? title;
  return cut.trim().length >= 3 ? cut : title;
};

/** The summed rarity of title words at which a title says enough to match partly. */
const INFORMATIVE_TITLE = 2.5;

interface IndexedTitle {
  role: Role;
  written: string;
  tokens: string[];
  key: string;
}

/**
 * A simple title matcher over the roles' names and alternative titles, for when no title
 * normalizer is at hand: exact titles first, then titles that contain a role's title, then
 * shared words weighted by how rare they are among titles.
 * @example matchTitleToRoles(roles)('Sr. Backend Engineer (m/f/d)')[0].code === 'backend-developer'
 */
export const matchTitleToRoles = (roles: readonly Role[]) => {
  const titles: IndexedTitle[] = roles.flatMap((role) =>
    [role.name, ...role.alternativeTitles].map((written) => {
      const tokens = tokensOf(written);
      return { role, written, tokens, key: tokens.join(' ') };
    }),
  );
  const rolesWith = new Map<string, Set<string>>();
  for (const t of titles) {
    for (const token of t.tokens) {
      const set = rolesWith.get(token) ?? new Set();
      set.add(t.role.code);
      rolesWith.set(token, set);
    }
  }
  const weight = (token: string) =>
    Math.max(0, Math.log((roles.length + 1) / ((rolesWith.get(token)?.size ?? 0) + 0.5)));
  const sum = (xs: string[]) => xs.reduce((s, x) => s + weight(x), 0);

  return (title: string): (TitleMatch & { matched: string })[] => {
    const tokens = tokensOf(titleProper(title));
    const key = tokens.join(' ');
    if (tokens.length === 0) return [];
    const titleWeight = sum(tokens);
    // "Software Engineer" fits many roles a little and none well: words common to many
    // roles' titles earn a partial match only in proportion to what else the title says.
    const informative = Math.min(1, titleWeight / INFORMATIVE_TITLE);
    const best = new Map<string, { score: number; matched: string; role: Role }>();
    for (const t of titles) {
      let score: number;
      if (t.key === key) score = 1;
      else if (t.tokens.length > 0 && ` ${key} `.includes(` ${t.key} `)) {
        score = 0.85 + (0.1 * t.tokens.length) / tokens.length;
      } else {
        const shared = t.tokens.filter((x) => tokens.includes(x));
        if (shared.length === 0) continue;
        const total = sum(t.tokens) + titleWeight;
        score = total > 0 ? (0.8 * 2 * sum(shared) * informative) / total : 0;
      }
      const known = best.get(t.role.code);
      if (!known || known.score < score)
        best.set(t.role.code, { score, matched: t.written, role: t.role });
    }
    return [...best.values()]
      .filter((b) => b.score >= 0.35)
      .sort((a, b) => b.score - a.score)
      .map((b) => ({
        taxonomy: b.role.taxonomy,
        code: b.role.code,
        name: b.role.name,
        score: Math.round(b.score * 1000) / 1000,
        matched: b.matched,
      }));
  };
};
