import { describe, expect, it } from 'vitest';
import { revisionsView, type RevisionsViewData } from './revisions.view.js';
import { textOf } from './views.fixture.js';

const history: RevisionsViewData = {
  csrfToken: 'token',
  name: 'Payroll Officer',
  action: '/edit/roles/rolebook/payroll-officer/revisions',
  editHref: '/edit/roles/rolebook/payroll-officer',
  pageHref: '/roles/payroll-officer',
  version: 2,
  revisions: [
    {
      version: 2,
      action: 'update',
      actor: 'user:ines',
      at: '2026-11-30T16:42:09.511Z',
      changes: [{ field: 'name', removed: ['Payroll Clerk'], added: ['Payroll Officer'] }],
    },
  ],
};

describe('the revisions page', () => {
  it('says when a version was made as a person reads a time, the exact time kept for machines', () => {
    const page = revisionsView(history);
    expect(textOf(page)).toContain('By user:ines on 30 Nov 2026, 16:42 UTC');
    expect(page).toContain('<time datetime="2026-11-30T16:42:09.511Z">');
  });
});
