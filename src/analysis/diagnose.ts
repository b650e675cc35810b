import { withArticle, type Role, type Term } from '../domain/index.js';
import { rolesForConcept, rolesForConcepts } from './concept-roles.js';
import { conceptLabel } from './concepts.js';
import { matchReason, type Reading } from './match-reasons.js';
import { isCustomerRequest } from './customer-request.js';
import { dataAsks } from './data-asks.js';
import { explainedShare } from './explained.js';
import { blendedFirstScore } from './blended-score.js';
import {
  blendedOrder,
  LEARNED_CANDIDATES,
  LEARNED_MODEL,
  LEARNED_WEIGHT,
  learnedInputs,
  learnedLikelihoods,
  weighedMost,
  type LearnedModel,
} from './learned-scorer.js';
import {
  CONCEPT_WEIGHT,
  coverage,
  negatedSpans,
  textFeatures,
  type Features,
  type FeatureSource,
} from './features.js';
import {
  roleProfiles,
  type GuideDocument,
  type GuideSection,
  type RoleProfiles,
} from './role-profiles.js';
import type { TermSpotter } from './term-spotter.js';
import { insideAnySpan } from './span-cover.js';

export interface DiagnoseDeps {
  roles: readonly Role[];
  /** With a glossary, technologies named in the problem count as evidence too. */
  spotter?: TermSpotter;
  terms?: ReadonlyMap<string, Term>;
  /** How many roles to return; 5 unless told. */
  limit?: number;
  /** The roles' guides as read against this glossary; read here when not given. */
  profiles?: RoleProfiles;
  /** The learned scorer blended with the guides' evidence; the one fitted on our problems unless told. */
  learned?: LearnedModel;
}

/** A phrase from the problem and what we took it to mean. */
export interface Understood {
  said: string;
  means: string;
}

/** One part of a guide that matched the problem. */
export interface DiagnosisMatch {
  section: GuideSection | 'term' | 'concept';
  title?: string;
  text: string;
  /** The words of the problem that matched it. */
  said: string[];
  why: string;
  score: number;
}

export interface DiagnosedRole {
  taxonomy: string;
  code: string;
  name: string;
  /** 0-1: how likely this role is the one to hire, calibrated on problems told by outsiders. */
  score: number;
  matches: DiagnosisMatch[];
}

/** Whether the problem sounds like work for a technology role at all. */
export type Verdict = 'technology-role' | 'no-technology-role';

export interface Diagnosis {
  verdict: Verdict;
  /** One sentence for the person asking: the role to hire, or why none is offered. */
  message: string;
  /** Empty when no technology role fits. */
  roles: DiagnosedRole[];
  understood: Understood[];
}

/** Signs are written for this; the other sections are weaker evidence. */
const SECTION_WEIGHT: Record<GuideSection, number> = {
  sign: 1,
  title: 0.3,
  benefit: 0.45,
  responsibility: 0.35,
  summary: 0.3,
  skill: 0.25,
};

/** How much the concept map counts beside the guides' own words. */
const CONCEPT_PRIOR = 0.4;
const MIN_MATCH = 0.08;
const SECOND_SIGN = 0.3;
/** Technologies named in a problem hint at a role; the signs still decide. */
const TERM_WEIGHT = 0.15;
const OTHER_SECTIONS = 1.5;
/** What a data problem asks for counts as much as a well-matched sign of the role it names. */
const DATA_ASK_WEIGHT = 0.2;

const quote = (s: string) => `“${s}”`;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Phrases echoed for one match, and how long each may be: enough to show what was heard. */
const PHRASES_SHOWN = 5;
const PHRASE_LENGTH = 120;
/** How many of the words that raised a role's learned score are named for it. */
const LEARNED_WORDS = 3;

/** Where each feature was said, read once per problem rather than once per matching guide part. */
const sourcesByFeature = (sources: readonly FeatureSource[]) => {
  const byFeature = new Map<string, FeatureSource[]>();
  for (const source of sources) {
    const list = byFeature.get(source.feature);
    if (list) list.push(source);
    else byFeature.set(source.feature, [source]);
  }
  return byFeature;
};

