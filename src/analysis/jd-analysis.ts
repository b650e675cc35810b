import {
  BUILT_IN_TAXONOMY,
  type Role,
  type Term,
  type TitleFacts,
  type WorkMode,
} from '../domain/index.js';
import type { MatchOptions, TitleMatch, TitleMatchResult } from '../matching/index.js';
import { cosine, negatedSpans, textFeatures, turnedDownSpans, vectorNorm } from './features.js';
import { withoutColleagueFields } from './colleague-fields.js';
import { distinctiveWords } from './distinctive-words.js';
import { withoutOthersWork } from './others-work.js';
import { withoutOtherVacancies } from './other-vacancies.js';
import { withoutBusinessNames } from './business-names.js';
import { withoutPassingMentions } from './passing-mentions.js';
import { withoutPerks } from './perks.js';
import { withVendorProducts } from './vendor-products.js';
import { withoutTeamRollCall } from './team-roll-call.js';
import { withoutTestedFields } from './tested-fields.js';
import { checkPostingParts, type PartCheck, type PostingPart } from './posting-parts.js';
import { roleProfiles, type RoleProfile, type RoleProfiles } from './role-profiles.js';
import { detectSeniority, seniorityConflict, type PostingSeniority } from './seniority.js';
import { foldText } from './text-chars.js';
import { joinBrokenWords } from './broken-words.js';
import { textView, type TextFormat, type TextSpan } from './text-view.js';
import {
  findJobAskedFor,
  findOpeningTitle,
  findTitleLine,
  namesOtherField,
  opensJobWord,
  spellsOtherField,
} from './title-line.js';
import type { Spotting, TermHit, TermSpotter } from './term-spotter.js';
import { insideAnySpan } from './span-cover.js';

export interface JobDescriptionInput {
  text: string;
  format?: TextFormat;
}

/** What analysis needs of a title index: TitleIndex, the one /v1/normalize answers from. */
export interface TitleLookup {
  match(input: string, options?: MatchOptions): TitleMatchResult;
}

export interface JobDescriptionDeps {
  spotter: TermSpotter;
  terms: ReadonlyMap<string, Term>;
  /** The built-in roles, the ones with guides: the roles a posting is ranked against. */
  roles: readonly Role[];
  /** The title index /v1/normalize answers from; the posting's title is read with it. */
  titles: TitleLookup;
  /** The roles' guides as read against this glossary; read here when not given. */
  profiles?: RoleProfiles;
}

/** Why a role was suggested. */
export interface RoleEvidence {
  source: 'title' | 'terms' | 'text' | 'named';
  detail: string;
}

export interface LikelyRole {
  taxonomy: string;
  code: string;
  name: string;
  /** 0-1, the title and the body together. */
  score: number;
  /** 0-1, how well the title line names this role (0 without a title). */
  fromTitle: number;
  /** 0-1, how well the body reads as this role, relative to the best reading. */
  fromBody: number;
  evidence: RoleEvidence[];
}

export interface FoundTerm {
  slug: string;
  name: string;
  category: string;
  definition: string;
  /** Where the term was written in the input. */
  mentions: TextSpan[];
}

/** The technologies a posting names, of one term category. */
export interface FoundTechnologyGroup {
  category: string;
  terms: { slug: string; name: string }[];
}

export interface AnalysisWarning {
  code: 'title-body-mismatch' | 'seniority-mismatch' | 'no-title' | 'no-terms' | 'not-technology';
  message: string;
}

/**
 * The posting's title, where it is in the input, and what title normalization says of it: the
 * same roles (of the built-in library), seniority, level, work mode and place as /v1/normalize.
 */
export interface PostingTitle extends TextSpan, TitleFacts {
  matches: TitleMatch[];
}

export interface JobAnalysis {
  title: PostingTitle | null;
  roles: LikelyRole[];
  seniority: PostingSeniority;
  terms: FoundTerm[];
  technologies: FoundTechnologyGroup[];
  parts: Record<PostingPart, PartCheck>;
  missing: PostingPart[];
  workModes: WorkMode[];
  warnings: AnalysisWarning[];
}

