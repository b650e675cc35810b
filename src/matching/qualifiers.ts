import type { ContractType, Shift } from '../domain/index.js';
import { normalizeTitleText } from './text-normalizer.js';
import { LANGUAGE_AND_FRAMEWORK_NAMES } from './vocabulary.js';

/** A qualifier of a title that is not its role: when the work is, on what terms, with what. */
export type Qualifier =
  | { kind: 'shift'; shift: Shift }
  | { kind: 'contract'; contract: ContractType; fromDuration: boolean }
  | { kind: 'technologies'; technologies: string[] };

const SHIFTS: ReadonlyArray<readonly [RegExp, Shift]> = [
  [/^(?:days?|mornings?|1st|first|early)(?:\s+shifts?)?$|^day\s*time$/i, 'day'],
  [/^(?:evenings?|afternoons?|2nd|second|swing|late)(?:\s+shifts?)?$/i, 'evening'],
  [/^(?:nights?|over\s*nights?|3rd|third|graveyard|night\s*time)(?:\s+shifts?)?$/i, 'night'],
  [/^weekends?(?:\s+(?:shifts?|only))?$/i, 'weekend'],
  [
    /^(?:rotating(?:\s+shifts?)?|shift\s+work|24\s*[x/]\s*7(?:\s+(?:rota|rotation|shifts?))?)$/i,
    'rotating',
  ],
];

/** How long the terms run, before them ("12 month fixed term") or after ("Contract 6 months"). */
const LENGTH = String.raw`\d+[\s-]*(?:months?|mos?|weeks?|years?)`;
const LENGTH_AFTER = String.raw`(?:for\s+)?${LENGTH}`;

const CONTRACTS: ReadonlyArray<readonly [RegExp, ContractType]> = [
  [/^(?:contract|temp)[\s-]+to[\s-]+(?:hire|perm(?:anent)?)$|^c2h$/i, 'contract-to-hire'],
  [
    new RegExp(
      String.raw`^(?:${LENGTH}\s+)?(?:fixed[\s-]+term|ftc)(?:\s+contract)?(?:\s+${LENGTH_AFTER})?$`,
      'i',
    ),
    'fixed-term',
  ],
  [
    /^(?:\d+[\s-]*(?:months?|mos?)\s+)?(?:day[\s-]+rate\s+)?contract(?:or|\s+role|\s+position|\s+assignment)?(?:\s+(?:inside|outside)\s+ir35|\s+(?:for\s+)?\d+[\s-]*(?:months?|mos?|weeks?))?$|^(?:inside|outside)\s+ir35$|^(?:1099|w2|c2c|corp[\s-]+to[\s-]+corp)(?:\s*\/\s*(?:1099|w2|c2c))*(?:\s+only)?$|^long[\s-]+term(?:\s+contract)?$/i,
    'contract',
  ],
  [/^(?:temp|temporary|seasonal|interim)$/i, 'temporary'],
  // CDI, CDD: the French open-ended and fixed-term contracts; Festanstellung, befristet: German.
  [
    /^(?:perm|permanent)(?:\s+(?:role|position))?$|^(?:cdi|festanstellung|unbefristet)$/i,
    'permanent',
  ],
  [/^(?:cdd|befristet)$/i, 'fixed-term'],
  [/^(?:freelance|freelancer)$/i, 'freelance'],
  [/^(?:part[\s-]?time|pt|teilzeit|temps partiel)$/i, 'part-time'],
  [/^(?:full[\s-]?time|ft|vollzeit|temps plein)$/i, 'full-time'],
];

/** A bare duration ("6 months") says the work is for a fixed term, but less than "Contract". */
const DURATION = /^\d+[\s-]*(?:months?|mos?|weeks?)$/i;

/**
 * Technologies job titles name beside the role, lower-case. Only whole qualifiers made of these
 * are read as technologies: "(Go)" and "| React |", not "Go" inside a role phrase.
 */
