import { describe, expect, it } from 'vitest';
import { conceptHits, conceptLabel, hintedConcepts, mendTypos } from './concepts.js';
import { words } from './words.js';

const concepts = (text: string) => conceptHits(words(text)).map((c) => c.concept);

describe('conceptHits', () => {
  it('maps plain words and guide words to the same concept', () => {
    expect(concepts('the site fell over')).toContain('outage');
    expect(concepts('repeated outages')).toContain('outage');
    expect(concepts('pages are sluggish')).toContain('performance');
    expect(concepts('we were hacked')).toContain('breach');
  });

  it('hears more everyday ways of naming a concept', () => {
    expect(concepts('staff should get a code on their phone to sign in')).toContain('breach');
    expect(concepts('he copies the files over by hand on a friday')).toContain('deployment');
    expect(concepts('someone to think like a hacker and find the holes')).toContain('attack-test');
    expect(concepts('the tool throws up alerts and we cannot tell which are real')).toContain(
      'security-monitoring',
    );
    expect(concepts('one app for apple and android')).toContain('cross-platform');
    expect(concepts('our engineering team ships weekly')).not.toContain('cross-team');
    expect(concepts('one person to build it from top to bottom')).toContain('build-product');
  });

  it('hears how data is structured and where it is kept as the design of data', () => {
    expect(concepts('we are about to buy one central data store')).toContain('data-architecture');
    expect(concepts('design how the data is structured')).toContain('data-architecture');
    expect(concepts('each office has its own definition of a customer')).toContain(
      'data-architecture',
    );
    expect(concepts('the store data from the tills')).not.toContain('data-architecture');
  });

  it('hears a shared ledger and digital coins as a blockchain', () => {
    expect(concepts('donors ask to give in digital coins')).toContain('blockchain');
    expect(concepts('every donation written to a shared public ledger')).toContain('blockchain');
    expect(concepts('the general ledger in our finance system')).not.toContain('blockchain');
  });

  it('hears a change put live and a way back as releasing software', () => {
    expect(concepts('he puts a change live by hand')).toContain('deployment');
    expect(concepts('changes go out automatically with a quick way back')).toContain('deployment');
  });

  it('reads "in production" as running models only when a model is named', () => {
    expect(concepts('nobody knows which version is running in production')).not.toContain(
      'model-production',
    );
    expect(concepts('our models in production keep getting worse')).toContain('model-production');
  });

  it('reads a listed "don t" as the "don’t" a writer types', () => {
    expect(concepts("the shop and the accounts software don't talk")).toContain('integration');
  });

  it('reads a word made with "-ly" as the phrase listing it, not one sharing its stem', () => {
    expect(concepts('nightly data loads')).toEqual(['data-pipeline']);
  });

  it('still reads a "-ly" word by its stem where no phrase lists it', () => {
    expect(concepts('pages load slowly')).toContain('performance');
  });

  it('reads splitting a system into parts as its architecture', () => {
    expect(concepts('someone to decide how it should be split up')).toContain('architecture');
    const tokens = words('the app should be split three ways');
    expect(hintedConcepts(tokens, conceptHits(tokens)).map((c) => c.concept)).toContain(
      'architecture',
    );
  });

  it('reads no need to manage people from naming the developers or the team', () => {
    expect(concepts('a good developer to join a team of five engineers')).not.toContain('people');
  });

  it('prefers the longest phrase', () => {
    const [hit] = conceptHits(words('we test our defences every year')).filter(
      (c) => c.concept === 'attack-test',
    );
    expect(hit).toMatchObject({ start: 3, end: 20 });
  });

  it('lets one phrase name several concepts', () => {
    expect(concepts('it is broken')).toEqual(expect.arrayContaining(['outage', 'bugs']));
  });

  it('reads work outside technology only as written, not from a word sharing its stem', () => {
    expect(concepts('analysts wait for the data')).not.toContain('other-work');
    expect(concepts('the carers on the ward')).toContain('other-work');
    expect(concepts('we need two waiters')).toContain('other-work');
  });

  it('reads a listed job ending in "y" in its plural "-ies", as written', () => {
    expect(concepts('we need two legal secretaries')).toContain('other-work');
    expect(concepts('the legal secretary left')).toContain('other-work');
  });

  it('does not read a word into a concept through a short stem it only happens to share', () => {
    expect(concepts('someone to sit with our customers')).not.toContain('frontend');
    expect(concepts('the site is down')).toContain('frontend');
    expect(concepts('a career path')).not.toContain('devices');
  });

  it('hears which phones a mobile problem is about', () => {
    expect(concepts('staff on samsung phones cannot install it')).toContain('android');
    expect(concepts('log in with Face ID')).toContain('apple');
    expect(concepts('our app store ratings')).not.toContain('apple');
  });

  it('never reads a common word on its own as a concept', () => {
    expect(concepts('keep them happy')).toEqual([]);
  });

  it('labels concepts in plain English', () => {
    expect(conceptLabel('outage')).toBe('outages and crashes');
    expect(conceptLabel('documentation')).toBe('documentation');
  });
});

describe('mendTypos', () => {
  const mend = (text: string, vocabulary: string[] = []) =>
    mendTypos(words(text), new Set(vocabulary)).map((t) => t.word);

  it('mends a letter missing, one too many or two swapped in a word of the concept map', () => {
    expect(mend('our webiste keeps crashng')).toEqual(['our', 'website', 'keeps', 'crashing']);
    expect(mend('conect the databse')).toEqual(['connect', 'the', 'database']);
  });

  it('mends a typo whose stem is that of another listed word', () => {
    expect(mend('a general programer')).toEqual(['a', 'general', 'programmer']);
  });

  it('leaves short words, other endings and the library’s own words as typed', () => {
    expect(mend('tired county')).toEqual(['tired', 'county']);
    expect(mend('conect', ['conect'])).toEqual(['conect']);
  });
});

const hinted = (text: string) => {
  const tokens = words(text);
  return hintedConcepts(tokens, conceptHits(tokens)).map((c) => c.concept);
};

describe('hintedConcepts', () => {
  it('hints at a concept by a word that recurs only in its phrases, said outside all of them', () => {
    expect(hinted('every friday I glue the exports into one file')).toEqual(['data-pipeline']);
  });

  it('hints at nothing by a word the phrases of several concepts share', () => {
    expect(hinted('we have the data')).toEqual([]);
  });

  it('hints at nothing by a common word, whatever phrases it is listed in', () => {
    expect(hinted('what they said')).toEqual([]);
  });

  it('hints at nothing by a word already inside a phrase found', () => {
    expect(hinted('we glue them together by hand')).toEqual([]);
  });
});
