import type { TaxonomyInput } from '../../domain/index.js';

export interface OnetReleaseInfo {
  /** Database version, e.g. `27.0`. */
  version?: string;
  /** Publication month, e.g. `August 2022`. */
  released?: string;
}

/**
 * Reads the version and month of a release from its `Read Me.txt`, whose first lines say
 * "O*NET 27.0 Database" and "August 2022 Release".
 * @example readMeInfo('O*NET 27.0 Database\nAugust 2022 Release') // { version: '27.0', released: 'August 2022' }
 */
export const readMeInfo = (text: string): OnetReleaseInfo => {
  const version = /O\*NET\s+(\d+(?:\.\d+)*)\s+Database/i.exec(text)?.[1];
  const released = /^\s*([A-Z][a-z]+\s+\d{4})\s+Release\b/m.exec(text)?.[1];
  return { ...(version ? { version } : {}), ...(released ? { released } : {}) };
};

/**
 * The `onet` taxonomy, with the attribution the O*NET database licence (CC BY 4.0) asks of
 * anyone who shows its content: the source and its version, the licensor, the licence, that
 * the content was changed and is not endorsed, and the trademark. O*NET titles its occupations
 * in the plural ("Software Developers"), so the taxonomy says its role names are plural and
 * guides word their headings to match ("What do Software Developers do?").
 * @example onetTaxonomy({ version: '27.0', released: 'August 2022' }).version // '27.0'
 */
export const onetTaxonomy = (info: OnetReleaseInfo): TaxonomyInput => {
  const database = info.version ? `O*NET ${info.version} Database` : 'O*NET Database';
  const edition = info.released ? ` (${info.released} release)` : '';
  return {
    id: 'onet',
    name: 'O*NET',
    description:
      'Occupations of the U.S. O*NET database, with their descriptions, other titles, tasks, technologies and related occupations.',
    ...(info.version ? { version: info.version } : {}),
    url: 'https://www.onetcenter.org/database.html',
    license: 'CC BY 4.0',
    attribution:
      `Includes information from the ${database}${edition} by the U.S. Department of Labor, ` +
      'Employment and Training Administration (USDOL/ETA), used under the Creative Commons ' +
      'Attribution 4.0 International licence (https://creativecommons.org/licenses/by/4.0/). ' +
      'Rolebook has rearranged and reformatted this information; USDOL/ETA has not reviewed, ' +
      'approved or endorsed these changes. O*NET is a trademark of USDOL/ETA.',
    roleNameNumber: 'plural',
  };
};
