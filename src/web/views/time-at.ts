import { html, type SafeHtml } from '../../guides/index.js';

/** Hours and minutes in UTC: the editors of one library may sit in different time zones. */
const readable = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** A stored time as a person reads it, in words; a value that is not a time as it is. */
export const readableTime = (iso: string): string => {
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? iso : `${readable.format(when)} UTC`;
};

/**
 * A stored time as a person reads it, the exact time kept for machines in `datetime`; a value
 * that is not a time is shown as it is.
 * @example timeAt('2026-03-04T09:05:00.000Z') // <time datetime="2026-03-04T09:05:00.000Z">4 Mar 2026, 09:05 UTC</time>
 */
export const timeAt = (iso: string): SafeHtml =>
  html`<time datetime="${iso}">${readableTime(iso)}</time>`;
