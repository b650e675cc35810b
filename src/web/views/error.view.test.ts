import { describe, expect, it } from 'vitest';
import { errorView } from './error.view.js';
import { flat } from './views.fixture.js';

describe('errorView', () => {
  it('says a page was not found', () => {
    const page = errorView({ status: 404 });
    expect(flat(page)).toContain(flat('<h1>Page not found</h1>'));
    expect(page).toContain('noindex');
  });

  it('shows the message of a client error, escaped', () => {
    expect(errorView({ status: 404, message: 'Role <x> was not found.' })).toContain(
      'Role &lt;x&gt; was not found.',
    );
  });

  it('names whose role a refusal was of, and the page where they can sign out', () => {
    const page = flat(
      errorView({
        status: 403,
        message: 'Not allowed.',
        signedInAs: { name: 'vic', role: 'viewer' },
      }),
    );
    expect(page).toContain(flat('signed in as <strong>vic</strong>, a viewer'));
    expect(page).toContain('href="/account"');
  });

  it('names nobody on a page that is not a refusal', () => {
    const page = errorView({ status: 404, signedInAs: { name: 'quillon', role: 'viewer' } });
    expect(page).not.toContain('quillon');
  });

  it('never shows the message of a server error', () => {
    const page = errorView({
      status: 500,
      message: 'TypeError: cannot read db.password at store.ts:12',
      requestId: 'req-7',
    });
    expect(page).not.toContain('TypeError');
    expect(page).toContain('Something went wrong on our side');
    expect(flat(page)).toContain(flat('<code>req-7</code>'));
  });
});
