import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import Format from 'typebox/format';
import Value from 'typebox/value';
import { validationError, type ProblemDetail, type ProblemLocation } from './errors.js';
import { collapseListItems, repeatedListItems } from './list-items.js';
import { textRuleProblem } from './text-rules.js';

/**
 * Options shared with the HTTP layer's validator, so a document is judged the same whether it
 * arrives over HTTP, in a content file or in an import pack: unknown fields are errors, never
 * silently dropped, and nothing is coerced.
 */
const ajvOptions = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: false,
  coerceTypes: false,
  strict: false,
  // Errors carry their schema, so a pattern's refusal can say in words what it asks for.
  verbose: true,
} as const;

const require = createRequire(import.meta.url);

/**
 * A validator with our formats. Ajv is loaded on the first schema compiled, not with the
 * domain: the title workers of a batch use the domain's vocabulary but validate nothing, and
 * each would otherwise load Ajv's forty-odd files for no use.
 */
const newAjv = (options: AjvModule.Options): Ajv => {
  const { Ajv: AjvClass } = require('ajv') as typeof AjvModule;
  const addFormats = require('ajv-formats') as FormatsPlugin;
  return addFormats(new AjvClass(options));
};

let plainAjv: Ajv | undefined;
const plain = (): Ajv => (plainAjv ??= newAjv(ajvOptions));
/**
 * Query strings, path parameters and headers arrive as text; only they may be coerced. Made on
 * first use: only the HTTP server asks for it, and a command line start need not build it.
 */
let coercingAjv: Ajv | undefined;
const coercing = (): Ajv => (coercingAjv ??= newAjv({ ...ajvOptions, coerceTypes: 'array' }));
const compiled = new WeakMap<TSchema, ValidateFunction>();
const compiledCoercing = new WeakMap<TSchema, ValidateFunction>();

const fieldOf = (error: ErrorObject): string => {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return path ? `${path}.${extra}` : extra;
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return path ? `${path}.${missing}` : missing;
  }
  return path || '(root)';
};

/** What each JSON type is called in a sentence for people. */
const TYPE_NAMES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object of named fields',
  null: 'empty (null)',
};

const typeName = (type: unknown): string =>
  (Array.isArray(type) ? type : [type]).map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The validator's complaint as a plain sentence about the field ("is longer than 200
 * characters", not "must NOT have more than 200 characters"), the one place its wording is
 * turned into ours for the API, the site's forms and the CLI alike.
 */
const messageOf = (error: ErrorObject): string => {
  const params = error.params as Record<string, unknown>;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not a known field';
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${typeName(params.type)}`;
    case 'maxLength':
      return `is longer than ${plural(limit, 'character')}`;
    case 'minLength':
      return limit <= 1 ? 'must not be empty' : `is shorter than ${plural(limit, 'character')}`;
    case 'maxItems':
      return `has more than ${plural(limit, 'item')}`;
    case 'minItems':
      return limit <= 1 ? 'must not be an empty list' : `needs at least ${plural(limit, 'item')}`;
    case 'maximum':
      return `must be ${limit} or less`;
    case 'minimum':
      return `must be ${limit} or more`;
    case 'exclusiveMaximum':
      return `must be less than ${limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${limit}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'pattern': {
      // A schema says in words what its pattern asks for as `x-form` (an OpenAPI extension).
      const form = (error.parentSchema as { 'x-form'?: unknown } | undefined)?.['x-form'];
      return typeof form === 'string'
        ? `must be ${form}`
        : 'is not written in the form this field takes';
    }
    case 'format':
      return `is not a valid ${String(params.format)}`;
    case 'uniqueItems':
      return 'lists the same item twice';
    default:
      return error.message ?? 'is not valid';
  }
};

/** The whole value said of itself: what it is sent as, not what the schema calls it. */
const JSON_TYPE_NAMES: Record<string, string> = { object: 'a JSON object', array: 'a JSON list' };

/**
 * Turns validator errors into problem details that name each field. A whole value of the wrong
 * type is said of `whole` when given (the request body: its field and its name in a sentence),
 * else of "(root)".
 */
