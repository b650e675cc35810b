import { describe, expect, it } from 'vitest';
import { leadingTechnology } from './leading-technology.js';

/** An index listing these titles, whose guides give these tools to the titles' roles. */
const listing = (titles: string[], tools: Record<string, string[]> = {}) => ({
  listsTitle: (text: string) => titles.includes(text),
  namesTechnology: (text: string) => Object.values(tools).some((t) => t.includes(text)),
  toolOfTitle: (technology: string, title: string) => tools[title]?.includes(technology) === true,
});

describe('leadingTechnology', () => {
  it('reads a tool of the role before a listed title as its qualifier', () => {
    const words = listing(['Data Engineer'], { 'Data Engineer': ['Snowflake'] });
    expect(leadingTechnology('Snowflake Data Engineer', words)).toEqual({
      technology: 'Snowflake',
      role: 'Data Engineer',
    });
  });

  it('reads a technology of several words', () => {
    const words = listing(['Data Analyst'], { 'Data Analyst': ['Power BI'] });
    expect(leadingTechnology('Power BI Data Analyst', words)?.technology).toBe('Power BI');
  });

  it('reads a language no guide lists as a qualifier', () => {
    expect(leadingTechnology('Kotlin Backend Developer', listing(['Backend Developer']))).toEqual({
      technology: 'Kotlin',
      role: 'Backend Developer',
    });
  });

  it('keeps a title some role lists with its technology whole', () => {
    const words = listing(['Data Architect', 'Snowflake Data Architect'], {
      'Data Architect': ['Snowflake'],
    });
    expect(leadingTechnology('Snowflake Data Architect', words)).toBeUndefined();
  });

  it('keeps a tool the title’s role does not work with', () => {
    const words = listing(['Sales Engineer'], { 'Data Engineer': ['Snowflake'] });
    expect(leadingTechnology('Snowflake Sales Engineer', words)).toBeUndefined();
  });

  it('keeps a tool that names a role with the head alone', () => {
    const words = listing(['Test Engineer', 'Cypress Engineer'], {
      'Test Engineer': ['Cypress'],
    });
    expect(leadingTechnology('Cypress Test Engineer', words)).toBeUndefined();
  });

  it('leaves a technology word before a bare head', () => {
    expect(leadingTechnology('Python Handler', listing(['Handler']))).toBeUndefined();
  });

  it('looks up no title when no technology opens the title', () => {
    const asked: string[] = [];
    const words = listing(['Registered Nurse', 'Nurse Practitioner']);
    const counting = {
      ...words,
      listsTitle: (text: string) => (asked.push(text), words.listsTitle(text)),
    };
    expect(leadingTechnology('Registered Nurse Practitioner', counting)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
