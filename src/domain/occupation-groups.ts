/**
 * The top level of the two occupation classifications the importers bring: the major groups of
 * the SOC that O*NET codes extend (the first two digits of `15-1252.00`), and the major groups
 * of ISCO-08 that every ESCO occupation sits in (the first digit of its ISCO code).
 */
export interface OccupationGroup {
  /** `onet-15` or `isco-2`: the value the pages' filters send. */
  id: string;
  scheme: 'onet' | 'isco';
  code: string;
  name: string;
}

const onetMajorGroups: Readonly<Record<string, string>> = {
  '11': 'Management',
  '13': 'Business and Financial Operations',
  '15': 'Computer and Mathematical',
  '17': 'Architecture and Engineering',
  '19': 'Life, Physical, and Social Science',
  '21': 'Community and Social Service',
  '23': 'Legal',
  '25': 'Educational Instruction and Library',
  '27': 'Arts, Design, Entertainment, Sports, and Media',
  '29': 'Healthcare Practitioners and Technical',
  '31': 'Healthcare Support',
  '33': 'Protective Service',
  '35': 'Food Preparation and Serving Related',
  '37': 'Building and Grounds Cleaning and Maintenance',
  '39': 'Personal Care and Service',
  '41': 'Sales and Related',
  '43': 'Office and Administrative Support',
  '45': 'Farming, Fishing, and Forestry',
  '47': 'Construction and Extraction',
  '49': 'Installation, Maintenance, and Repair',
  '51': 'Production',
  '53': 'Transportation and Material Moving',
  '55': 'Military Specific',
};

const iscoMajorGroups: Readonly<Record<string, string>> = {
  '0': 'Armed forces occupations',
  '1': 'Managers',
  '2': 'Professionals',
  '3': 'Technicians and associate professionals',
  '4': 'Clerical support workers',
  '5': 'Service and sales workers',
  '6': 'Skilled agricultural, forestry and fishery workers',
  '7': 'Craft and related trades workers',
  '8': 'Plant and machine operators and assemblers',
  '9': 'Elementary occupations',
};

const group = (scheme: OccupationGroup['scheme'], code: string, name: string) => ({
  id: `${scheme}-${code}`,
  scheme,
  code,
  name,
});

/** Every major group of both classifications, O*NET's first, each in code order. */
export const occupationGroups: readonly OccupationGroup[] = [
  ...Object.entries(onetMajorGroups).map(([code, name]) => group('onet', code, name)),
  ...Object.entries(iscoMajorGroups).map(([code, name]) => group('isco', code, name)),
];

const byId = new Map(occupationGroups.map((g) => [g.id, g]));

/** The group a filter names, or undefined for a value that is none. */
export const occupationGroup = (id: string): OccupationGroup | undefined => byId.get(id);

/**
 * The major group of an O*NET-SOC code (`15-1252.00` → onet-15) or of an ISCO-08 code of any
 * level (`2512` → isco-2); undefined for a code of neither shape.
 * @example majorGroupOf('onet', '15-1252.00') // 'onet-15'
 */
export const majorGroupOf = (
  scheme: OccupationGroup['scheme'],
  code: string,
): string | undefined => {
  const major =
    scheme === 'onet' ? /^(\d\d)-\d{4}/.exec(code)?.[1] : /^(\d)\d{0,3}$/.exec(code)?.[1];
  return major !== undefined && byId.has(`${scheme}-${major}`) ? `${scheme}-${major}` : undefined;
};
