import { html } from '../../guides/index.js';
import { accountPaths } from './account-paths.js';
import { layout } from './layout.js';
import { sitePaths } from './site-paths.js';

export interface ErrorViewData {
  status: number;
  /** A message meant for the reader (an AppError's message); shown for 4xx only. */
  message?: string;
  /** Shown so a reader can quote it when reporting a problem. */
  requestId?: string;
  /** Who is signed in, for a refusal (403) of their role: the reader needs another account. */
  signedInAs?: { name: string; role: string };
}

/** Whose role a refusal was of, and where they can sign out so someone allowed can sign in. */
const refusedAccount = ({ name, role }: { name: string; role: string }) =>
  html`<p>
    You are signed in as <strong>${name}</strong>, a ${role}. Someone whose role allows this can
    sign in after you sign out on <a href="${accountPaths.account}">your account page</a>.
  </p>`;

const headings: Record<number, string> = {
  400: 'That request could not be read',
  401: 'You need to sign in for that',
  403: 'You may not do that',
  404: 'Page not found',
  406: 'That format is not available',
  429: 'Too many requests',
};

/**
 * An error page that says what happened in plain words and never shows internals: for a
 * server error, only a fixed sentence and the request id.
 * @example errorView({ status: 404, message: 'Role onet/99-9999.00 was not found.' })
 */
export const errorView = (data: ErrorViewData): string => {
  const serverError = data.status >= 500;
  const heading =
    headings[data.status] ??
    (serverError ? 'Something went wrong on our side' : 'That did not work');
  const message = serverError
    ? 'The problem is ours, not yours. Please try again in a moment.'
    : (data.message ?? (data.status === 404 ? 'There is no page at this address.' : undefined));
  return layout(
    { title: heading, noindex: true },
    html`<h1>${heading}</h1>
      ${message !== undefined && html`<p class="lead">${message}</p>`}
      ${data.status === 403 && data.signedInAs !== undefined && refusedAccount(data.signedInAs)}
      ${data.requestId !== undefined && html`<p class="meta">Request id: <code>${data.requestId}</code></p>`}
      <p>
        <a href="${sitePaths.home}">Go to the home page</a>,
        <a href="${sitePaths.roles}">browse the roles</a> or search with the box above.
      </p>
      <p class="meta">Error ${data.status}</p>`,
  );
};
