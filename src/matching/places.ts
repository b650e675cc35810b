/**
 * Place names that job postings put next to a title. Only used to tell "Engineer, Berlin"
 * (a place) from "Engineer, Backend" (a qualifier), so it lists the places postings name most,
 * not every place on earth; a "City, ST" pair is recognised by its shape.
 */
const CITIES = [
  'new york',
  'nyc',
  'new york city',
  'manhattan',
  'brooklyn',
  'san francisco',
  'sf',
  'bay area',
  'sf bay area',
  'silicon valley',
  'san jose',
  'palo alto',
  'mountain view',
  'menlo park',
  'sunnyvale',
  'oakland',
  'los angeles',
  'la',
  'san diego',
  'seattle',
  'bellevue',
  'redmond',
  'portland',
  'boston',
  'cambridge',
  'chicago',
  'austin',
  'dallas',
  'houston',
  'san antonio',
  'denver',
  'boulder',
  'phoenix',
  'atlanta',
  'miami',
  'tampa',
  'orlando',
  'washington dc',
  'dc',
  'washington d c',
  'philadelphia',
  'pittsburgh',
  'baltimore',
  'detroit',
  'minneapolis',
  'st louis',
  'kansas city',
  'nashville',
  'charlotte',
  'raleigh',
  'durham',
  'salt lake city',
  'las vegas',
  'columbus',
  'cleveland',
  'cincinnati',
  'indianapolis',
  'milwaukee',
  'toronto',
  'vancouver',
  'montreal',
  'ottawa',
  'calgary',
  'mexico city',
  'sao paulo',
  'buenos aires',
  'bogota',
  'santiago',
  'lima',
  'london',
  'manchester',
  'edinburgh',
  'glasgow',
  'bristol',
  'birmingham',
  'leeds',
  'dublin',
  'cork',
  'belfast',
  'paris',
  'lyon',
  'berlin',
  'munich',
  'hamburg',
  'frankfurt',
  'cologne',
  'stuttgart',
  'dusseldorf',
  'amsterdam',
  'rotterdam',
  'the hague',
  'utrecht',
  'eindhoven',
  'brussels',
  'antwerp',
  'luxembourg',
  'zurich',
  'geneva',
  'basel',
  'vienna',
  'prague',
  'warsaw',
  'krakow',
  'budapest',
  'bucharest',
  'sofia',
  'athens',
  'rome',
  'milan',
  'turin',
  'madrid',
  'barcelona',
  'valencia',
  'lisbon',
  'porto',
  'copenhagen',
  'stockholm',
  'gothenburg',
  'oslo',
  'helsinki',
  'tallinn',
  'riga',
  'vilnius',
  'kyiv',
  'istanbul',
  'tel aviv',
  'dubai',
  'abu dhabi',
  'riyadh',
  'doha',
  'cairo',
  'lagos',
  'nairobi',
  'johannesburg',
  'cape town',
  'mumbai',
  'bombay',
  'delhi',
  'new delhi',
  'gurgaon',
  'gurugram',
  'noida',
  'bangalore',
  'bengaluru',
  'hyderabad',
  'chennai',
  'pune',
  'kolkata',
  'singapore',
  'kuala lumpur',
  'jakarta',
  'bangkok',
  'manila',
  'ho chi minh city',
  'hanoi',
  'hong kong',
  'shanghai',
  'beijing',
  'shenzhen',
  'taipei',
  'seoul',
  'tokyo',
  'osaka',
  'sydney',
  'melbourne',
  'brisbane',
  'perth',
  'auckland',
  'wellington',
];

const REGIONS = [
  'usa',
  'us',
  'u s',
  'united states',
  'america',
  'north america',
  'latin america',
  'latam',
  'south america',
  'canada',
  'mexico',
  'brazil',
  'argentina',
  'uk',
  'u k',
  'united kingdom',
  'england',
  'scotland',
  'wales',
  'ireland',
  'europe',
  'eu',
  'emea',
  'apac',
  'asia',
  'asia pacific',
  'germany',
  'france',
  'spain',
  'portugal',
  'italy',
  'netherlands',
  'belgium',
  'switzerland',
  'austria',
  'poland',
  'czech republic',
  'czechia',
  'romania',
  'hungary',
  'greece',
  'sweden',
  'norway',
  'denmark',
  'finland',
  'estonia',
  'ukraine',
  'turkey',
  'israel',
  'uae',
  'united arab emirates',
  'saudi arabia',
  'qatar',
  'egypt',
  'nigeria',
  'kenya',
  'south africa',
  'india',
  'pakistan',
  'china',
  'japan',
  'korea',
  'south korea',
  'taiwan',
  'vietnam',
  'thailand',
  'philippines',
  'indonesia',
  'malaysia',
  'australia',
  'new zealand',
  'worldwide',
  'global',
  'anywhere',
  'nationwide',
];

