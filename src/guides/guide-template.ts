import { AppError } from '../domain/index.js';

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

type Part = string | { placeholder: PlaceholderName };

export interface GuideTemplate {
  /** Where the template came from, for error messages (`guide.en`). */
  readonly name: string;
  readonly texts: ReadonlyMap<GuideTemplateKey, readonly Part[]>;
}

const isPlaceholder = (name: string): name is PlaceholderName =>
  (placeholderNames as readonly string[]).includes(name);

const invalid = (template: string, key: string, message: string): AppError =>
  new AppError('template_invalid', `Template ${template}, key ${key}: ${message}`, [
    { field: key, file: template, message },
  ]);

/**
 * Splits a text into literal parts and placeholders. `{{` and `}}` stand for literal braces;
 * any other brace that is not a known `{placeholder}` is refused, so no brace reaches a page.
 */
const compileText = (template: string, key: string, text: string): Part[] => {
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
        `unknown placeholder {${name}}; known placeholders are ${placeholderNames.map((p) => `{${p}}`).join(', ')}`,
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

/**
 * Checks a parsed template file and compiles it. Every key must be present and a non-empty
 * string, no other key may appear, and every placeholder must be known; otherwise an
 * `AppError('template_invalid')` names the key and the placeholder.
 * @example loadGuideTemplate({ page: { title: '{role_name}' }, ... }, 'guide.en')
 */
export const loadGuideTemplate = (source: unknown, name: string): GuideTemplate => {
  const known = new Set<string>(guideTemplateKeys);
  const unknownKey = leafKeys(source).find((key) => !known.has(key));
  if (unknownKey !== undefined) {
    throw invalid(name, unknownKey || '(root)', 'is not a key of the guide template');
  }
  const texts = new Map<GuideTemplateKey, Part[]>();
  for (const key of guideTemplateKeys) {
    const text = lookup(source, key);
    if (typeof text !== 'string' || text.trim() === '') {
      throw invalid(name, key, 'is missing or empty');
    }
    texts.set(key, compileText(name, key, text));
  }
  return { name, texts };
};

/**
 * Fills one text of a template. A placeholder whose value is missing or blank is an error,
 * never an empty gap or a literal `{role_name}` on a page.
 * @example fillTemplate(t, 'sections.benefits', { a_role_name: 'an SRE' }) === 'Why hire an SRE?'
 */
export const fillTemplate = (
  template: GuideTemplate,
  key: GuideTemplateKey,
  values: PlaceholderValues,
): string => {
  const parts = template.texts.get(key);
  if (!parts) throw invalid(template.name, key, 'is not in this template');
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = values[part.placeholder];
      if (value === undefined || value.trim() === '') {
        throw invalid(template.name, key, `no value for placeholder {${part.placeholder}}`);
      }
      return value;
    })
    .join('');
};
