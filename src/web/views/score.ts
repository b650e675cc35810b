import { html, type SafeHtml } from '../../guides/index.js';

/** A 0-1 score as a whole percentage. */
export const percent = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * 100);

/** A score as a meter with its percentage written beside it. */
export const scoreCell = (score: number): SafeHtml =>
  html`<meter min="0" max="1" value="${Math.min(1, Math.max(0, score))}">${percent(score)}%</meter>
    ${percent(score)}%`;
