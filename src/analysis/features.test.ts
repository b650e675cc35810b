import { describe, expect, it } from 'vitest';
import {
  cosine,
  coverage,
  featureLength,
  inverseFrequencies,
  textFeatures,
  vectorNorm,
} from './features.js';

/** The words of a text read as work outside technology. */
const otherWorkSaid = (text: string, options?: Parameters<typeof textFeatures>[1]) =>
  textFeatures(text, options)
    .sources.filter((s) => s.feature === 'c:other-work')
    .map((s) => text.slice(s.start, s.end));

const idf = inverseFrequencies([
  new Set(['w:slow', 'w:pag', 'c:performance']),
  new Set(['w:report', 'c:reporting']),
  new Set(['w:slow', 'w:report']),
]);

describe('features', () => {
  it('reads words and concepts with where they were said', () => {
    const { features, sources } = textFeatures('Slow pages');
    expect([...features.keys()]).toEqual(['w:slow', 'w:pag', 'c:performance', 'c:frontend']);
    expect(sources[0]).toEqual({ feature: 'w:slow', start: 0, end: 4 });
  });

  it('weighs a concept only hinted at by one of its words below one said outright', () => {
    const hint = textFeatures('I glue the exports into one file', { hints: true }).features;
    const said = textFeatures('I glue them together', { hints: true }).features;
    expect(hint.get('c:data-pipeline')).toBeLessThan(said.get('c:data-pipeline')!);
  });

  it('reads no hinted concepts unless asked', () => {
    expect(textFeatures('I glue the exports into one file').features.has('c:data-pipeline')).toBe(
      false,
    );
  });

  it('weighs rare features more than common ones', () => {
    expect(idf.get('w:pag')!).toBeGreaterThan(idf.get('w:slow')!);
  });

  it('scores a document by how much of the query it covers', () => {
    const query = textFeatures('slow pages').features;
    const full = textFeatures('pages are slow').features;
    const half = textFeatures('slow reports').features;
    const average = (featureLength(full) + featureLength(half)) / 2;
    const a = coverage(query, full, idf, featureLength(full), average);
    const b = coverage(query, half, idf, featureLength(half), average);
    expect(a.score).toBeGreaterThan(b.score);
    expect([...b.shared].sort()).toEqual(['c:performance', 'w:slow']);
  });

  it('gives as the reasons for a match only the shared features that carried it', () => {
    const idf = inverseFrequencies([
      new Set(['w:slow', 'w:pag', 'c:performance']),
      new Set(['w:slow', 'w:report']),
      new Set(['w:slow', 'w:build']),
    ]);
    const doc = textFeatures('pages are slow').features;
    const length = featureLength(doc);
    const { shared, carried } = coverage(
      textFeatures('slow pages').features,
      doc,
      idf,
      length,
      length,
    );
    expect(shared.at(-1)).toBe('w:slow');
    expect(carried).not.toContain('w:slow');
    expect(carried).toEqual(shared.slice(0, carried.length));
  });

  it('scores the cosine of two texts under idf weighting', () => {
    const a = textFeatures('slow pages').features;
    const b = textFeatures('slow pages').features;
    expect(cosine(a, vectorNorm(a, idf), b, vectorNorm(b, idf), idf).score).toBeCloseTo(1);
  });

  it('drops a need the text turns down, up to the end of its clause', () => {
    const { features } = textFeatures("we don't need a designer, our releases are manual");
    expect(features.has('w:design')).toBe(false);
    expect(features.has('c:deployment')).toBe(true);
  });

  it('drops a role the text says the job is not, up to the end of its clause', () => {
    const { features } = textFeatures(
      'write stored procedures. NOT a DBA job - backups handled by infra',
    );
    expect(features.has('w:dba')).toBe(false);
    expect(features.has('w:backup')).toBe(false);
    expect(features.has('w:procedur')).toBe(true);
  });

  it('drops a part the text says is fine or can wait, back to the start of its clause', () => {
    const { features } = textFeatures(
      'iPhone users get kicked out of the app. Android people are fine',
    );
    expect(features.has('w:iphon')).toBe(true);
    expect(features.has('w:android')).toBe(false);
    expect(textFeatures('Android can wait.').features.has('w:android')).toBe(false);
    expect(
      textFeatures('the server side is fine, it is what people see').features.has('c:server-side'),
    ).toBe(false);
  });

  it('drops a part said to be working, up to date or to work, back to the start of its clause', () => {
    const has = (text: string, feature: string) => textFeatures(text).features.has(feature);
    expect(has('The rota screens are working fine, we need a supervisor', 'w:screen')).toBe(false);
    expect(has('the members database is up to date and the rest is paper', 'w:databas')).toBe(
      false,
    );
    expect(has('The tracking system works. We need cover.', 'w:track')).toBe(false);
  });

  it('drops every part of a subject listed with "and" or commas that the text says is fine', () => {
    const has = (text: string, feature: string) => textFeatures(text).features.has(feature);
    expect(has('our tills and the ordering app work fine, we need a chef', 'w:till')).toBe(false);
    expect(has('The scanners, the tills and the app are fine.', 'w:scan')).toBe(false);
  });

  it('keeps a clause joined by "and" to a part said to be fine', () => {
    const has = (text: string, feature: string) => textFeatures(text).features.has(feature);
    expect(has('we need a new website and the app works fine', 'w:websit')).toBe(true);
  });

  it('reads nothing into the labels saying who wrote each message of a chat', () => {
    const text = '[Meg - Meg Florist]: you want one developer\nKim: the overnight job failed';
    expect(otherWorkSaid(text)).toEqual([]);
    expect(textFeatures(text, { vocabulary: new Set(['job']) }).features.has('w:kim')).toBe(false);
  });

  it('reads a line opening on a word of the library before a colon as said', () => {
    const text = 'Android: the app closes on start';
    expect(textFeatures(text, { vocabulary: new Set(['android']) }).features.has('w:android')).toBe(
      true,
    );
  });

  it('keeps a part someone is working on, wants to work, doubts or says never works', () => {
    const has = (text: string, feature: string) => textFeatures(text).features.has(feature);
    expect(has('our developer is working on the rota screens', 'w:screen')).toBe(true);
    expect(has('we need a tracking system that works.', 'w:track')).toBe(true);
    expect(has('nobody knows whether the backup system works.', 'w:backup')).toBe(true);
    expect(has('the tracking system never works.', 'w:track')).toBe(true);
  });

  it('drops what the text says the work has nothing to do with', () => {
    const { features } = textFeatures('label printing code. Nothing to do with websites.');
    expect(features.has('c:frontend')).toBe(false);
    expect(features.has('w:print')).toBe(true);
  });

  it('drops the help the text says is not what it needs, up to the end of its clause', () => {
    const { features } = textFeatures(
      "Move the files off the server cupboard. It isn't the day to day IT help we need.",
    );
    expect(features.has('c:it-help')).toBe(false);
    expect(features.has('w:cupboard')).toBe(true);
    expect(textFeatures('it is not the printer that jams').features.has('c:it-help')).toBe(true);
  });

  it('keeps "not a" that turns down no role as evidence', () => {
    expect(textFeatures('the app is not a success, it crashes').features.has('w:crash')).toBe(true);
  });

  it('keeps symptoms said with a negation as evidence', () => {
    expect(textFeatures("the checkout doesn't work").features.has('c:payments')).toBe(true);
  });

  it('does not count the words that say who is asking', () => {
    const { features } = textFeatures('my client needs someone for their slow website');
    expect(features.has('w:client')).toBe(false);
    expect(features.has('c:speaker')).toBe(false);
    expect(features.has('c:performance')).toBe(true);
  });

  it('reads staff named with no computer trouble as people, not as a call for IT help', () => {
    const { features } = textFeatures('our payroll is always late and staff are angry');
    expect(features.has('c:it-help')).toBe(false);
  });

  it('keeps staff as IT help beside computer trouble', () => {
    expect(textFeatures('staff keep forgetting passwords').features.has('c:it-help')).toBe(true);
  });

  it('reads a symptom said of a thing that is no software as said of it', () => {
    const { features } = textFeatures('the coffee machine is always broken');
    expect(features.has('c:outage')).toBe(false);
    expect(features.has('c:bugs')).toBe(false);
    expect(features.has('w:broken')).toBe(false);
    expect(textFeatures('our broken dishwasher').features.has('c:outage')).toBe(false);
  });

  it('reads a leak said of a thing that is no software as plumbing, not a breach', () => {
    expect(textFeatures('the coffee machine leaks').features.has('c:breach')).toBe(false);
    expect(textFeatures('the pipes are leaking again').features.has('c:breach')).toBe(false);
  });

  it('keeps a leak of data or passwords as a breach', () => {
    expect(textFeatures('our customer passwords leaked').features.has('c:breach')).toBe(true);
  });

  it('reads a mess said of work outside technology as about that work, not its data', () => {
    expect(textFeatures('the rota is a mess').features.has('c:data-mess')).toBe(false);
  });

  it('keeps a mess said of data beside work outside technology as unreliable data', () => {
    expect(textFeatures('the rota data is a mess').features.has('c:data-mess')).toBe(true);
  });

  it('reads a host of guests as work outside technology, not games or hosting', () => {
    const { features } = textFeatures('escape room game host, evenings and weekends');
    expect(features.has('c:game')).toBe(false);
    expect(features.has('c:cloud')).toBe(false);
    expect(otherWorkSaid('we need two quiz hosts for Thursdays')).toEqual(['quiz hosts']);
  });

  it('reads an occupation in quotation marks as a word talked about, not work asked for', () => {
    expect(otherWorkSaid("each has its own idea of what a 'resident' is")).toEqual([]);
    expect(otherWorkSaid('we disagree on what a “tenant” means')).toEqual([]);
    expect(otherWorkSaid("the residents' portal keeps crashing")).toEqual(['residents']);
  });

  it('reads a process server, who serves court papers, as work outside technology', () => {
    expect(textFeatures('we need a court process server').features.has('c:servers')).toBe(false);
    expect(otherWorkSaid('we need a court process server')).toEqual(['process server']);
  });

  it('drops a kind set apart by "that aren\'t" from the evidence', () => {
    expect(textFeatures("an app for phones that aren't iPhones").features.has('c:apple')).toBe(
      false,
    );
  });

  it('drops a kind set apart by "non-" before the things it names from the evidence', () => {
    const { features } = textFeatures('the players on the non-apple phones say it freezes');
    expect(features.has('c:apple')).toBe(false);
    expect(features.has('c:mobile')).toBe(true);
  });

  it('keeps a quality said with "non-" as evidence', () => {
    expect(textFeatures("I'm a non-technical founder").features.has('w:technic')).toBe(true);
  });

  it('drops the platform something is said to be fine on from the evidence', () => {
    const { features } = textFeatures('the app is fine on iPhones but crashes on Samsungs');
    expect(features.has('c:apple')).toBe(false);
    expect(features.has('c:android')).toBe(true);
  });

  it('drops a kind set apart by "other than" or "except" after the things it names', () => {
    expect(textFeatures('an app for phones other than iPhones').features.has('c:apple')).toBe(
      false,
    );
    expect(textFeatures('all our phones except iPhones').features.has('c:apple')).toBe(false);
    expect(textFeatures('laptops apart from Macs').features.has('w:mac')).toBe(false);
  });

  it('keeps what is said to fail with "except" as evidence', () => {
    expect(textFeatures('everything works except the checkout').features.has('c:payments')).toBe(
      true,
    );
  });

  it('keeps a state said with "that aren\'t" as evidence', () => {
    expect(textFeatures("pages that aren't loading").features.has('w:load')).toBe(true);
  });

  it('keeps a symptom said of something else beside such a thing', () => {
    const { features } = textFeatures('the app is slow and the coffee machine is broken too');
    expect(features.has('c:performance')).toBe(true);
    expect(
      textFeatures(
        'our booking website keeps crashing when people order from the kitchen menu',
      ).features.has('c:outage'),
    ).toBe(true);
  });

  it('reads a job asked for by a name no list holds as work outside technology', () => {
    expect(otherWorkSaid('we need a press operator who can also do the maintenance')).toEqual([
      'press operator',
    ]);
    expect(otherWorkSaid('we need an infection control nurse to train the staff')).toEqual([
      'infection control nurse',
    ]);
    expect(otherWorkSaid('we need a developer who knows the payments side')).toEqual([]);
    expect(otherWorkSaid('we need an agile coach for two teams')).toEqual([]);
    expect(otherWorkSaid('we want a dashboard showing absence by site')).toEqual(['absence']);
    expect(otherWorkSaid('also need a new EA for the exec team')).toEqual(['EA']);
    expect(otherWorkSaid('need a qualified swimming coach for the juniors')).toEqual([
      'qualified swimming coach',
    ]);
    expect(otherWorkSaid('want a coach to run the sprint meetings')).toEqual([]);
  });

  it('ends the name of a job asked for where an article opens the next phrase', () => {
    const text = 'we need an immigration caseworker a couple of days a week';
    const said = textFeatures(text)
      .sources.filter((s) => s.feature === 'c:other-work')
      .map((s) => text.slice(s.start, s.end));
    expect(said).toEqual(['immigration caseworker']);
  });

  it('reads a message that opens on a job outside technology as asking for it', () => {
    expect(otherWorkSaid('a part time florist who can also do the deliveries')).toEqual([
      'part time florist',
    ]);
    expect(otherWorkSaid('a developer who knows the payments side')).toEqual([]);
    expect(otherWorkSaid('a customer told us the basket forgets what they added')).toEqual([]);
  });

  it('reads the books, teaching, the bar, the trades and a building’s fixtures as other work', () => {
    for (const text of [
      'nobody has reconciled the bank since march',
      'we need someone to teach maths to year 10',
      'the intercom at the front of the flats keeps cutting out',
      'someone to run things behind the bar on weekends',
      'I need a few reliable local tradesmen',
    ]) {
      const { sources } = textFeatures(text);
      expect(
        sources.some((s) => s.feature === 'c:other-work'),
        text,
      ).toBe(true);
    }
  });

  it('reads a job asked for with technology skill as no work outside technology', () => {
    expect(otherWorkSaid('we need a technical seller to run demos and pilots')).toEqual([]);
    expect(otherWorkSaid('hiring a tech salesperson for the trials')).toEqual([]);
  });

  it('reads a job named as a kind of person as work outside technology', () => {
    expect(otherWorkSaid('we need an experienced salesperson to win accounts')).toEqual([
      'experienced salesperson',
    ]);
    expect(otherWorkSaid('we need a data person for the reports')).toEqual([]);
  });

  it('reads a job named by a word no guide or glossary uses as work outside technology', () => {
    const vocabulary = new Set(['developer', 'dashboard', 'website', 'helper']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('need a warden for the summer season')).toEqual(['warden']);
    expect(said('we want a dashboard for the managers')).toEqual([]);
    expect(said('we want a chat helper on the website')).toEqual([]);
    expect(said('need a warden')).toEqual(['warden']);
    // Without the library's words nothing tells a job from a thing by its name alone.
    expect(otherWorkSaid('need a warden for the summer season')).toEqual([]);
  });

  it('reads a job named by a word no guide uses as other work whatever technology words precede it', () => {
    const vocabulary = new Set(['warehouse', 'data', 'engineer']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('we need a new warehouse supervisor to run the shifts')).toEqual([
      'warehouse supervisor',
    ]);
    expect(said('we need a data warehouse engineer')).toEqual([]);
  });

  it('reads operatives asked for as work outside technology beside a technology word', () => {
    const vocabulary = new Set(['warehouse', 'data']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('we need two warehouse operatives to pick the orders')).toEqual([
      'warehouse operatives',
    ]);
    expect(said('we need a data warehouse for the reports')).toEqual([]);
  });

  it('reads a technician asked for without a word of the library’s titles as other work', () => {
    const titleWords = new Set(['it', 'support', 'technician', 'it support', 'support technician']);
    const said = (text: string) => otherWorkSaid(text, { titleWords });
    expect(said('we need a lab technician for the mornings')).toEqual(['lab technician']);
    expect(said('we need an IT technician for the mornings')).toEqual([]);
  });

  it('reads a post after a title word that opens no post in the titles as work outside technology', () => {
    const titleWords = new Set([
      ...['site', 'reliability', 'engineer', 'site reliability', 'reliability engineer'],
      ...['chief', 'technology', 'officer', 'chief technology', 'technology officer'],
    ]);
    const said = (text: string) => otherWorkSaid(text, { titleWords });
    expect(said('we need a site manager by march')).toEqual(['site manager']);
    expect(said('we are recruiting a technology executive')).toEqual([]);
  });

  it('reads a job asked for with "we look for" or "we search" as writers of another language ask', () => {
    const vocabulary = new Set(['website', 'documents']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('We look for translator for documents of the company')).toEqual(['translator']);
    expect(said('we search a cleaner for the offices in evening')).toEqual(['cleaner']);
    expect(said('we seek a bookkeeper two days a week')).toEqual(['bookkeeper']);
  });

  it('reads a post a board is asked to approve by the job named before "post"', () => {
    const titleWords = new Set(['data', 'architect', 'data architect']);
    const vocabulary = new Set(['post', 'data', 'design', 'structures']);
    const said = (text: string) => otherWorkSaid(text, { titleWords, vocabulary });
    expect(said('The board is asked to approve a fundraising manager post.')).toEqual([
      'fundraising manager',
    ]);
    expect(said('The board is asked to approve a senior post to design data structures.')).toEqual(
      [],
    );
  });

  it('reads a controller or a partner asked for without a title’s words as work outside technology', () => {
    const titleWords = new Set(['technology', 'partner', 'technology partner']);
    const said = (text: string) => otherWorkSaid(text, { titleWords });
    expect(said('We need a stock controller who orders in time')).toEqual(['stock controller']);
    expect(said('we need an HR business partner')).toEqual(['HR business partner']);
    expect(said('we need a technology partner to build the app')).toEqual([]);
  });

  it('reads a job the text is short of as asked for', () => {
    expect(otherWorkSaid('we are short of a press operator this week')).toEqual(['press operator']);
  });

  it('reads people asked for by where they work as work outside technology', () => {
    const vocabulary = new Set(['website', 'android', 'version', 'people']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('need two more people for the counter on weekends')).toEqual([
      'people for the counter',
    ]);
    expect(said('we need staff in the stockroom on fridays')).toEqual(['staff in the stockroom']);
    expect(said('we need someone for the website')).toEqual([]);
    expect(said('we need someone on the android version')).toEqual([]);
  });

  it('reads people hired in the plural with no article as work outside technology', () => {
    const vocabulary = new Set(['customers', 'testers', 'app']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('next year we need seasonal packers and a team leader')).toEqual([
      'seasonal packers',
    ]);
    expect(said('we are hiring volunteers to run the disco')).toEqual(['volunteers']);
  });

  it('reads one person hired with no article as work outside technology', () => {
    const vocabulary = new Set(['customers', 'tester', 'app']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('we need caregiver for my father at night')).toEqual(['caregiver']);
    expect(said('we need tester for the app')).toEqual([]);
    expect(said('we need experienced caregiver for my father')).toEqual([]);
  });

  it('leaves a plural the guides use, or one only wanted, out of work outside technology', () => {
    const vocabulary = new Set(['customers', 'testers', 'app']);
    const said = (text: string) => otherWorkSaid(text, { vocabulary });
    expect(said('we need testers for the app')).toEqual([]);
    expect(said('we want ramblers to book walks from the app')).toEqual([]);
  });

  it('reads a post asked for without a word of the library’s titles as work outside technology', () => {
    const titleWords = new Set([
      'project',
      'manager',
      'it',
      'lead',
      'delivery',
      'project manager',
      'delivery lead',
    ]);
    const said = (text: string) => otherWorkSaid(text, { titleWords });
    expect(said('we need a contracts manager to track renewals')).toEqual(['contracts manager']);
    expect(said('we need a safeguarding lead for the volunteers')).toEqual(['safeguarding lead']);
    expect(said('we need a project manager for the move')).toEqual([]);
    expect(said('need a manager who can watch the bar')).toEqual([]);
    expect(said('client needs a people manager for the developers')).toEqual([]);
    // Without the titles' words, as when a posting is read, a post is no sign either way.
    expect(
      textFeatures('we need a contracts manager').sources.some((s) => s.feature === 'c:other-work'),
    ).toBe(false);
  });
});