const US_STATES = [
  'alabama',
  'alaska',
  'arizona',
  'arkansas',
  'california',
  'colorado',
  'connecticut',
  'delaware',
  'florida',
  'georgia',
  'hawaii',
  'idaho',
  'illinois',
  'indiana',
  'iowa',
  'kansas',
  'kentucky',
  'louisiana',
  'maine',
  'maryland',
  'massachusetts',
  'michigan',
  'minnesota',
  'mississippi',
  'missouri',
  'montana',
  'nebraska',
  'nevada',
  'new hampshire',
  'new jersey',
  'new mexico',
  'new york state',
  'north carolina',
  'north dakota',
  'ohio',
  'oklahoma',
  'oregon',
  'pennsylvania',
  'rhode island',
  'south carolina',
  'south dakota',
  'tennessee',
  'texas',
  'utah',
  'vermont',
  'virginia',
  'washington',
  'west virginia',
  'wisconsin',
  'wyoming',
];

const STATE_CODES = new Set(
  (
    'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj ' +
    'nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc on bc qc ab'
  ).split(' '),
);

const PLACES: ReadonlySet<string> = new Set([...CITIES, ...REGIONS, ...US_STATES]);

/** The first word of every place: a piece of a title that starts otherwise is no place. */
const FIRST_WORDS: ReadonlySet<string> = new Set(
  [...PLACES].map((place) => place.split(' ')[0] ?? place),
);
const FIRST_ASCII_WORD = /^[^A-Za-z\u0080-\uffff]*([A-Za-z]+)(?![A-Za-z\u0080-\uffff])/;

/** Postings repeat their places ("Remote", "London"), so answers are remembered. */
const answers = new Map<string, boolean>();
const ANSWER_CACHE_LIMIT = 10_000;

const simplify = (text: string): string =>
  (/[\u0080-\uffff]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

const PLACE_LIST_SEPARATOR = /,|\/|\bor\b|\band\b|;|\+/i;

/** A city and its state's code with no comma between ("dallas tx"), as US boards often write. */
const CITY_THEN_STATE = /^(.+) ([a-z]{2})$/;

const isCityThenState = (part: string): boolean => {
  const pair = CITY_THEN_STATE.exec(part);
  return pair !== null && STATE_CODES.has(pair[2] as string) && PLACES.has(pair[1] as string);
};

/** Every part is a place (a state code only after a city); stops at the first part that is not. */
const listsPlaces = (text: string): boolean => {
  let places = 0;
  for (const piece of text.split(PLACE_LIST_SEPARATOR)) {
    const part = simplify(piece);
    if (part.length === 0) continue;
    if (!PLACES.has(part) && !(places > 0 && STATE_CODES.has(part)) && !isCityThenState(part)) {
      return false;
    }
    places++;
  }
  return places > 0;
};

/**
 * Whether a piece of a title names a place: a known city, state, country or region, a
 * "City, ST" pair, or a list of those ("Berlin or London", "US/Canada").
 *
 * @example isPlace('Austin, TX') // true
 * @example isPlace('Backend') // false
 */
export const isPlace = (text: string): boolean => {
  // Nearly every piece of a title is not a place; most say so by their first word.
  const first = FIRST_ASCII_WORD.exec(text)?.[1]?.toLowerCase();
  if (first !== undefined && !FIRST_WORDS.has(first)) return false;
  const known = answers.get(text);
  if (known !== undefined) return known;
  const answer = listsPlaces(text);
  if (answers.size >= ANSWER_CACHE_LIMIT) answers.clear();
  answers.set(text, answer);
  return answer;
};
