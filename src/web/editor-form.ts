import {
  parse,
  RoleContentSchema,
  TaxonomyIdSchema,
  TermContentSchema,
  validatorFor,
  type Link,
  type Point,
  type RoleContent,
  type Skill,
  type Technology,
  type TermContent,
} from '../domain/index.js';
import type { EditIntent, RoleRef } from '../services/index.js';
import {
  formLines,
  readItem,
  splitAll,
  splitFirst,
  splitLastBefore,
  splitTrailingWord,
  writeItem,
} from './form-lines.js';

/*
 * The editor's forms and the content they stand for. A list is a textarea with one item a line;
 * an item with parts writes them the way a person would: `Title: text` for a point,
 * `Title | https://…` for a link, `Name (essential)` for a skill, `Name: category` for a
 * technology, `taxonomy/code` for a role of another taxonomy. A backslash escapes what would
 * otherwise split or be trimmed (form-lines.ts), so a form saved unchanged stores its content
 * unchanged. What the form does not show (a technology's hot mark, hidden titles, the
 * crosswalk, the status) is kept from the content being edited.
 * The content is then validated like any other input, so a refusal names the field.
 */

/** The role form's fields, as text. */
export interface RoleFormValues {
  name: string;
  summary: string;
  alternativeTitles: string;
  responsibilities: string;
  benefits: string;
  signs: string;
  terms: string;
  skills: string;
  technologies: string;
  relatedRoles: string;
  links: string;
}

/** The term form's fields, as text. */
export interface TermFormValues {
  name: string;
  abbreviations: string;
  aliases: string;
  definition: string;
  examples: string;
  category: string;
  caseSensitive: boolean;
  needsContext: string;
}

/** The versions an editor page was showing, sent back with the form. */
export interface FormVersions {
  version: number;
  draftVersion: number | undefined;
}

/** What a press of the editor's buttons asks for. */
export type FormIntent = 'preview' | EditIntent;

/** A posted form's fields by name; a field left out is absent. */
export type PostedForm = Readonly<Record<string, string | undefined>>;

/**
 * A form as it can be shown again, even one its schema refused: text fields only, the first of
 * a repeated one, so what the person typed is never lost to a refusal.
 */
export const shownForm = (body: unknown): PostedForm => {
  const form: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return form;
  for (const [name, value] of Object.entries(body)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') form[name] = first;
  }
  return form;
};

const text = (form: PostedForm, name: string): string => form[name] ?? '';

/** Slugs separated by commas, spaces or lines; a slug holds none of them. */
const words = (value: string): string[] =>
  value
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');

/** Short names on one line, as a person types a few: `CI, CD`. */
const writeCommaList = (names: readonly string[]): string =>
  names.map((name) => writeItem(name, ',')).join(', ');

/** A browser sends a textarea's line breaks as CRLF; the value stored has what was typed. */
const freeText = (value: string): string => value.replace(/\r\n/g, '\n');

/** A stored text as `freeText` reads it back from a textarea, every line break a LF. */
const asTextareaSends = (stored: string): string => stored.replace(/\r\n?/g, '\n');

/** A stored text as a text input sends it back: a browser drops its line breaks. */
const asInputSends = (stored: string): string => stored.replace(/[\r\n]/g, '');

/**
 * A browser cannot send back every stored text, and no escape would read as typed in a name or
 * in prose (a summary, a definition). Text that is what the browser made of the stored text is
 * that text unchanged, so the stored text stands; anything else was typed.
 */
const keptUnlessTyped = (
  typed: string,
  stored: string | undefined,
  asSent: (stored: string) => string,
): string => (stored !== undefined && asSent(stored) === typed ? stored : typed);

const readPoint = (line: string): Point => {
  const [title, body] = splitFirst(line, ':');
  return { title, text: body };
};

const writePoint = (point: Point): string =>
  `${writeItem(point.title, ':')}: ${writeItem(point.text)}`;