/** Term categories that name a technology rather than an idea or a practice. */
const TECHNOLOGY_CATEGORIES = [
  'language',
  'framework',
  'library',
  'database',
  'cloud',
  'platform',
  'tool',
  'protocol',
];

const TITLE_SHARE = 0.55;
/**
 * How well the body must read as the title's role, against the best reading, for the title to
 * lead. Close neighbours (security analyst and engineer, GRC analyst and CISO) share most of
 * their vocabulary, so a body reads a neighbour's title well above half its best; below this
 * the body decides, and the posting is flagged as a title-body mismatch.
 */
const BODY_BEARS_TITLE = 0.8;
const TITLE_TIE_BREAK = 0.1;
const ROLES_SHOWN = 5;
/**
 * When a posting whose title names none of our roles is for work outside technology: it speaks
 * of such work this often, names this few glossary terms, or reads this weakly as any guide
 * (the best body reading; postings for technology roles read 0.5 and up). Chosen on the dev
 * half of the outside postings.
 */
const OTHER_WORK_MENTIONS = 3;
/**
 * Other work outweighs technology only while the posting names fewer than this many glossary
 * terms per mention of it: a council's automation specialist or an agency's developer posting
 * speaks of finance, fleets or offices and still names ten or twenty terms of the trade.
 */
const TERMS_PER_OTHER_WORK = 3;
const FEW_TERMS = 2;
const WEAK_BODY_READING = 0.35;
/**
 * A body of fewer words than this names a tool or two, no job ("Senior Backend Engineer. We use
 * Kubernetes and Go."): it may not overrule the title.
 */
const SHORTEST_DISPUTING_BODY = 12;
const OTHER_WORK = 'c:other-work';

/** Title matches asked of the index: the roles a title names, as /v1/normalize ranks them. */
const TITLE_MATCH_OPTIONS: MatchOptions = { taxonomy: BUILT_IN_TAXONOMY, top: 5 };

const round = (n: number) => Math.round(n * 1000) / 1000;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const quote = (s: string) => `“${s}”`;

interface BodyReading {
  raw: number;
  evidence: RoleEvidence[];
}

/** How much a body reads as one role: its terms, its words and whether it names the role. */
const readBody = (
  profile: RoleProfile,
  slugs: Map<string, number>,
  termMass: number,
  termIdf: Map<string, number>,
  textScore: { score: number; shared: string[] },
  foldedBody: string,
  terms: ReadonlyMap<string, Term>,
  surface: ReadonlyMap<string, string>,
  shownWords: (profile: RoleProfile, shared: readonly string[]) => string[],
): BodyReading => {
  const evidence: RoleEvidence[] = [];
  const linked = [...slugs.keys()]
    .filter((s) => profile.terms.has(s))
    .map((s) => ({ slug: s, link: profile.terms.get(s)!, idf: termIdf.get(s) ?? 0 }))
    .sort((a, b) => b.link.weight * b.idf - a.link.weight * a.idf);
  const explained = linked.reduce((sum, l) => sum + l.link.weight * l.idf, 0);
  const termShare = termMass > 0 ? explained / termMass : 0;
  if (linked.length > 0) {
    const shown = linked
      .slice(0, 6)
      .map((l) => `${terms.get(l.slug)?.name ?? l.slug} (${l.link.via})`);
    evidence.push({ source: 'terms', detail: `Mentions ${shown.join(', ')}.` });
  }
  const words = shownWords(profile, textScore.shared)
    .slice(0, 8)
    .map((f) => surface.get(f) ?? f.slice(2));
  if (textScore.score > 0.05 && words.length > 0) {
    evidence.push({
      source: 'text',
      detail: `Describes work in this guide’s words (${words.join(', ')}).`,
    });
  }
  const named = profile.titles.find((t) => t && ` ${foldedBody} `.includes(` ${t} `));
  if (named)
    evidence.push({ source: 'named', detail: `The text names the role: ${quote(named)}.` });
  const raw = 0.6 * termShare + 0.8 * textScore.score + (named ? 0.25 : 0);
  return { raw, evidence };
};