/** The problem's own words behind a set of features, merged into phrases. */
const saidFor = (
  text: string,
  byFeature: ReadonlyMap<string, readonly FeatureSource[]>,
  shared: readonly string[],
) => {
  const spans = shared
    .flatMap((feature) => byFeature.get(feature) ?? [])
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  const phrases = merged.map((m) => {
    const phrase = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    return phrase.length > PHRASE_LENGTH ? `${phrase.slice(0, PHRASE_LENGTH)}…` : phrase;
  });
  return [...new Map(phrases.map((p) => [p.toLowerCase(), p])).values()].slice(0, PHRASES_SHOWN);
};

/** What each carried feature was understood to mean, with the problem's words for it. */
const readingsOf = (
  text: string,
  byFeature: ReadonlyMap<string, readonly FeatureSource[]>,
  carried: readonly string[],
): Reading[] =>
  carried.map((feature) => ({
    ...(feature.startsWith('c:') ? { means: conceptLabel(feature.slice(2)) } : {}),
    said: saidFor(text, byFeature, [feature]),
  }));

const explain = (doc: GuideDocument, readings: readonly Reading[]): string =>
  matchReason(readings, {
    section: doc.section,
    ...(doc.section === 'responsibility' || doc.section === 'skill'
      ? { name: doc.text }
      : doc.title !== undefined
        ? { name: doc.title }
        : {}),
  });

/** What the diagnosis weighs before it is calibrated into a probability. */
export interface DiagnosisSignals {
  /**
   * Roles with any evidence, best first by it, with their raw evidence and the learned scorer's
   * probability that each is the role to hire.
   */
  ranked: { role: Role; raw: number; learned: number; matches: DiagnosisMatch[] }[];
  /** What the learned scorer read of the problem. */
  inputs: Map<string, number>;
  understood: Understood[];
  /**
   * How much of the problem speaks of work outside technology (nurses, drivers, plumbers): a
   * job asked for counts most, the people a system serves least when technology is asked for.
   */
  otherWork: number;
  /** How many technology concepts and glossary terms the problem names. */
  technical: number;
  /** How much of the problem's wording the best role's evidence accounts for, 0-1. */
  explained: number;
}

/**
 * How directly the concepts of a problem point at one role, spread over all it said: a concept
 * only hinted at by one of its words counts for its share of a concept said outright.
 */
const conceptPrior = (code: string, concepts: ReadonlyMap<string, number>) => {
  const pointing = [...concepts.keys()].filter((c) => (rolesForConcept(c)[code] ?? 0) > 0);
  const said = [...concepts.values()].reduce((a, b) => a + b, 0);
  const sum =
    pointing.reduce((total, c) => total + rolesForConcept(c)[code]! * concepts.get(c)!, 0) +
    (rolesForConcepts([...concepts.keys()])[code] ?? 0);
  return { score: said > 0 ? sum / Math.sqrt(said) : 0, concepts: pointing };
};

/**
 * Words that ask for a person just before the work they are asked for: "need a", "hiring two
 * more", "looking for an experienced", "we look for" and "we search" as writers of another
 * first language ask, "approve a" post as a board paper asks. A job outside technology asked for
 * this way is what the problem is about, not a passing mention ("an app for our nurses").
 */
const ASKED_FOR =
  /\b(?:need|needs|needed|hiring|hire|looking for|searching for|seeking|want|wants|recruit|recruiting|require|requires|appoint|employ|find|get in|replace|short of|look for|search for|search|seek|approve|fund)\s+(?:(?:a|an|the|some|one|two|three|four|five|\d+|more|new|another|extra|good|better|experienced|qualified|reliable|proper|part[\s-]time|full[\s-]time|temporary|temp|weekend|night|nights|relief|locum|cover|trained|decent)\s+){0,4}$/i;
/**
 * A job named first and asked for after: "head chef quit. need one by friday", "our cleaner
 * left and we need a replacement", "my riders keep quitting, I need three more".
 */
