import { AppError, type RoleNameNumber } from '../domain/index.js';

/** Every text a guide needs, by dotted key. A template must give exactly these. */
export const guideTemplateKeys = [
  'page.title',
  'page.kicker',
  'page.heading',
  'page.description',
  'sections.summary',
  'sections.responsibilities',
  'sections.benefits',
  'sections.signs',
  'sections.terms',
  'sections.skills',
  'sections.technologies',
  'sections.related',
  'sections.links',
  'sections.crosswalk',
  'labels.alsoKnownAs',
  'labels.examples',
  'labels.essentialSkills',
  'labels.optionalSkills',
  'labels.otherSkills',
  'labels.otherTechnologies',
  'labels.hotTechnology',
  'labels.inDemand',
  'labels.onThisPage',
  'labels.source',
  'labels.license',
  'labels.updated',
  'labels.draft',
] as const;
export type GuideTemplateKey = (typeof guideTemplateKeys)[number];

/**
 * The placeholders a template may use. `a_role_name` is the name with its article
 * ("an iOS Developer"), so templates never guess "a" or "an".
 */
export const placeholderNames = ['role_name', 'a_role_name', 'taxonomy_name'] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

/**
 * The placeholders a text may use, by the grammatical number of the role names it is worded
 * for. A plural name takes no article ("Why hire Software Developers?"), so a plural wording
 * has no `a_role_name`.
 */
const placeholdersFor: Readonly<Record<RoleNameNumber, readonly PlaceholderName[]>> = {
  singular: placeholderNames,
  plural: ['role_name', 'taxonomy_name'],
};

/**
 * The block of a template file that words texts again for plural role names, under the same
 * keys (`plural.sections.summary`). A key it leaves out reads the same for both numbers; a key
 * whose text uses a placeholder that plural wordings lack (`{a_role_name}`) must be in it.
 */
const pluralBlock = 'plural';

type Part = string | { placeholder: PlaceholderName };

export interface GuideTemplate {
  /** Where the template came from, for error messages (`guide.en`). */
  readonly name: string;
  /** Every text, worded for role names in the singular ("What does a Backend Developer do?"). */
  readonly texts: ReadonlyMap<GuideTemplateKey, readonly Part[]>;
  /** The texts worded otherwise for role names in the plural ("What do Software Developers do?"). */
  readonly pluralTexts: ReadonlyMap<GuideTemplateKey, readonly Part[]>;
}

const isPlaceholder = (name: string): name is PlaceholderName =>
  (placeholderNames as readonly string[]).includes(name);

const listed = (names: readonly string[]): string => names.map((p) => `{${p}}`).join(', ');

const invalid = (template: string, key: string, message: string): AppError =>
  new AppError('template_invalid', `Template ${template}, key ${key}: ${message}`, [
    { field: key, file: template, message },
  ]);

/**
 * Splits a text into literal parts and placeholders. `{{` and `}}` stand for literal braces;
 * any other brace that is not a `{placeholder}` the text's wording may use is refused, so no
 * brace reaches a page.
 */
const compileText = (
  template: string,
  key: string,
  text: string,
  number: RoleNameNumber,
): Part[] => {
  const allowed = placeholdersFor[number];
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '{' || c === '}') && text[i + 1] === c) {
      literal += c;
      i += 2;
      continue;
    }
    if (c === '}') throw invalid(template, key, `unmatched "}" at character ${i + 1}`);
    if (c !== '{') {
      literal += c;
      i += 1;
      continue;
    }
    const close = text.indexOf('}', i);
    if (close < 0) throw invalid(template, key, `unclosed "{" at character ${i + 1}`);
    const name = text.slice(i + 1, close).trim();
    if (!isPlaceholder(name)) {
      throw invalid(
        template,
        key,
        `unknown placeholder {${name}}; known placeholders are ${listed(allowed)}`,
      );
    }
    if (!allowed.includes(name)) {
      throw invalid(
        template,
        key,
        `placeholder {${name}} has no ${number} wording; ${number} texts may use ${listed(allowed)}`,
      );
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push({ placeholder: name });
    i = close + 1;
  }
  if (literal) parts.push(literal);
  return parts;
};