const groupTechnologies = (found: FoundTerm[]): FoundTechnologyGroup[] =>
  TECHNOLOGY_CATEGORIES.map((category) => ({
    category,
    terms: found
      .filter((t) => t.category === category)
      .map((t) => ({ slug: t.slug, name: t.name })),
  })).filter((g) => g.terms.length > 0);

const collectTerms = (
  hits: TermHit[],
  terms: ReadonlyMap<string, Term>,
  toOriginal: (start: number, end: number) => { start: number; end: number },
): FoundTerm[] => {
  const bySlug = new Map<string, FoundTerm>();
  for (const hit of hits) {
    const term = terms.get(hit.slug);
    if (!term) continue;
    const at = toOriginal(hit.start, hit.end);
    // The words as a reader sees them: for HTML, never a fragment of the markup.
    const mention = { start: at.start, end: at.end, text: hit.text };
    const known = bySlug.get(hit.slug);
    if (known) known.mentions.push(mention);
    else {
      bySlug.set(hit.slug, {
        slug: term.slug,
        name: term.name,
        category: term.category,
        definition: term.definition,
        mentions: [mention],
      });
    }
  }
  return [...bySlug.values()];
};

/**
 * The hits less the fields that only name the job in its title, spelled out ("DevOps
 * Engineer", "Machine Learning Engineer"): the recruiter already knows what they are hiring
 * for, and the role's guide explains it. The body naming the same job again ("an experienced
 * DevOps Engineer") still names the job. An abbreviation in the title ("GRC Analyst") is jargon
 * the recruiter may not know; a technology ("JavaScript Developer") is a skill the posting asks
 * for; a field the body names otherwise is work it asks for. A term that is itself the title's
 * job in another field ("Sushi Chef") is that job, not the tool of the name.
 */
const withoutJobNames = (
  text: string,
  hits: TermHit[],
  line: TextSpan | undefined,
  terms: ReadonlyMap<string, Term>,
): TermHit[] => {
  if (!line) return hits;
  const field = (h: TermHit) => !TECHNOLOGY_CATEGORIES.includes(terms.get(h.slug)?.category ?? '');
  const namesJob = (h: TermHit) =>
    h.start >= line.start &&
    h.end <= line.end &&
    field(h) &&
    /\p{Ll}/u.test(h.text) &&
    opensJobWord(text.slice(h.end, line.end));
  const jobWordAfter = (h: TermHit) =>
    /^\s*(\p{L}+)/u.exec(text.slice(h.end, h.end + 40))?.[1]?.toLowerCase();
  const titleJobs = new Set(hits.filter(namesJob).map((h) => `${h.slug} ${jobWordAfter(h)}`));
  const namesTitleJob = (h: TermHit) => titleJobs.has(`${h.slug} ${jobWordAfter(h)}`);
  const namesTrade = (h: TermHit) =>
    h.start >= line.start &&
    h.end <= line.end &&
    namesOtherField(h.text) &&
    !opensJobWord(text.slice(h.end, line.end));
  const elsewhere = new Set(
    hits.filter((h) => !namesJob(h) && !namesTitleJob(h) && !namesTrade(h)).map((h) => h.slug),
  );
  return hits.filter((h) => elsewhere.has(h.slug));
};

interface TitleReading {
  line: TextSpan;
  /** What the title index said of the line: roles, seniority, level, work mode, place. */
  normalized: TitleMatchResult;
  /** The best match among the roles being ranked, if any. */
  top: TitleMatch | undefined;
}

