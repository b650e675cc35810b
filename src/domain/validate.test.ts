import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { parse } from './validate.js';

const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the value was accepted');
};

describe('parse', () => {
  it('names a union of constants once, as the choice it is', () => {
    const Role = Type.Object({
      role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')]),
    });
    const error = refusal(() => parse(Role, { role: 'superuser' }));
    expect(error.details).toEqual([
      { field: 'role', message: 'role must be one of "admin", "editor", "viewer"' },
    ]);
  });

  it('says how long a text may be, naming its field', () => {
    const error = refusal(() =>
      parse(Type.Object({ name: Type.String({ maxLength: 3 }) }), { name: 'long' }),
    );
    expect(error.details).toEqual([{ field: 'name', message: 'name is longer than 3 characters' }]);
  });

  it('says in words what a pattern asks for, where the schema says it', () => {
    const Letter = Type.Object({
      letter: Type.String({ pattern: '^[A-Z]$', 'x-form': 'one letter' }),
    });
    const error = refusal(() => parse(Letter, { letter: 'KK' }));
    expect(error.details).toEqual([{ field: 'letter', message: 'letter must be one letter' }]);
  });
});