const lookup = (source: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, segment) =>
        typeof node === 'object' && node !== null && Object.hasOwn(node, segment)
          ? (node as Record<string, unknown>)[segment]
          : undefined,
      source,
    );

/** Every dotted key to a leaf in a parsed template, to catch misspelt keys. */
const leafKeys = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null && !Array.isArray(node)
    ? Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

/** The first placeholder of a text that a wording for `number` cannot fill, if any. */
const lacking = (parts: readonly Part[], number: RoleNameNumber): PlaceholderName | undefined =>
  parts.flatMap((part) =>
    typeof part === 'string' || placeholdersFor[number].includes(part.placeholder)
      ? []
      : [part.placeholder],
  )[0];

/**
 * Checks a parsed template file and compiles it. Every key must be present and a non-empty
 * string, no other key may appear, and every placeholder must be one its wording may use;
 * the `plural` block may word any key again for plural role names, and must for each key that
 * uses `{a_role_name}`. Otherwise an `AppError('template_invalid')` names the key and the
 * placeholder.
 * @example loadGuideTemplate({ page: { title: '{role_name}' }, ..., plural: { ... } }, 'guide.en')
 */
export const loadGuideTemplate = (source: unknown, name: string): GuideTemplate => {
  const plural = lookup(source, pluralBlock);
  if (
    plural !== undefined &&
    (typeof plural !== 'object' || plural === null || Array.isArray(plural))
  ) {
    throw invalid(name, pluralBlock, 'must be an object of texts worded for plural role names');
  }
  const known = new Set<string>([
    ...guideTemplateKeys,
    ...guideTemplateKeys.map((key) => `${pluralBlock}.${key}`),
  ]);
  const unknownKey = leafKeys(source).find((key) => !known.has(key));
  if (unknownKey !== undefined) {
    throw invalid(name, unknownKey || '(root)', 'is not a key of the guide template');
  }
  const texts = new Map<GuideTemplateKey, Part[]>();
  const pluralTexts = new Map<GuideTemplateKey, Part[]>();
  for (const key of guideTemplateKeys) {
    const text = lookup(source, key);
    if (typeof text !== 'string' || text.trim() === '') {
      throw invalid(name, key, 'is missing or empty');
    }
    const parts = compileText(name, key, text, 'singular');
    texts.set(key, parts);

    const pluralKey = `${pluralBlock}.${key}`;
    const pluralText = lookup(source, pluralKey);
    if (pluralText === undefined) {
      const missing = lacking(parts, 'plural');
      if (missing !== undefined) {
        throw invalid(
          name,
          pluralKey,
          `is missing: ${key} uses {${missing}}, which has no plural wording, so plural role names need a text of their own`,
        );
      }
      continue;
    }
    if (typeof pluralText !== 'string' || pluralText.trim() === '') {
      throw invalid(name, pluralKey, 'is empty or not a text');
    }
    pluralTexts.set(key, compileText(name, pluralKey, pluralText, 'plural'));
  }
  return { name, texts, pluralTexts };
};

/**
 * Fills one text of a template, worded for role names in `number` (default singular): the
 * plural wording of the key when the template has one, else its only wording. A placeholder
 * whose value is missing or blank is an error, never an empty gap or a literal `{role_name}`
 * on a page.
 * @example fillTemplate(t, 'sections.benefits', { a_role_name: 'an SRE' }) === 'Why hire an SRE?'
 * @example fillTemplate(t, 'sections.benefits', { role_name: 'Actuaries' }, 'plural') === 'Why hire Actuaries?'
 */
export const fillTemplate = (
  template: GuideTemplate,
  key: GuideTemplateKey,
  values: PlaceholderValues,
  number: RoleNameNumber = 'singular',
): string => {
  const pluralParts = number === 'plural' ? template.pluralTexts.get(key) : undefined;
  const parts = pluralParts ?? template.texts.get(key);
  if (!parts) throw invalid(template.name, key, 'is not in this template');
  const where = pluralParts ? `${pluralBlock}.${key}` : key;
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = values[part.placeholder];
      if (value === undefined || value.trim() === '') {
        throw invalid(template.name, where, `no value for placeholder {${part.placeholder}}`);
      }
      return value;
    })
    .join('');
};
