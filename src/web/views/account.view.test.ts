import { describe, expect, it } from 'vitest';
import { accountView, signInView } from './account.view.js';
import { usersView } from './users.view.js';
import { flat } from './views.fixture.js';

describe('account views', () => {
  it('puts the CSRF token in a hidden field of the sign-in form', () => {
    const page = signInView({ csrfToken: 'tok-123' });
    expect(page).toMatch(/<form[^>]*method="post" action="\/sign-in"/);
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok-123" />');
  });

  it('marks Account as the current section on the sign-in and account pages', () => {
    const current = flat('<a href="/account" aria-current="page">Account</a>');
    expect(flat(signInView({ csrfToken: 't' }))).toContain(current);
    expect(flat(accountView({ csrfToken: 't', name: 'eve', role: 'editor' }))).toContain(current);
  });

  it('keeps the name typed and never a password', () => {
    const page = signInView({ csrfToken: 't', name: 'ada', error: { message: 'No match.' } });
    expect(page).toContain('value="ada"');
    expect(page).toMatch(/<input\s+id="sign-in-password"[^>]*autocomplete="current-password"/);
    expect(page).not.toMatch(/id="sign-in-password"[^>]*value=/);
  });

  it('escapes a name and a return path', () => {
    const page = signInView({ csrfToken: 't', name: '"><script>x</script>', next: '/a"b' });
    expect(page).not.toContain('<script>x');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
    expect(page).toContain('value="/a&quot;b"');
  });

  it('offers both ways out, each with its token', () => {
    const page = accountView({ csrfToken: 'tok', name: 'eve', role: 'editor' });
    expect(page.match(/name="_csrf" value="tok"/g)).toHaveLength(2);
    expect(page).toContain('<input type="hidden" name="everywhere" value="yes" />');
    expect(page).not.toContain('Manage users');
  });

  it('links an admin to the users page', () => {
    expect(accountView({ csrfToken: 't', name: 'ann', role: 'admin' })).toContain(
      'href="/admin/users"',
    );
  });

  it('lists users with their state and keeps the role chosen after a refusal', () => {
    const page = usersView({
      csrfToken: 't',
      users: [
        { name: 'ann', role: 'admin', createdAt: '2026-12-06T09:00:00Z', disabledAt: null },
        {
          name: 'bob',
          role: 'viewer',
          createdAt: '2026-12-01T09:00:00Z',
          disabledAt: '2026-12-05T10:00:00Z',
        },
      ],
      roles: ['admin', 'editor', 'viewer'],
      draft: { name: 'cy', role: 'editor' },
      error: { message: 'A password is 12 to 256 characters long.' },
      minPasswordLength: 12,
    });
    expect(page).toMatch(/<td data-label="State">\s*disabled 2026-12-05\s*<\/td>/);
    expect(page).toMatch(/<option\s+value="editor"\s+selected/);
    expect(page).toContain('minlength="12"');
  });
});
