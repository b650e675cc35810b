import { describe, expect, it } from 'vitest';
import { dataAsks } from './data-asks.js';

const reporting = new Set(['reporting']);

describe('dataAsks', () => {
  it('reads a question the writer wants answered from the data as the analyst’s work', () => {
    const [ask] = dataAsks('i want to know which dishes make money at each site', reporting);
    expect(ask?.roles).toEqual({ 'data-analyst': 1 });
    expect(ask?.start).toBe(2);
  });

  it('reads "tell us what" as a question asked', () => {
    expect(dataAsks('dig into the sales and tell us what is working', reporting)).toHaveLength(1);
  });

  it('reads no question where nobody asks one', () => {
    expect(dataAsks('nobody seems to know why the numbers are late', reporting)).toEqual([]);
  });

  it('reads a view to open and look at as the BI developer’s work', () => {
    const text = 'we want a screen each manager can open on monday showing last week by branch';
    expect(dataAsks(text, reporting)[0]?.roles).toEqual({ 'bi-developer': 1 });
  });

  it('reads a design of how named data should fit together as the data architect’s work', () => {
    const text =
      'each clinic keeps patient and billing info its own way. we need someone to design how it should all fit together';
    expect(dataAsks(text, new Set(['data-model']))[0]?.roles).toEqual({ 'data-architect': 1 });
  });

  it('leaves a design of software to the other architects', () => {
    const text =
      'hire a senior person to design how the software should be broken up and structured';
    expect(dataAsks(text, new Set(['data-model']))).toEqual([]);
  });

  it('reads nothing in a problem that does not speak of data', () => {
    expect(dataAsks('we want to know which supplier is cheapest', new Set(['cost']))).toEqual([]);
  });
});