const ASKED_AFTER =
  /^\W*(?:[\w'’]+\W+){0,8}?(?:need|needs|want|hiring|looking for|find)\s+(?:a\s+|an\s+)?(?:new\s+|another\s+)?(?:one|replacement|cover|(?:two|three|four|five|six|\d+|a few|a couple|some)\s+more)\b/i;
/** A message that opens on the job it asks for: "a part time bookseller who…", "a PA for…". */
const ASKED_FIRST =
  /^\W*(?:a|an|one|two|three|four|five|\d+)\s+(?:(?:more|new|another|extra|good|experienced|qualified|reliable|proper|part[\s-]time|full[\s-]time|temporary|temp|weekend|night|relief|locum|trained|decent)\s+){0,3}$/i;
/**
 * A job named again after a comma inside an ask: "someone to update the newsletter each week, an
 * admin assistant really". The ask names the work, the words after the comma who does it.
 */
const RESTATED = /,\s*(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** An occupation outside technology asked for counts as this many passing mentions of one. */
const ASKED_FOR_WEIGHT = 3;

/**
 * Words that say who is speaking just before what they do or run: "I'm the office manager",
 * "we're a museum", "I run a restaurant", "we have three hotels". Work named this way is the
 * setting of the problem, not what it asks for.
 */
const SELF_DESCRIBED =
  /\b(?:i\s*['’]?m|i am|im|we\s*['’]?re|we are|were|i run|we run|i own|we own|we have|we\s*['’]?ve got|i manage|i work (?:as|in|at|for))\s+(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|of|small|big|busy|local|family|independent|new|\d+[\w-]*|person|people|staff|site|strong)\s+){0,4}$/i;

/**
 * A person or a modal just before a word: "you tap the key", "before they land", "it will
 * cover". The word is then something done, not a trade named.
 */
const DOING =
  /\b(?:i|you|we|they|he|she|it|will|would|can|could|cannot|can['’]?t|won['’]?t|don['’]?t|doesn['’]?t|didn['’]?t)\s+$/i;

/**
 * Where a problem asks for something: from "need", "want", "we'd like", "can we have", "someone
 * to" to the end of its sentence, and a whole question opening on "who" ("Who will put the model
 * into production?"), which asks for whoever does the work it names.
 */
const ASK_CLAUSE =
  /(?:\b(?:need|needs|want|wants|would like|[’']d like|looking for|can we have|can we get|hire|some(?:one|body) (?:to|who)|(?:a|one) person (?:to|who))|(?<=(?:^|[.!?:\n])\s{0,3})who)\b[^.?!\n]*/gi;
const CONTEXT_FEATURES = new Set(['c:other-work', 'c:speaker', 'c:thing-symptom']);
/**
 * A mention of other work in passing weighs this much when the problem asks for technology and
 * for no work outside it: the drivers, patients or tenants are then who the system serves.
 */
const SERVED_WEIGHT = 0.5;

/**
 * How many times more an asking clause's words count beside their plain mention. A long story
 * (an audit finding, a letter, a meeting) says many words and asks in a few, and read evenly
 * the scene outweighs the need.
 */
const ASK_WEIGHT = 2;

/**
 * The problem's features with what its asking clauses say weighed up: "want it automatic"
 * or "someone to check everything before updates go out" names the work to hire for, while the
 * story around it ("one of them does it by hand at midnight") only sets the scene.
 */
const withAsksWeighed = (
  text: string,
  said: Features,
  reading: Parameters<typeof textFeatures>[1],
): Features => {
  const features = new Map(said);
  for (const ask of text.matchAll(ASK_CLAUSE)) {
    for (const [f, w] of textFeatures(ask[0], reading).features) {
      // A word turned down in the whole problem stays turned down.
      if (said.has(f)) features.set(f, features.get(f)! + ASK_WEIGHT * w);
    }
  }
  return features;
};

/**
 * Words that make the people after them a quantity: "how many drivers", "the number of
 * nurses". People counted are what a figure measures, not a job asked for.
 */
const COUNTED = /\b(?:how many|number of|numbers of|count of)\s+(?:[\w'’-]+\s+){0,2}$/i;

/**
 * How much the problem speaks of work outside technology: its mentions, the asked-for most. A
 * customer asking a business for a refund or a repair asks for its staff's service, as much as
 * if they had named that job.
 */
const otherWorkWeight = (text: string, sources: readonly FeatureSource[]): number => {
  const served = isCustomerRequest(text) ? ASKED_FOR_WEIGHT : 0;
  const asks = [...text.matchAll(ASK_CLAUSE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const inAsk = insideAnySpan(asks);
  const counted = (s: FeatureSource) =>
    COUNTED.test(text.slice(Math.max(0, s.start - 60), s.start));
  const asksForTechnology = sources.some(
    (s) => s.feature.startsWith('c:') && !CONTEXT_FEATURES.has(s.feature) && inAsk(s),
  );
  const asksForOtherWork = sources.some(
    (s) => s.feature === 'c:other-work' && inAsk(s) && !counted(s),
  );
  const passing = asksForTechnology && !asksForOtherWork ? SERVED_WEIGHT : 1;
  return sources
    .filter((s) => s.feature === 'c:other-work')
    .reduce((sum, s) => {
      const before = text.slice(Math.max(0, s.start - 60), s.start);
      if (counted(s)) return sum + SERVED_WEIGHT;
      if (SELF_DESCRIBED.test(before) || DOING.test(before)) return sum;
      const asked =
        ASKED_FOR.test(before) ||
        (inAsk(s) && RESTATED.test(before)) ||
        ASKED_FIRST.test(text.slice(0, s.start)) ||
        ASKED_AFTER.test(text.slice(s.end, s.end + 80));
      return sum + (asked ? ASKED_FOR_WEIGHT : passing);
    }, served);
};

/**
 * Which role to hire for problems told in plain words, ranked, with the parts of each guide
 * (its signs first, then its reasons to hire and responsibilities) that matched and why.
 * @example
 * diagnose('pages take ten seconds and the site fell over during the sale', { roles })
 *   .roles[0].code // 'backend-developer' or 'site-reliability-engineer'
 */
export const diagnosisSignals = (text: string, deps: DiagnoseDeps): DiagnosisSignals => {
  const glossary =
    deps.spotter && deps.terms ? { spotter: deps.spotter, terms: deps.terms } : undefined;
  const { profiles, idf, termIdf, averageLength, vocabulary, titleWords } =
    deps.profiles ?? roleProfiles(deps.roles, glossary);
  // People type problems in a hurry: "our webiste keeps crashng".
  const reading = { vocabulary, titleWords, hints: true };
  const { features: said, sources } = textFeatures(text, reading);
  const features = withAsksWeighed(text, said, reading);
  const byFeature = sourcesByFeature(sources);
  // A term in a part said to be fine or turned down is no more evidence than its words are.
  const negated = insideAnySpan(negatedSpans(text));
  const hits = (glossary ? glossary.spotter.spot(text) : []).filter((h) => !negated(h));
  const spotted = [...new Set(hits.map((h) => h.slug))];
  const termMass = spotted.reduce((sum, s) => sum + (termIdf.get(s) ?? 0), 0);
  const saidConcepts = new Map(
    [...features]
      .filter(([f]) => f.startsWith('c:') && Object.keys(rolesForConcept(f.slice(2))).length > 0)
      .map(([f, weight]) => [f.slice(2), Math.min(1, weight / CONCEPT_WEIGHT)]),
  );
  const asks = dataAsks(text, new Set(saidConcepts.keys()));

  const ranked = profiles.map((profile) => {
    const bySection = new Map<
      GuideSection,
      { doc: GuideDocument; score: number; shared: string[]; carried: string[] }[]
    >();
    for (const doc of profile.documents) {
      const { score, shared, carried } = coverage(
        features,
        doc.features,
        idf,
        doc.length,
        averageLength,
      );
      if (score <= 0) continue;
      const list = bySection.get(doc.section) ?? [];
      list.push({ doc, score, shared, carried });
      bySection.set(doc.section, list);
    }
    // The best-fitting sign counts most; a second sign and each other section's best match add to it.
    let sign = 0;
    let other = 0;
    const matches: DiagnosisMatch[] = [];
    const covered = new Set<string>();
    for (const [section, list] of bySection) {
      list.sort((a, b) => b.score - a.score);
      const [best, second] = list;
      const weight = SECTION_WEIGHT[section];
      if (section === 'sign') sign = (best?.score ?? 0) + SECOND_SIGN * (second?.score ?? 0);
      else other += weight * (best?.score ?? 0);
      for (const m of list.slice(0, 2)) {
        if (m.score * weight < MIN_MATCH) continue;
        for (const f of m.shared) covered.add(f);
        // The words that carried the match are its reasons; a word that added little is not.
        const said = saidFor(text, byFeature, m.carried);
        matches.push({
          section,
          ...(m.doc.title ? { title: m.doc.title } : {}),
          text: m.doc.text,
          said,
          why: explain(m.doc, readingsOf(text, byFeature, m.carried)),
          score: round(m.score * weight),
        });
      }
    }
    let raw = sign + OTHER_SECTIONS * other;
    const prior = conceptPrior(profile.role.code, saidConcepts);
    if (prior.score > 0) {
      raw += CONCEPT_PRIOR * prior.score;
      for (const c of prior.concepts) covered.add(`c:${c}`);
      const said = saidFor(
        text,
        byFeature,
        prior.concepts.map((c) => `c:${c}`),
      );
      const labels = prior.concepts.map(conceptLabel);
      matches.push({
        section: 'concept',
        text: labels.join(', '),
        said,
        why: matchReason(
          readingsOf(
            text,
            byFeature,
            prior.concepts.map((c) => `c:${c}`),
          ),
          { section: 'concept' },
        ),
        score: round(CONCEPT_PRIOR * prior.score),
      });
    }
    for (const ask of asks) {
      const weight = ask.roles[profile.role.code];
      if (!weight) continue;
      const score = DATA_ASK_WEIGHT * weight;
      raw += score;
      const said = text.slice(ask.start, ask.end).replace(/\s+/g, ' ');
      matches.push({
        section: 'concept',
        text: ask.label,
        said: [said],
        why: matchReason([{ means: ask.label, said: [said] }], { section: 'concept' }),
        score: round(score),
      });
    }
    const linked = spotted.filter((s) => profile.terms.has(s));
    if (termMass > 0 && linked.length > 0) {
      const explained = linked.reduce(
        (sum, s) => sum + profile.terms.get(s)!.weight * (termIdf.get(s) ?? 0),
        0,
      );
      const termScore = (TERM_WEIGHT * explained) / termMass;
      raw += termScore;
      const names = linked.map((s) => deps.terms?.get(s)?.name ?? s);
      matches.push({
        section: 'term',
        text: names.join(', '),
        said: hits.filter((h) => linked.includes(h.slug)).map((h) => h.text),
        why: `You named ${names.map(quote).join(', ')}, which this role works with.`,
        score: round(termScore),
      });
    }
    matches.sort((a, b) => b.score - a.score);
    const termSpans = hits.filter((h) => linked.includes(h.slug));
    return { role: profile.role, raw, matches: matches.slice(0, 4), covered, termSpans };
  });

  ranked.sort((a, b) => b.raw - a.raw);
  const best = ranked[0];
  const model = deps.learned ?? LEARNED_MODEL;
  const inputs = learnedInputs(said, spotted);
  const likelihoods = learnedLikelihoods(model, inputs);
  const learnedMatch = (code: string, top: number): DiagnosisMatch[] => {
    const features = weighedMost(model, inputs, code, LEARNED_WORDS);
    const heard = saidFor(text, byFeature, features);
    if (heard.length === 0) return [];
    return [
      {
        section: 'concept',
        text: 'problems told in these words',
        said: heard,
        why: `Problems told with ${heard.map(quote).join(', ')} were most often work for this role.`,
        score: round(LEARNED_WEIGHT * (likelihoods.get(code) ?? 0) * top),
      },
    ];
  };
  const understood = new Map<string, Understood>();
  for (const s of sources) {
    if (!s.feature.startsWith('c:')) continue;
    const said = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const means = conceptLabel(s.feature.slice(2));
    understood.set(`${said.toLowerCase()}|${means}`, { said, means });
  }
  return {
    ranked: ranked
      .filter((r) => r.raw > 0 && r.matches.length > 0)
      .map(({ role, raw, matches }, i) => ({
        role,
        raw,
        learned: likelihoods.get(role.code) ?? 0,
        // The model's words are told only where they can reorder the roles.
        matches:
          i < LEARNED_CANDIDATES
            ? [...matches, ...learnedMatch(role.code, best!.raw)].sort((a, b) => b.score - a.score)
            : matches,
      })),
    inputs,
    understood: [...understood.values()],
    otherWork: otherWorkWeight(text, sources),
    technical: saidConcepts.size + spotted.length,
    explained: best ? explainedShare(text, sources, best.covered, best.termSpans, idf) : 0,
  };
};

/** Weights of the calibration: whether the best role fits at all, and how the others compare. */
export interface Calibration {
  fit: Record<'bias' | 'raw' | 'otherWork' | 'technical' | 'explained', number>;
  role: Record<'bias' | 'raw' | 'share', number>;
}

/**
 * Two logistic regressions over the raw evidence, fitted on the dev half of the outside
 * evaluation set by `npx tsx bench/diagnosis/calibrate.ts`, read both as the lists read it and
 * as they would without each batch's own words, since most writers use words no list holds. `fit` gives the chance that the
 * best role is right, from its evidence, how much of the problem speaks of work outside
 * technology, how many technology concepts and terms it names and how much of the problem's
 * wording its evidence accounts for; the score shown for the first role builds on it (blended-score.ts). `role` gives each of the other roles its chance of being a right answer too, from
 * its evidence and its share of the best one's (learnt on the five best roles of each
 * problem), never above the best role's.
 */
const CALIBRATION: Calibration = {
  fit: { bias: -1.25, raw: 1.11, otherWork: -1.23, technical: 0.48, explained: 1.37 },
  role: { bias: -4.06, raw: 1.73, share: 2.06 },
};
const FITS = 0.5;
/** Technology concepts and terms beyond this many add nothing more to the fit. */
const TECHNICAL_CAP = 5;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The calibrated score of each ranked role (raw evidence, best first): the first is the chance
 * that the best role is the one to hire.
 */
export const calibratedScores = (
  raws: readonly number[],
  signals: Pick<DiagnosisSignals, 'otherWork' | 'technical' | 'explained'>,
  c: Calibration = CALIBRATION,
): number[] => {
  const top = raws[0] ?? 0;
  if (top <= 0) return raws.map(() => 0);
  const fit = sigmoid(
    c.fit.bias +
      c.fit.raw * top +
      c.fit.otherWork * signals.otherWork +
      c.fit.technical * Math.min(signals.technical, TECHNICAL_CAP) +
      c.fit.explained * signals.explained,
  );
  const role = (raw: number) =>
    sigmoid(c.role.bias + c.role.raw * raw + c.role.share * (raw / top));
  return raws.map((raw, i) => (i === 0 ? fit : Math.min(fit, role(raw))));
};

const noFitMessage = (understood: readonly Understood[]): string => {
  const heard = understood.filter((u) => u.means !== conceptLabel('speaker'));
  const what =
    heard.length > 0
      ? ` We understood ${heard
          .slice(0, 5)
          .map((u) => `${quote(u.said)} as ${u.means}`)
          .join(', ')}.`
      : ' We found nothing in it that a technology role is hired for.';
  return `This does not sound like a technology role.${what}`;
};

/**
 * Which role to hire for problems told in plain words, ranked, with the parts of each guide
 * (its signs first, then its reasons to hire and responsibilities) and the concepts that
 * matched and why; no role at all, with what was understood, when none is likely to fit.
 * @example
 * diagnose('pages take ten seconds and the site fell over during the sale', { roles })
 *   .roles[0].code // 'backend-developer' or 'site-reliability-engineer'
 */
export const diagnose = (text: string, deps: DiagnoseDeps): Diagnosis => {
  const signals = diagnosisSignals(text, deps);
  const [rulesChance = 0] = calibratedScores(
    signals.ranked.map((r) => r.raw),
    signals,
  );
  // The rules rank the candidates, the learned scorer helps pick the first among them, and the
  // score shown (and refused under FITS) is the chance that this blended first role is right. A
  // role of the library's own that the scorer was never taught is weighed by the rules alone.
  const ordered = blendedOrder(signals.ranked);
  const first = ordered[0];
  const taught = (deps.learned ?? LEARNED_MODEL).roles.includes(first?.role.code ?? '');
  const fit = first && taught ? blendedFirstScore(rulesChance, first.learned) : rulesChance;
  const [, ...others] = calibratedScores(
    [signals.ranked[0]?.raw ?? 0, ...ordered.map((r) => r.raw)],
    signals,
  );
  // Rounded once, so the message and the list say the same percentage.
  const scored = ordered.map((r, i) => ({
    ...r,
    score: round(i === 0 ? fit : Math.min(fit, others[i]!)),
  }));
  const best = scored[0];
  if (!best || best.score < FITS) {
    return {
      verdict: 'no-technology-role',
      message: noFitMessage(signals.understood),
      roles: [],
      understood: signals.understood,
    };
  }
  return {
    verdict: 'technology-role',
    message: `This sounds like work for ${withArticle(best.role.name)} (${Math.round(best.score * 100)}% likely).`,
    roles: scored.slice(0, deps.limit ?? 5).map((r) => ({
      taxonomy: r.role.taxonomy,
      code: r.role.code,
      name: r.role.name,
      score: r.score,
      matches: r.matches,
    })),
    understood: signals.understood,
  };
};
