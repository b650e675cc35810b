import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem, lineAndColumn, readJsonShape } from './json-shape.js';

describe('readJsonShape', () => {
  it('counts how deep arrays and objects nest', () => {
    expect(readJsonShape('[[1], {"a": [2]}]', 32).depth).toBe(3);
  });

  it('stops counting once the depth passes the limit', () => {
    expect(readJsonShape('['.repeat(10_000), 32).depth).toBe(33);
  });

  it('does not count brackets written inside strings', () => {
    expect(readJsonShape('{"a": "[[[{{{", "b": "\\"[["}', 32).depth).toBe(1);
  });

  it('finds a key an object gives twice, at its second use', () => {
    expect(readJsonShape('{"a": 1, "b": 2, "a": 3}', 32).repeatedKey).toEqual({ key: 'a', at: 17 });
  });

  it('reads a key written with escapes as the key it stands for', () => {
    expect(readJsonShape('{"a": 1, "\\u0061": 2}', 32).repeatedKey?.key).toBe('a');
  });

  it('lets the same key appear once in each of several objects', () => {
    const text = '[{"title": "a", "id": 1}, {"title": "b", "meta": {"title": "c"}}]';
    expect(readJsonShape(text, 32).repeatedKey).toBeUndefined();
  });

  it('does not take string values, in objects or arrays, for keys', () => {
    expect(readJsonShape('{"a": "a", "b": ["a", "a"]}', 32).repeatedKey).toBeUndefined();
  });

  it('finds a repeated key after a nested object closes', () => {
    expect(readJsonShape('{"a": {"x": 1}, "a": 2}', 32).repeatedKey?.key).toBe('a');
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from one', () => {
    expect(lineAndColumn('{\n  "a": x}', 9)).toBe('line 2, column 8');
  });
});

describe('jsonSyntaxProblem', () => {
  const problemOf = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return jsonSyntaxProblem(text, error as Error);
    }
    throw new Error('the text is JSON');
  };

  it('places a text that ends too soon where it ends', () => {
    expect(problemOf('{\n  "roles": [\n')).toEqual({
      reason: 'Unexpected end of JSON input',
      line: 3,
      column: 1,
    });
  });

  it('turns the offset the parser gives into a line and column', () => {
    expect(problemOf('{\n  "a" 1}')).toEqual({
      reason: "Expected ':' after property name",
      line: 2,
      column: 7,
    });
  });

  it('gives a reason the parser gives without an offset without a place', () => {
    const problem = problemOf('[1,]');
    expect(problem.reason).toContain("Unexpected token ']'");
    expect(problem.line).toBeUndefined();
  });
});
