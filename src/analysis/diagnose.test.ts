import { describe, expect, it } from 'vitest';
import { miniRoles, miniTerms } from '../../test/fixtures/analysis/mini-library.js';
import { calibratedScores, diagnose, diagnosisSignals } from './diagnose.js';
import type { LearnedModel } from './learned-scorer.js';
import { TermSpotter } from './term-spotter.js';

const deps = { roles: miniRoles };
const top = (text: string) => diagnose(text, deps).roles[0]?.code;

describe('diagnose', () => {
  it('ranks the role whose signs match plain words first', () => {
    expect(top('Pages take ten seconds and the site fell over during the sale')).toBe(
      'backend-developer',
    );
  });

  it('reads plain words through the concept map: "fell over" and "went down" are outages', () => {
    const { understood } = diagnose('The shop went down and the site fell over', deps);
    expect(understood).toContainEqual({ said: 'went down', means: 'outages and crashes' });
    expect(understood).toContainEqual({ said: 'fell over', means: 'outages and crashes' });
  });

  it('says which sign matched, with the words that matched it and why', () => {
    const [best] = diagnose('Releasing a version takes a whole day of manual steps', deps).roles;
    expect(best?.code).toBe('devops-engineer');
    const sign = best!.matches.find((m) => m.section === 'sign')!;
    expect(sign.title).toBe('Releases are painful');
    expect(sign.said).toEqual(expect.arrayContaining(['manual steps']));
    expect(sign.why).toMatch(/the sign “Releases are painful”/);
  });

  it('echoes at most five phrases of the problem per match, each cut at 120 characters', () => {
    const text = `${'the site is slow '.repeat(40)}. `.repeat(20);
    const said = diagnose(text, deps).roles.flatMap((r) => r.matches.flatMap((m) => m.said));
    expect(said.length).toBeGreaterThan(0);
    for (const role of diagnose(text, deps).roles) {
      for (const match of role.matches) {
        expect(match.said.length).toBeLessThanOrEqual(5);
        for (const phrase of match.said) expect(phrase.length).toBeLessThanOrEqual(121);
      }
    }
  });

  it('offers no role for a broken appliance or for chasing unpaid invoices', () => {
    expect(diagnose('the office coffee machine is always broken', deps).roles).toEqual([]);
    expect(diagnose('we need someone to chase customers who havent paid', deps).roles).toEqual([]);
  });

  it('counts reasons to hire and responsibilities as weaker evidence', () => {
    expect(top('we were breached')).toBe('security-engineer');
    const matches = diagnose('we were breached', deps).roles[0]!.matches;
    expect(matches.map((m) => m.section)).toContain('benefit');
  });

  it('scores roles in rank order, each no higher than the best', () => {
    const { roles } = diagnose('Every report shows different numbers and nobody trusts them', deps);
    expect(roles[0]?.code).toBe('data-analyst');
    expect(roles.map((r) => r.score)).toEqual([...roles.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('gives a calibrated score, not 100% to whichever role came first', () => {
    const [best] = diagnose('we were breached', deps).roles;
    expect(best?.score).toBeGreaterThan(0.5);
    expect(best?.score).toBeLessThan(1);
  });

  it('finds no technology role for work outside technology, and says what it understood', () => {
    const diagnosis = diagnose('hiring a nurse for night shifts', deps);
    expect(diagnosis.verdict).toBe('no-technology-role');
    expect(diagnosis.roles).toEqual([]);
    expect(diagnosis.message).toMatch(/^This does not sound like a technology role\./);
    expect(diagnosis.message).toContain('“night shifts” as work outside technology');
  });

  it('reads occupations outside technology as such, not only the ones problems named', () => {
    for (const [text, said] of [
      ['we need a podiatrist two days a week, our clinic is busy', 'podiatrist'],
      ['Looking for a tree surgeon, the oaks by the car park lean badly', 'tree surgeon'],
      ['need a locksmith asap, the back office keys are lost', 'locksmith'],
    ]) {
      const diagnosis = diagnose(text!, deps);
      expect(diagnosis.verdict).toBe('no-technology-role');
      expect(diagnosis.message).toContain(`“${said}” as work outside technology`);
    }
  });

  it('finds no technology role for a customer asking the business for a refund', () => {
    const text = 'I was charged twice for my order in your app. Please refund the second charge.';
    expect(diagnose(text, deps).verdict).toBe('no-technology-role');
  });

  it('weighs a job outside technology asked for above one mentioned in passing', () => {
    const asked = diagnosisSignals('we need two more cashiers before the summer', deps);
    const mentioned = diagnosisSignals('the till app our cashiers use keeps crashing', deps);
    expect(asked.otherWork).toBeGreaterThan(mentioned.otherWork);
    expect(mentioned.otherWork).toBe(1);
  });

  it('weighs the people a system serves less when the problem asks for technology', () => {
    const served = 'the app our drivers use keeps crashing, we need someone to stop the crashes';
    expect(diagnosisSignals(served, deps).otherWork).toBe(0.5);
    expect(diagnosisSignals('the app our drivers use keeps crashing', deps).otherWork).toBe(1);
    const both = 'the app our drivers use keeps crashing and we need a new cleaner';
    expect(diagnosisSignals(both, deps).otherWork).toBe(4);
  });

  it('weighs people counted as a quantity as the people a figure serves, not as asked for', () => {
    const counted = 'we want to forecast how many drivers we need per day from past demand';
    expect(diagnosisSignals(counted, deps).otherWork).toBe(0.5);
  });

  it('weighs what the problem asks for above the story around it in the evidence', () => {
    const buttons = 'the buttons overlap on mobile screens';
    const releases = 'releases take a day of manual steps';
    const byEvidence = (text: string) => diagnosisSignals(text, deps).ranked[0]?.role.code;
    expect(byEvidence(`${releases}. we need someone to fix ${buttons}`)).toBe('frontend-developer');
    expect(byEvidence(`${buttons}. we need someone to fix how ${releases}`)).toBe(
      'devops-engineer',
    );
  });

  it('weighs a job named again after a comma inside an ask as asked for', () => {
    const restated = 'we need someone to update the website text each week, a cashier really';
    expect(diagnosisSignals(restated, deps).otherWork).toBe(3);
    const passing = 'the app our cashiers use keeps crashing, a real pain';
    expect(diagnosisSignals(passing, deps).otherWork).toBe(1);
  });

  it('weighs a job a message opens on as asked for', () => {
    expect(diagnosisSignals('an upholsterer for two days a week', deps).otherWork).toBe(3);
    expect(diagnosisSignals('the upholsterer says the app logs him out', deps).otherWork).toBe(1);
  });

  it('weighs a job named first and asked for after as asked for', () => {
    const later = diagnosisSignals('our head chef quit last week. need a new one by friday', deps);
    expect(later.otherWork).toBe(3);
    const more = diagnosisSignals('our drivers keep quitting, I need three more', deps);
    expect(more.otherWork).toBe(3);
    expect(diagnosisSignals('our head chef loves the new till app', deps).otherWork).toBe(1);
  });

  it('does not count a trade’s word used for something someone does', () => {
    const game = 'notes drop down the screen and you tap the key before they land';
    expect(diagnosisSignals(game, deps).otherWork).toBe(0);
    expect(diagnosisSignals('the tap drips', deps).otherWork).toBe(1);
  });

  it('does not count the work the speaker says they do or run', () => {
    const self = 'I’m the office manager and the laptops keep freezing';
    expect(diagnosisSignals(self, deps).otherWork).toBe(0);
    expect(diagnosisSignals('we run a small bakery and the till app crashes', deps).otherWork).toBe(
      0,
    );
    expect(diagnosisSignals('we need an office manager', deps).otherWork).toBeGreaterThan(0);
  });

  it('does not count the places the speaker says they have', () => {
    expect(
      diagnosisSignals('we have three hotels and the booking app crashes', deps).otherWork,
    ).toBe(0);
    expect(diagnosisSignals('we’ve got 2 hotels and the booking app crashes', deps).otherWork).toBe(
      0,
    );
  });

  it('weighs a job required, recruited or appointed as asked for', () => {
    for (const text of [
      'we require a cleaner for the offices',
      'agreed to recruit a cleaner for the offices',
      'the board will appoint a cleaner for the offices',
    ]) {
      expect(diagnosisSignals(text, deps).otherWork, text).toBe(3);
    }
  });

  it('names the role to hire in its message when one fits', () => {
    const diagnosis = diagnose('Releasing a version takes a whole day of manual steps', deps);
    expect(diagnosis.verdict).toBe('technology-role');
    expect(diagnosis.message).toMatch(
      /^This sounds like work for a DevOps Engineer \(\d+% likely\)\.$/,
    );
  });

  it('says in its message the percentage the list gives the first role', () => {
    const diagnosis = diagnose('Releasing a version takes a whole day of manual steps', deps);
    const percent = Math.round((diagnosis.roles[0]?.score ?? 0) * 100);
    expect(diagnosis.message).toContain(`(${percent}% likely)`);
  });

  it('puts "an" before a role name that begins with a vowel sound', () => {
    const roles = miniRoles.map((role) =>
      role.code === 'devops-engineer' ? { ...role, name: 'Infrastructure Engineer' } : role,
    );
    const { message } = diagnose('Releasing a version takes a whole day of manual steps', {
      roles,
    });
    expect(message).toMatch(/^This sounds like work for an Infrastructure Engineer \(/);
  });

  it('reads "log in" as logging in, not as logs', () => {
    const { understood } = diagnose('the site is slow when many users log in', deps);
    expect(understood).toContainEqual({ said: 'log in', means: 'logging in to accounts' });
    expect(understood.some((u) => u.means === 'monitoring')).toBe(false);
  });

  it('explains a match through the concept map in the words the problem used', () => {
    const [best] = diagnose('our email keeps getting hacked', deps).roles;
    expect(best?.code).toBe('security-engineer');
    expect(best?.matches).toContainEqual(
      expect.objectContaining({ section: 'concept', said: ['getting hacked'] }),
    );
  });

  it('counts a concept only hinted at by one of its words for less than one said outright', () => {
    const concept = (text: string) =>
      diagnosisSignals(text, deps)
        .ranked.find((r) => r.role.code === 'backend-developer')
        ?.matches.find((m) => m.section === 'concept')?.score ?? 0;
    const hinted = concept('hook the tills into the stock system');
    expect(hinted).toBeGreaterThan(0);
    expect(hinted).toBeLessThan(concept('hook up the tills and the stock system'));
  });

  it('returns at most the number of roles asked for', () => {
    expect(
      diagnose('slow pages, broken phones, manual releases', { ...deps, limit: 2 }).roles,
    ).toHaveLength(2);
  });

  it('counts technologies named in the problem when it has a glossary', () => {
    const spotter = TermSpotter.build(miniTerms);
    const terms = new Map(miniTerms.map((t) => [t.slug, t]));
    // A learned scorer that agrees with the evidence, so only the glossary's part is read here.
    const learned: LearnedModel = { roles: ['devops-engineer'], bias: [0], weights: {} };
    const { roles } = diagnose('We want help with our Terraform', {
      ...deps,
      spotter,
      terms,
      learned,
    });
    expect(roles[0]?.code).toBe('devops-engineer');
    expect(roles[0]?.matches).toContainEqual(
      expect.objectContaining({ section: 'term', said: ['Terraform'] }),
    );
  });

  it('does not count a technology named in a part said to be fine', () => {
    const spotter = TermSpotter.build(miniTerms);
    const terms = new Map(miniTerms.map((t) => [t.slug, t]));
    const { roles } = diagnose('Our Terraform is fine; pages take ten seconds', {
      ...deps,
      spotter,
      terms,
    });
    expect(roles.flatMap((r) => r.matches).filter((m) => m.section === 'term')).toEqual([]);
  });

  it('lets the learned scorer choose the first among the roles the evidence ranks high', () => {
    const text = 'Releasing a version takes a whole day of manual steps and pages are slow';
    const favoured = diagnosisSignals(text, deps).ranked[1]!.role.code;
    const learned: LearnedModel = { roles: [favoured], bias: [0], weights: {} };
    expect(diagnose(text, { ...deps, learned }).roles[0]?.code).toBe(favoured);
  });

  it('offers no role when the evidence points to none, however sure the learned scorer is', () => {
    const learned: LearnedModel = { roles: ['backend-developer'], bias: [5], weights: {} };
    const text = 'we need a new cleaner for the office, ours left';
    expect(diagnose(text, { ...deps, learned }).verdict).toBe('no-technology-role');
  });

  it('names the words of the problem that weighed most for the role in the learned scorer', () => {
    const learned: LearnedModel = {
      roles: ['devops-engineer'],
      bias: [0],
      weights: { 'w:step': [0, 1], 'w:releas': [0, 2] },
    };
    const [best] = diagnose('Releases need a day of manual steps', { ...deps, learned }).roles;
    expect(best!.matches).toContainEqual(
      expect.objectContaining({
        said: ['Releases', 'steps'],
        why: 'Problems told with “Releases”, “steps” were most often work for this role.',
      }),
    );
  });

  it('refuses a role the evidence favours when the learned scorer finds it unlikely', () => {
    const text = 'We want help with our Terraform';
    const spotter = TermSpotter.build(miniTerms);
    const terms = new Map(miniTerms.map((t) => [t.slug, t]));
    const learned: LearnedModel = {
      roles: ['devops-engineer', 'data-analyst'],
      bias: [0, 8],
      weights: {},
    };
    expect(diagnose(text, { ...deps, spotter, terms, learned }).verdict).toBe('no-technology-role');
  });

  it('scores a role the learned scorer was never taught by the evidence alone', () => {
    const text = 'Releasing a version takes a whole day of manual steps';
    const learned: LearnedModel = { roles: ['some-other-role'], bias: [0], weights: {} };
    const signals = diagnosisSignals(text, deps);
    const [fit = 0] = calibratedScores(
      signals.ranked.map((r) => r.raw),
      signals,
    );
    expect(diagnose(text, { ...deps, learned }).roles[0]?.score).toBe(
      Math.round(fit * 1000) / 1000,
    );
  });

  it('finds no role for text that matches nothing', () => {
    expect(diagnose('', deps).roles).toEqual([]);
    expect(diagnose('zzz qqq', deps)).toMatchObject({ verdict: 'no-technology-role', roles: [] });
  });
});