const readTitle = (text: string, deps: JobDescriptionDeps): TitleReading | undefined => {
  // A short posting may have no title line and name the job in its first sentence instead.
  const line = findTitleLine(text) ?? findJobAskedFor(text) ?? findOpeningTitle(text);
  if (!line) return undefined;
  const normalized = deps.titles.match(line.text, TITLE_MATCH_OPTIONS);
  const ours = new Set(deps.roles.map((r) => `${r.taxonomy}/${r.code}`));
  const top = normalized.matches.find((m) => ours.has(`${m.taxonomy}/${m.code}`));
  return { line, normalized, top };
};

/** What the title says besides the role, as title normalization read it. */
const factsOf = ({ seniority, level, workMode, location }: TitleMatchResult): TitleFacts => ({
  ...(seniority !== undefined ? { seniority } : {}),
  ...(level !== undefined ? { level } : {}),
  ...(workMode !== undefined ? { workMode } : {}),
  ...(location !== undefined ? { location } : {}),
});

interface RoleReading {
  profile: RoleProfile;
  reading: BodyReading;
}

/** Reads the body (the text without its title line) against every guide. */
const readBodies = (
  text: string,
  title: TitleReading | undefined,
  hits: TermHit[],
  profiles: RoleProfiles,
  terms: ReadonlyMap<string, Term>,
): { readings: RoleReading[]; otherWork: number } => {
  const { idf, termIdf } = profiles;
  const line = title?.line;
  const body = line
    ? text.slice(0, line.start) + ' '.repeat(line.end - line.start) + text.slice(line.end)
    : text;
  // "NOT a DBA job - backups handled by infra": what a posting turns down says nothing of its role.
  const negated = negatedSpans(body);
  const isNegated = insideAnySpan(negated);
  const slugs = new Map<string, number>();
  for (const h of hits) {
    if (isNegated(h)) continue;
    slugs.set(h.slug, (slugs.get(h.slug) ?? 0) + 1);
  }
  const termMass = [...slugs.keys()].reduce((sum, s) => sum + (termIdf.get(s) ?? 0), 0);
  const { features, sources } = textFeatures(body);
  const surface = new Map<string, string>();
  for (const s of [...sources].reverse()) {
    surface.set(s.feature, body.slice(s.start, s.end).toLowerCase());
  }
  const norm = vectorNorm(features, idf);
  const foldedBody = foldText(
    negated.reduce(
      (t, n) => t.slice(0, n.start) + ' '.repeat(n.end - n.start) + t.slice(n.end),
      body,
    ),
  );
  const otherWork = sources.filter((s) => s.feature === OTHER_WORK).length;
  const shownWords = distinctiveWords(profiles)(sources, hits);
  const readings = profiles.profiles.map((profile) => ({
    profile,
    reading: readBody(
      profile,
      slugs,
      termMass,
      termIdf,
      cosine(features, norm, profile.whole, profile.wholeNorm, idf),
      foldedBody,
      terms,
      surface,
      shownWords,
    ),
  }));
  return { readings, otherWork };
};

/**
 * Whether the posting is for work no technology role does (a nurse, a store manager, a
 * recruitment coordinator): its title names none of our roles, and either names a job of
 * another field ("Account Executive") or its body speaks of other work more than of
 * technology, names almost no technology, or reads as no guide. Postings for such work often mention
 * office software or a "system", which alone would rank some technology role first.
 */
const notTechnology = (
  title: TitleReading | undefined,
  readings: readonly RoleReading[],
  otherWork: number,
  termsNamed: number,
): boolean => {
  // The normalizer's role phrase, its first part: pay, genders and places are read off it.
  const phrase = title?.normalized.core.split(', ')[0];
  // A whole phrase of another field outweighs the index's best role, which any "analyst" reaches.
  if (phrase !== undefined && spellsOtherField(phrase)) return true;
  if (title?.top) return false;
  if (phrase !== undefined && namesOtherField(phrase)) return true;
  const bestBody = Math.max(0, ...readings.map((r) => r.reading.raw));
  return (
    (otherWork >= OTHER_WORK_MENTIONS && termsNamed < TERMS_PER_OTHER_WORK * otherWork) ||
    termsNamed <= FEW_TERMS ||
    bestBody < WEAK_BODY_READING
  );
};