export const describeErrors = (
  errors: readonly ErrorObject[],
  where: ProblemLocation = {},
  prefix = '',
  whole?: { field: string; name: string },
): ProblemDetail[] => {
  // A union reports one error per branch; the deepest, most specific ones say what is wrong.
  // A union of constants ("admin" | "editor" | "viewer") is one choice, said once.
  const choices = new Map<string, unknown[]>();
  for (const error of errors) {
    if (error.keyword !== 'const') continue;
    const field = fieldOf(error);
    choices.set(field, [...(choices.get(field) ?? []), error.params.allowedValue]);
  }
  const seen = new Set<string>();
  const details: ProblemDetail[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    // A body of the wrong type is said of the body, in the words its sender wrote it in.
    const ofWhole =
      whole !== undefined && prefix === '' && error.instancePath === '' && error.keyword === 'type';
    const field = ofWhole ? whole.field : [prefix, fieldOf(error)].filter(Boolean).join('.');
    const allowed = error.keyword === 'const' ? choices.get(fieldOf(error)) : undefined;
    const type = String((error.params as { type?: unknown }).type);
    const message = ofWhole
      ? `${whole.name} must be ${JSON_TYPE_NAMES[type] ?? typeName(type)}`
      : allowed !== undefined && allowed.length > 1
        ? `${field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`
        : `${field} ${messageOf(error)}`;
    if (seen.has(message)) continue;
    seen.add(message);
    details.push({ ...where, field, message });
  }
  return details;
};

const pointer = (path: readonly (string | number)[]): string =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * Parsed input holds plain objects only: JSON objects, and the prototype-less dictionaries that
 * query strings and path parameters are parsed into. Anything else (a body passed on as a
 * stream) is opaque.
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || !Object.getPrototypeOf(prototype);
};

