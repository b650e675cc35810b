import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { parse, validatorFor } from './validate.js';

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

describe('parse, checking first with TypeBox and refusing with the validator', () => {
  // A new schema per test is interpreted; one that has checked a few values is compiled.
  const settings = () =>
    Type.Object(
      {
        url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://[^/]+$' })),
        at: Type.Optional(Type.String({ format: 'date-time' })),
        level: Type.Union([Type.Literal('info'), Type.Literal('debug')]),
        port: Type.Integer({ minimum: 1 }),
        origins: Type.Array(Type.String({ maxLength: 3 })),
      },
      { additionalProperties: false },
    );
  const Settings = settings();
  const accepted = [
    { level: 'info', port: 1, origins: [] },
    { url: 'https://rolebook.example', level: 'debug', port: 8080, origins: ['a'] },
    { url: 'http://[::1]:3000', level: 'info', port: 3000, origins: [] },
    { at: '2026-12-06T05:07:00Z', level: 'info', port: 1, origins: ['😀😀😀'] },
  ];
  const refused = [
    { level: 'info', port: 0, origins: [] },
    { level: 'trace', port: 1, origins: [] },
    { url: 'https://rolebook.example/path', level: 'info', port: 1, origins: [] },
    { url: 'https://exa mple', level: 'info', port: 1, origins: [] },
    { url: 'https://[::1', level: 'info', port: 1, origins: [] },
    { at: '2026-13-06T05:07:00Z', level: 'info', port: 1, origins: [] },
    { at: '6 December 2026', level: 'info', port: 1, origins: [] },
    { level: 'info', port: 1, origins: [], extra: true },
    { level: 'info', port: 1, origins: ['a\u0007b'] },
    { level: 'info', port: 1, origins: ['abcd'] },
    { level: 'info', port: 1.5, origins: [] },
  ];
  it.each(accepted)('accepts what the validator accepts: %j', (value) => {
    expect(validatorFor(Settings)(value)).toBe(true);
    expect(parse(settings(), value)).toEqual(value);
  });

  it.each(refused)('refuses what the validator refuses: %j', (value) => {
    expect(validatorFor(Settings)(value)).toBe(false);
    expect(refusal(() => parse(settings(), value)).code).toBe('validation_failed');
  });

  it('answers the same once it checks a schema often enough to compile its check', () => {
    const often = settings();
    const answers = () =>
      [...accepted, ...refused].map((value) => {
        try {
          parse(often, value);
          return true;
        } catch {
          return false;
        }
      });
    const first = answers();
    expect(answers()).toEqual(first);
    expect(first).toEqual([...accepted, ...refused].map((value) => validatorFor(often)(value)));
  });
});