const isWebUrl = (rest: string): boolean => /^https?:\/\//i.test(rest);

/** The URL is what follows the last bar before `http`, so a title may hold bars. */
const readLink = (line: string): Link => {
  const parts = splitLastBefore(line, '|', isWebUrl);
  if (!parts) return { title: readItem(line), url: line.trim() };
  return { title: parts[0], url: parts[1] };
};

const writeLink = (link: Link): string => `${writeItem(link.title)} | ${link.url}`;

const importances = ['essential', 'optional'] as const;

const readSkill = (line: string): Skill => {
  const parts = splitTrailingWord(line, importances);
  return parts ? { name: parts[0], importance: parts[1] } : { name: readItem(line) };
};

/** A name that itself ends in `(essential)` has that bracket escaped, or it would read as one. */
const writeSkill = (skill: Skill): string => {
  const name = writeItem(skill.name);
  if (skill.importance) return `${name} (${skill.importance})`;
  if (!splitTrailingWord(name, importances)) return name;
  const open = name.lastIndexOf('(');
  return `${name.slice(0, open)}\\${name.slice(open)}`;
};

/** A technology's hot mark is not typed: one still named and filed alike keeps it. */
const readTechnology = (line: string, kept: readonly Technology[]): Technology => {
  const [name, category] = splitFirst(line, ':');
  const same = kept.find((t) => t.name === name && (t.category ?? '') === category);
  return {
    name,
    ...(category !== '' ? { category } : {}),
    ...(same?.hot !== undefined ? { hot: same.hot } : {}),
  };
};

const writeTechnology = (technology: Technology): string =>
  technology.category !== undefined
    ? `${writeItem(technology.name, ':')}: ${writeItem(technology.category)}`
    : writeItem(technology.name, ':');

const isTaxonomyId = (value: string): boolean => validatorFor(TaxonomyIdSchema)(value) === true;

/**
 * `taxonomy/code` when what comes before the first slash could be a taxonomy, else a code of
 * the role's own taxonomy: an ESCO URI reads as a code.
 */
const readRoleRef = (line: string, taxonomy: string): RoleRef => {
  const trimmedLine = line.trim();
  const slash = trimmedLine.indexOf('/');
  const prefix = trimmedLine.slice(0, slash);
  if (slash < 0 || !isTaxonomyId(prefix)) return { taxonomy, code: trimmedLine };
  return { taxonomy: prefix, code: trimmedLine.slice(slash + 1) };
};

/** A code of the role's own taxonomy is written alone unless it would read as another's. */
const writeRoleRef = (ref: RoleRef, taxonomy: string): string => {
  const alone = readRoleRef(ref.code, taxonomy);
  const readsBack = alone.taxonomy === ref.taxonomy && alone.code === ref.code;
  return readsBack ? ref.code : `${ref.taxonomy}/${ref.code}`;
};

export const roleFormValues = (content: RoleContent, taxonomy: string): RoleFormValues => ({
  name: content.name,
  summary: content.summary,
  alternativeTitles: content.alternativeTitles.map((title) => writeItem(title)).join('\n'),
  responsibilities: content.responsibilities.map((duty) => writeItem(duty)).join('\n'),
  benefits: content.benefits.map(writePoint).join('\n'),
  signs: content.signs.map(writePoint).join('\n'),
  terms: content.terms.join(', '),
  skills: content.skills.map(writeSkill).join('\n'),
  technologies: content.technologies.map(writeTechnology).join('\n'),
  relatedRoles: content.relatedRoles.map((ref) => writeRoleRef(ref, taxonomy)).join('\n'),
  links: content.links.map(writeLink).join('\n'),
});

/**
 * The role content a posted form stands for, over what the form does not show of `kept`.
 * @example roleFromForm(form, stored, 'rolebook').benefits // [{ title: 'Speed', text: 'Ships sooner.' }]
 */