/** Every string of a value that breaks the text rules, as validator errors naming its place. */
const textRuleErrors = (value: unknown): ErrorObject[] => {
  const errors: ErrorObject[] = [];
  // An explicit stack: the schema already bounds what it accepts, but never by depth alone.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textRuleProblem(current);
      if (problem) {
        errors.push({
          keyword: 'text',
          instancePath: pointer(path),
          schemaPath: '#',
          params: {},
          message: problem,
        });
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (isPlainObject(current)) {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = textRuleProblem(key);
        if (keyProblem) {
          errors.push({
            keyword: 'text',
            instancePath: pointer(path),
            schemaPath: '#',
            params: {},
            message: `has a field name that ${keyProblem}`,
          });
        }
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return errors.reverse();
};

/**
 * A schema's validator that also holds every string to the text rules (see `textRuleProblem`),
 * so no field of any input can carry a control character or broken Unicode into the store.
 */
const withTextRules = (validate: ValidateFunction): ValidateFunction => {
  const checked = ((data: unknown) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const errors = textRuleErrors(data);
    checked.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as ValidateFunction;
  checked.schema = validate.schema;
  return checked;
};

/** Every item of a list that repeats an earlier one, as validator errors naming both. */
const repeatedItemErrors = (schema: TSchema, value: unknown): ErrorObject[] =>
  repeatedListItems(schema, value).map(({ path, earlier, shown }) => ({
    keyword: 'sameItem',
    instancePath: path,
    schemaPath: '#',
    params: { earlier },
    message: `repeats item ${earlier} (${JSON.stringify(shown)})`,
  }));

/**
 * A schema's validator that first collapses the spaces of its lists' items, in place as the
 * validator's own coercion works, and then refuses an item that repeats an earlier one: the one
 * place every write's lists are cleaned, whether it came over HTTP, from a form or from a file.
 */
const withListRules = (schema: TSchema, validate: ValidateFunction): ValidateFunction => {
  const checked = ((data: unknown) => {
    collapseListItems(schema, data);
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const errors = repeatedItemErrors(schema, data);
    checked.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as ValidateFunction;
  checked.schema = validate.schema;
  return checked;
};

/**
 * The parameters of a query (or path) that break a rule of their own, each named with `message`:
 * what the schema's check would misname or coerce away.
 */
const parameterErrors = (
  schema: TSchema,
  data: unknown,
  keyword: string,
  message: string,
  breaks: (type: unknown, value: unknown) => boolean,
): ErrorObject[] => {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  if (!properties || !isPlainObject(data)) return [];
  return Object.entries(data)
    .filter(([name, value]) => breaks(properties[name]?.type, value))
    .map(([name]) => ({
      keyword,
      instancePath: pointer([name]),
      schemaPath: '#',
      params: {},
      message,
    }));
};

/** A number as a person writes one in a query string: digits, a sign, a decimal point. */
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Parameters given more than once where the schema takes one value: a query string repeats a
 * name freely ("?limit=2&limit=3"), and the validator would only say the list is not a number.
 * And numeric ones written as a number but not as a plain decimal: coercion reads "0x2", "2e0",
 * "+2" and " 2" as 2, which a client never meant to send and a cache would key apart; what is
 * no number at all ("abc") gets the schema's own message.
 */
const parameterRuleErrors = (schema: TSchema, data: unknown): ErrorObject[] => [
  ...parameterErrors(
    schema,
    data,
    'repeated',
    'is given more than once; give it once',
    (type, value) => Array.isArray(value) && type !== undefined && type !== 'array',
  ),
  ...parameterErrors(
    schema,
    data,
    'decimal',
    'must be written as a plain decimal number, such as 5 or 0.5',
    (type, value) =>
      (type === 'number' || type === 'integer') &&
      typeof value === 'string' &&
      !DECIMAL.test(value) &&
      value.trim() !== '' &&
      Number.isFinite(Number(value)),
  ),
];

/**
 * Refuses repeated parameters and numbers written loosely before the schema's own checks,
 * which would misname the fault or coerce it away.
 */
const withSingleParameters = (schema: TSchema, validate: ValidateFunction): ValidateFunction => {
  const checked = ((data: unknown) => {
    const broken = parameterRuleErrors(schema, data);
    if (broken.length > 0) {
      checked.errors = broken;
      return false;
    }
    const valid = validate(data);
    checked.errors = validate.errors;
    return valid;
  }) as ValidateFunction;
  checked.schema = validate.schema;
  return checked;
};

/** The shared, cached validator for a schema; the HTTP layer compiles its route schemas here too. */
export const validatorFor = (
  schema: TSchema,
  options: { coerce?: boolean } = {},
): ValidateFunction => {
  const cache = options.coerce ? compiledCoercing : compiled;
  let validate = cache.get(schema);
  if (!validate) {
    validate = options.coerce
      ? withSingleParameters(schema, withTextRules(coercing().compile(schema)))
      : withListRules(schema, withTextRules(plain().compile(schema)));
    cache.set(schema, validate);
  }
  return validate;
};

/**
 * TypeBox's checks use the validator's own format functions, so that the two accept the same
 * values. Registered before the first check is made: the functions load without Ajv.
 */
let formatsShared = false;
type FormatCheck = RegExp | ((value: string) => boolean);
type AjvFormat = boolean | FormatCheck | { type?: string; validate: FormatCheck };
const shareFormats = (): void => {
  if (formatsShared) return;
  const { fullFormats } = require('ajv-formats/dist/formats') as {
    fullFormats: Record<string, AjvFormat>;
  };
  for (const [name, format] of Object.entries(fullFormats)) {
    // Formats of numbers (int32, double) do not apply to the text TypeBox asks about.
    if (
      typeof format === 'object' &&
      'validate' in format &&
      (format.type ?? 'string') !== 'string'
    ) {
      continue;
    }
    const check = typeof format === 'object' && 'validate' in format ? format.validate : format;
    Format.Set(name, (value) =>
      typeof check === 'boolean'
        ? check
        : check instanceof RegExp
          ? check.test(value)
          : check(value),
    );
  }
  formatsShared = true;
};

/**
 * A schema's check as TypeBox compiles it: about ten times cheaper to build than the validator
 * and as fast to run (4 against 35 ms for the role and term schemas, with Ajv's loading), and
 * silent about what is wrong, which is all an accepted value needs. A short command (the
 * configuration, a command's flags, one page imported) then never loads the validator.
 */
const checks = new WeakMap<TSchema, (value: unknown) => boolean>();
/**
 * Values of a schema interpreted before its check is compiled: most schemas of a command are
 * checked once (compiling the configuration's took 8 of a start's 300 ms; interpreting it, well
 * under one), while interpreting costs about 0.1 ms a document and a pack holds thousands.
 */
const INTERPRETED_VALUES = 4;
const interpreted = new WeakMap<TSchema, number>();
const checkFor = (schema: TSchema): ((value: unknown) => boolean) => {
  let check = checks.get(schema);
  if (!check) {
    shareFormats();
    const seen = interpreted.get(schema) ?? 0;
    if (seen < INTERPRETED_VALUES) {
      interpreted.set(schema, seen + 1);
      return (value) => Value.Check(schema, value);
    }
    const compiledCheck = Compile(schema);
    check = (value) => compiledCheck.Check(value);
    checks.set(schema, check);
  }
  return check;
};

/**
 * Checks a value against a schema and returns it typed, the items of its lists with their spaces
 * collapsed in place, or throws `validation_failed` naming every bad field. A value TypeBox's check refuses is checked again by the validator, whose
 * answer stands and whose errors name the fields.
 * @example const content = parse(RoleContentSchema, json, { file: 'pack.json' }, 'roles.3');
 */
export const parse = <S extends TSchema>(
  schema: S,
  value: unknown,
  where: ProblemLocation = {},
  prefix = '',
): Static<S> => {
  collapseListItems(schema, value);
  if (
    checkFor(schema)(value) &&
    textRuleErrors(value).length === 0 &&
    repeatedListItems(schema, value).length === 0
  ) {
    return value as Static<S>;
  }
  const validate = validatorFor(schema);
  if (validate(value)) return value as Static<S>;
  const details = describeErrors(validate.errors ?? [], where, prefix);
  const [first] = details;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  throw validationError(`${first?.message ?? 'the input is not valid'}${more}`, details);
};