/**
 * The role the body reads as instead of the one the title names, when it reads clearly as
 * another: a body too short or too vague to read as any guide (a two-line posting) cannot
 * overrule its title.
 */
const bodyDisputesTitle = (
  title: TitleReading | undefined,
  readings: readonly RoleReading[],
  bodyWords: number,
): RoleReading | undefined => {
  const named = title?.top;
  if (!named || bodyWords < SHORTEST_DISPUTING_BODY) return undefined;
  const bodyTop = readings.reduce<RoleReading | undefined>(
    (best, r) => (best === undefined || r.reading.raw > best.reading.raw ? r : best),
    undefined,
  );
  if (!bodyTop || bodyTop.reading.raw < WEAK_BODY_READING) return undefined;
  const titled = readings.find(
    (r) => r.profile.role.code === named.code && r.profile.role.taxonomy === named.taxonomy,
  );
  const borneOut =
    titled !== undefined && titled.reading.raw / bodyTop.reading.raw >= BODY_BEARS_TITLE;
  return borneOut ? undefined : bodyTop;
};

/** The title and the body together: the title counts most when it names one of our roles. */
const rankRoles = (
  readings: RoleReading[],
  title: TitleReading | undefined,
  disputing: RoleReading | undefined,
): LikelyRole[] => {
  const bestBody = Math.max(0, ...readings.map((r) => r.reading.raw));
  const byKey = new Map(title?.normalized.matches.map((m) => [`${m.taxonomy}/${m.code}`, m]));
  // A title the body hardly bears out ("Software Architect" over a hands-on lead's duties)
  // only breaks ties: the body says what the job is.
  const titleShare = disputing ? TITLE_TIE_BREAK : TITLE_SHARE;
  return readings
    .map(({ profile: { role }, reading }) => {
      const match = byKey.get(`${role.taxonomy}/${role.code}`);
      const fromTitle = match?.score ?? 0;
      const fromBody = bestBody > 0 ? reading.raw / bestBody : 0;
      const evidence: RoleEvidence[] = match
        ? [
            {
              source: 'title',
              detail: `The title ${quote(title!.line.text)} reads as ${role.name}.`,
            },
            ...reading.evidence,
          ]
        : reading.evidence;
      const score = title?.top ? titleShare * fromTitle + (1 - titleShare) * fromBody : fromBody;
      return {
        taxonomy: role.taxonomy,
        code: role.code,
        name: role.name,
        score: round(score),
        fromTitle: round(fromTitle),
        fromBody: round(fromBody),
        evidence,
      };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, ROLES_SHOWN);
};

const warningsFor = (
  title: TitleReading | undefined,
  disputing: RoleReading | undefined,
  seniority: PostingSeniority,
  found: FoundTerm[],
): AnalysisWarning[] => {
  const warnings: AnalysisWarning[] = [];
  if (!title) {
    warnings.push({ code: 'no-title', message: 'No job title was found at the top of the text.' });
  }
  if (title?.top && disputing) {
    warnings.push({
      code: 'title-body-mismatch',
      message: `The title says ${title.top.name}, but the body reads more like ${disputing.profile.role.name}.`,
    });
  }
  if (seniorityConflict(seniority)) {
    warnings.push({
      code: 'seniority-mismatch',
      message: `The title says ${seniority.level}, but the text asks for ${quote(seniority.years!.text)}.`,
    });
  }
  if (found.length === 0) {
    warnings.push({ code: 'no-terms', message: 'No glossary term was found in the text.' });
  }
  return warnings;
};

/**
 * The hits with the terms the posting's likeliest role lists that stand in it without support:
 * in a project manager's posting "the risk register" is the practice, wherever it stands.
 */
const vouchedByRole = (
  spotting: Spotting,
  hits: TermHit[],
  top: LikelyRole | undefined,
  deps: JobDescriptionDeps,
): TermHit[] => {
  const role = deps.roles.find((r) => r.code === top?.code && r.taxonomy === top.taxonomy);
  if (!role) return hits;
  return withoutOthersWork(
    spotting.text,
    withVendorProducts(
      spotting.text,
      deps.spotter.settle(spotting, new Set(role.terms)),
      deps.spotter,
    ),
  );
};

/**
 * Reads a job description: the roles it is likely for (from its title line and from its body,
 * each with evidence), its seniority, every glossary term in it with offsets into the input,
 * its technologies by category, the parts of a good posting it lacks, and warnings.
 * @example
 * const analysis = analyzeJobDescription({ text: jd }, { spotter, terms, roles, titles });
 * analysis.roles[0].code; // 'backend-developer'
 * analysis.missing; // ['salary']
 */
export const analyzeJobDescription = (
  input: JobDescriptionInput,
  deps: JobDescriptionDeps,
): JobAnalysis => {
  const profiles =
    deps.profiles ?? roleProfiles(deps.roles, { spotter: deps.spotter, terms: deps.terms });
  const view = joinBrokenWords(textView(input.text, input.format ?? 'text'), profiles);
  const text = view.text;
  const title = readTitle(text, deps);
  const spotting = deps.spotter.read(text);
  const hits = withoutOthersWork(
    text,
    withVendorProducts(text, deps.spotter.settle(spotting), deps.spotter),
  );
  const { readings, otherWork } = readBodies(text, title, hits, profiles, deps.terms);
  const elsewhere = notTechnology(
    title,
    readings,
    otherWork,
    new Set(hits.map((h) => h.slug)).size,
  );
  const facts = title ? factsOf(title.normalized) : undefined;
  const seniority = detectSeniority(facts?.seniority, text);
  // "Not a visual design role", "NOT a DBA job - backups handled by infra": what the posting
  // turns down is not asked for. A part only said to be fine ("Docker is good to have") is.
  const turnedDown = insideAnySpan(turnedDownSpans(text));
  const bodyWords = wordCount(text) - (title ? wordCount(title.line.text) : 0);
  const disputing = bodyDisputesTitle(title, readings, bodyWords);
  const roles = elsewhere ? [] : rankRoles(readings, title, disputing);
  const vouched = vouchedByRole(spotting, hits, roles[0], deps);
  const asked = elsewhere ? withoutBusinessNames(text, vouched) : vouched;
  const isField = (h: TermHit) =>
    !TECHNOLOGY_CATEGORIES.includes(deps.terms.get(h.slug)?.category ?? '');
  const found = collectTerms(
    withoutTestedFields(
      text,
      withoutColleagueFields(
        text,
        withoutJobNames(
          text,
          withoutOtherVacancies(
            text,
            withoutPassingMentions(
              text,
              withoutTeamRollCall(text, withoutPerks(text, asked)),
              isField,
            ),
            title?.line,
          ),
          title?.line,
          deps.terms,
        ),
        isField,
        title?.line,
      ),
      (h) => isField(h) && !/\btest/i.test(deps.terms.get(h.slug)?.name ?? ''),
    ).filter((h) => !turnedDown(h)),
    deps.terms,
    view.toOriginal,
  );
  const parts = checkPostingParts(text, title && { ...title.line, ...facts });
  const titleAt = title ? view.toOriginal(title.line.start, title.line.end) : undefined;
  return {
    title:
      title && titleAt
        ? { ...titleAt, text: title.line.text, ...facts, matches: title.normalized.matches }
        : null,
    roles,
    seniority,
    terms: found,
    technologies: groupTechnologies(found),
    parts: parts.parts,
    missing: parts.missing,
    workModes: parts.workModes,
    warnings: [
      ...(elsewhere
        ? [
            {
              code: 'not-technology' as const,
              message: 'This reads as a posting for work outside technology: no role is suggested.',
            },
          ]
        : []),
      ...warningsFor(title, disputing, seniority, found),
    ],
  };
};