export const roleFromForm = (form: PostedForm, kept: RoleContent, taxonomy: string): RoleContent =>
  parse(RoleContentSchema, {
    ...kept,
    name: keptUnlessTyped(text(form, 'name'), kept.name, asInputSends),
    summary: keptUnlessTyped(freeText(text(form, 'summary')), kept.summary, asTextareaSends),
    alternativeTitles: formLines(text(form, 'alternativeTitles')).map(readItem),
    responsibilities: formLines(text(form, 'responsibilities')).map(readItem),
    benefits: formLines(text(form, 'benefits')).map(readPoint),
    signs: formLines(text(form, 'signs')).map(readPoint),
    terms: words(text(form, 'terms')),
    skills: formLines(text(form, 'skills')).map(readSkill),
    technologies: formLines(text(form, 'technologies')).map((line) =>
      readTechnology(line, kept.technologies),
    ),
    relatedRoles: formLines(text(form, 'relatedRoles')).map((line) => readRoleRef(line, taxonomy)),
    links: formLines(text(form, 'links')).map(readLink),
  });

export const termFormValues = (content: TermContent): TermFormValues => ({
  name: content.name,
  abbreviations: writeCommaList(content.abbreviations),
  aliases: content.aliases.map((alias) => writeItem(alias)).join('\n'),
  definition: content.definition,
  examples: content.examples.join(', '),
  category: content.category,
  caseSensitive: content.caseSensitive,
  needsContext: writeCommaList(content.needsContext ?? []),
});

/**
 * The term content a posted form stands for; `stored`, the term edited, keeps what the browser
 * could not send back of it.
 */
export const termFromForm = (form: PostedForm, stored?: TermContent): TermContent => {
  const needsContext = splitAll(text(form, 'needsContext'), ',');
  return parse(TermContentSchema, {
    name: keptUnlessTyped(text(form, 'name'), stored?.name, asInputSends),
    abbreviations: splitAll(text(form, 'abbreviations'), ','),
    aliases: formLines(text(form, 'aliases')).map(readItem),
    definition: keptUnlessTyped(
      freeText(text(form, 'definition')),
      stored?.definition,
      asTextareaSends,
    ),
    examples: words(text(form, 'examples')),
    category: text(form, 'category'),
    caseSensitive: form.caseSensitive === 'yes',
    // A term stored with the list keeps it, even emptied; one without it gets none unless filled.
    ...(needsContext.length > 0 || stored?.needsContext ? { needsContext } : {}),
  });
};

const whole = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;

/** The versions the page showed; a form without them was not made by the editor. */
export const formVersions = (form: PostedForm): FormVersions => ({
  version: whole(form.version) ?? 0,
  draftVersion: whole(form.draftVersion),
});

export const formIntent = (form: PostedForm): FormIntent => {
  const intent = form.intent;
  return intent === 'draft' || intent === 'publish' ? intent : 'preview';
};

/** The role form's fields as they were typed, to show again with a refusal or a conflict. */
export const typedRoleValues = (form: PostedForm): RoleFormValues => ({
  name: text(form, 'name'),
  summary: text(form, 'summary'),
  alternativeTitles: text(form, 'alternativeTitles'),
  responsibilities: text(form, 'responsibilities'),
  benefits: text(form, 'benefits'),
  signs: text(form, 'signs'),
  terms: text(form, 'terms'),
  skills: text(form, 'skills'),
  technologies: text(form, 'technologies'),
  relatedRoles: text(form, 'relatedRoles'),
  links: text(form, 'links'),
});

/** The term form's fields as they were typed. */
export const typedTermValues = (form: PostedForm): TermFormValues => ({
  name: text(form, 'name'),
  abbreviations: text(form, 'abbreviations'),
  aliases: text(form, 'aliases'),
  definition: text(form, 'definition'),
  examples: text(form, 'examples'),
  category: text(form, 'category'),
  caseSensitive: form.caseSensitive === 'yes',
  needsContext: text(form, 'needsContext'),
});