const TECHNOLOGIES = new Set([
  '.net',
  'abap',
  'angular',
  'angularjs',
  'ansible',
  'apex',
  'aws',
  'azure',
  'bash',
  'blue prism',
  'c',
  'c#',
  'c++',
  'c/c++',
  'cisco',
  'ccna',
  'ccnp',
  'cobol',
  'cypress',
  'dart',
  'databricks',
  'dbt',
  'django',
  'docker',
  'dynamics',
  'dynamics 365',
  'elixir',
  'erlang',
  'express',
  'fastapi',
  'figma',
  'flask',
  'flutter',
  'gcp',
  'go',
  'golang',
  'graphql',
  'groovy',
  'hadoop',
  'java',
  'javascript',
  'jenkins',
  'js',
  'kafka',
  'kotlin',
  'kubernetes',
  'k8s',
  'laravel',
  'linux',
  'lwc',
  'magento',
  'matlab',
  'mean',
  'mern',
  'mongodb',
  'mulesoft',
  'mysql',
  'nestjs',
  'next.js',
  'nextjs',
  'node',
  'node.js',
  'nodejs',
  'objective-c',
  'oracle',
  'perl',
  'php',
  'postgres',
  'postgresql',
  'power bi',
  'powershell',
  'python',
  'pytorch',
  'rails',
  'react',
  'react native',
  'react.js',
  'reactjs',
  'redis',
  'ruby',
  'ruby on rails',
  'rust',
  'salesforce',
  'sap',
  'scala',
  'selenium',
  'servicenow',
  'shopify',
  'shopify plus',
  'snowflake',
  'solidity',
  'spark',
  'spring',
  'spring boot',
  'sql',
  'sql server',
  'swift',
  'swiftui',
  'tableau',
  'tensorflow',
  'terraform',
  'typescript',
  'ts',
  'uipath',
  'unity',
  'unreal',
  'unreal engine',
  'vmware',
  'vue',
  'vue.js',
  'vuejs',
  'windows',
  'xamarin',
  'ios',
  'android',
  'llm',
  'llms',
]);

/**
 * Programming languages and web frameworks, as the one title token each normalizes to: inside
 * a role phrase ("Backend PHP Symfony Developer") they say how the role works, never which
 * role it is, unlike a platform that is a trade of its own (Salesforce, SAP, Unity, iOS).
 */
export const LANGUAGES_AND_FRAMEWORKS: ReadonlySet<string> = new Set(
  LANGUAGE_AND_FRAMEWORK_NAMES.flatMap((technology) => normalizeTitleText(technology)),
);

/** Each technology as the title tokens it normalizes to ("csharp", "ruby rails"). */
export const TECHNOLOGY_PHRASES: ReadonlySet<string> = new Set(
  [...TECHNOLOGIES].map((technology) => normalizeTitleText(technology).join(' ')),
);

/** The text's parts when every one of them is a technology; undefined otherwise. */
const technologyList = (text: string): string[] | undefined => {
  // A plus joins two technologies ("Go+Kafka") only when it stands alone: "C++" keeps its own.
  const parts = text
    .split(/\s*(?:[,/|&]|(?<!\+)\+(?!\+)|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts.length > 0 && parts.every((part) => TECHNOLOGIES.has(part.toLowerCase()))
    ? parts
    : undefined;
};

const firstOf = <T>(entries: ReadonlyArray<readonly [RegExp, T]>, text: string): T | undefined =>
  entries.find(([pattern]) => pattern.test(text))?.[1];

/**
 * Reads one qualifier of a title (a segment after the role, or bracketed text): a shift, the
 * terms of employment, or a list of technologies; undefined for anything else (a team, a
 * product, a domain).
 *
 * @example qualifierOf('2nd shift') // { kind: 'shift', shift: 'evening' }
 * @example qualifierOf('React/TypeScript') // { kind: 'technologies', technologies: ['React', 'TypeScript'] }
 */
export const qualifierOf = (text: string): Qualifier | undefined => {
  const shift = firstOf(SHIFTS, text);
  if (shift !== undefined) return { kind: 'shift', shift };
  const contract = firstOf(CONTRACTS, text);
  if (contract !== undefined) return { kind: 'contract', contract, fromDuration: false };
  if (DURATION.test(text)) return { kind: 'contract', contract: 'fixed-term', fromDuration: true };
  const parts = technologyList(text);
  return parts === undefined ? undefined : { kind: 'technologies', technologies: parts };
};

/**
 * Whether qualifierOf reads the text as a list of technologies. The list is looked for first:
 * most texts asked about are no such list, and it is one pattern where shifts and terms of
 * employment are a dozen.
 *
 * @example namesTechnologies('Go+Kafka') // true
 */
export const namesTechnologies = (text: string): boolean =>
  technologyList(text) !== undefined && qualifierOf(text)?.kind === 'technologies';
