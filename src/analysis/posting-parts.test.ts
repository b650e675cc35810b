import { describe, expect, it } from 'vitest';
import { checkPostingParts } from './posting-parts.js';

describe('checkPostingParts', () => {
  it('finds every part of a complete posting', () => {
    const text = `Responsibilities
- Build APIs
Requirements
- 3+ years of experience
Salary: $120,000 - $140,000. Location: Austin, TX (hybrid).`;
    const report = checkPostingParts(text);
    expect(report.missing).toEqual([]);
    expect(report.parts.salary).toEqual({ present: true, evidence: '$120,000 - $140,000' });
    expect(report.workModes).toEqual(['hybrid']);
  });

  it('reports each missing part', () => {
    expect(checkPostingParts('We are a friendly team.').missing).toEqual([
      'responsibilities',
      'requirements',
      'salary',
      'location',
    ]);
  });

  it('finds responsibilities without a heading from "you will" sentences', () => {
    const { parts } = checkPostingParts('You will own the roadmap. You will talk to customers.');
    expect(parts.responsibilities.present).toBe(true);
  });

  it('finds responsibilities introduced by "you will:" and listed on the same line', () => {
    const { parts } = checkPostingParts('you will: fix bugs, ship features, talk to customers');
    expect(parts.responsibilities).toEqual({ present: true, evidence: 'you will' });
  });

  it('finds requirements without a heading from what the text asks for', () => {
    const { parts } = checkPostingParts('Experience with Go and knowledge of SQL.');
    expect(parts.requirements.present).toBe(true);
  });

  it('counts a salary mentioned without figures as missing, with a note', () => {
    expect(checkPostingParts('Competitive salary and benefits.').parts.salary).toEqual({
      present: false,
      note: 'Mentions salary but gives no figures.',
    });
  });

  it('notes a single salary figure where a range would be clearer', () => {
    expect(checkPostingParts('Salary: £60k.').parts.salary).toMatchObject({
      present: true,
      note: 'A single figure; a range is clearer.',
    });
  });

  it('reads salary ranges written with k', () => {
    expect(checkPostingParts('Pay 90k-110k').parts.salary).toEqual({
      present: true,
      evidence: '90k-110k',
    });
  });

  it('names work modes as title normalization does: onsite, in the shared order', () => {
    expect(checkPostingParts('On-site in Leeds two days, remote the rest.').workModes).toEqual([
      'remote',
      'onsite',
    ]);
  });

  it('knows the work-mode phrases the title parser knows', () => {
    expect(checkPostingParts('You may telecommute from anywhere in Spain.').workModes).toEqual([
      'remote',
    ]);
    expect(checkPostingParts('Interviews and work are in-person in Leeds.').workModes).toEqual([
      'onsite',
    ]);
  });

  it('takes the work mode and place of the title as the title parser read them', () => {
    const text = 'Remote Sensing Analyst\nYou will map forests. Office-based.';
    const title = { start: 0, end: 'Remote Sensing Analyst'.length };
    expect(checkPostingParts(text, title).workModes).toEqual(['onsite']);
    const line = 'Analyst - Berlin (Telecommute)';
    const telecommute = checkPostingParts(`${line}\nYou will map forests.`, {
      start: 0,
      end: line.length,
      workMode: 'remote',
      location: 'Berlin',
    });
    expect(telecommute.workModes).toEqual(['remote']);
    expect(telecommute.parts.location).toEqual({ present: true, evidence: 'Berlin' });
  });

  it('finds a place a header line names among other facts', () => {
    const text = 'Backend Engineer\nAcme Pay · Berlin or Remote (EU) · Full-time\nWe build APIs.';
    expect(checkPostingParts(text).parts.location).toEqual({ present: true, evidence: 'Berlin' });
  });

  it('finds a city and country on a line of their own', () => {
    const text = 'Backend Engineer\nBerlin, Germany\nWe build APIs.';
    expect(checkPostingParts(text).parts.location).toEqual({
      present: true,
      evidence: 'Berlin, Germany',
    });
  });

  it('accepts a work mode as the location, with a note', () => {
    expect(checkPostingParts('This role is fully remote.').parts.location).toEqual({
      present: true,
      evidence: 'remote',
      note: 'Gives a work mode but no place.',
    });
  });
});
