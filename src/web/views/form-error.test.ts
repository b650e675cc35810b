import { describe, expect, it } from 'vitest';
import { formErrors } from './form-error.js';

const CONTROLS = { name: 'new-user-name', password: 'new-user-password' };

describe('a refused form', () => {
  it('links each refused field from the summary at the top to its control', () => {
    const refused = formErrors(
      {
        message: 'validation failed',
        fields: [
          { field: 'name', message: 'name is too long' },
          { field: 'password', message: 'password is required' },
        ],
      },
      'new-user',
      CONTROLS,
    );
    const top = String(refused.top());
    expect(top).toContain('<a href="#new-user-name">name is too long</a>');
    expect(top).toContain('<a href="#new-user-password">password is required</a>');
  });

  it("keeps the service's own sentence above the fields' problems", () => {
    const refused = formErrors(
      {
        message: 'A password is 12 to 256 characters long.',
        fields: [{ field: 'password', message: '9 characters' }],
      },
      'new-user',
      CONTROLS,
    );
    const top = String(refused.top());
    expect(top).toContain('<p>A password is 12 to 256 characters long.</p>');
    expect(top).toContain('<a href="#new-user-password">9 characters</a>');
  });

  it('links the sentence itself when it only repeats the one field problem', () => {
    const refused = formErrors(
      {
        message: 'A password cannot be only spaces.',
        fields: [{ field: 'password', message: 'A password cannot be only spaces.' }],
      },
      'new-user',
      CONTROLS,
    );
    expect(String(refused.top())).toMatch(
      /^<div class="form-error" role="alert">\s*<p><a href="#new-user-password">A password cannot be only spaces.<\/a><\/p>\s*<\/div>$/,
    );
  });

  it('lists in the summary, without a link, a problem about no field the form shows', () => {
    const refused = formErrors(
      {
        message: 'validation failed',
        fields: [
          { field: 'name', message: 'name is too long' },
          { message: 'the form came from another site' },
        ],
      },
      'new-user',
      CONTROLS,
    );
    expect(String(refused.top())).toMatch(/<li>the form came from another site<\/li>/);
  });

  it("says the service's own words when no field the form shows is at fault", () => {
    const refused = formErrors(
      { message: 'This form has expired', fields: [{ field: '_csrf', message: 'token is wrong' }] },
      'new-user',
      CONTROLS,
    );
    expect(String(refused.top())).toMatch(/<p>This form has expired<\/p>/);
    expect(String(refused.top())).not.toContain('href');
  });

  it('marks a refused field invalid and described by its message', () => {
    const refused = formErrors(
      { message: 'validation failed', fields: [{ field: 'name', message: 'name is too long' }] },
      'new-user',
      CONTROLS,
    );
    expect(String(refused.attributes('name'))).toBe(
      'aria-invalid="true" aria-describedby="new-user-name-problem"',
    );
    expect(refused.attributes('password')).toBe(false);
  });
});
