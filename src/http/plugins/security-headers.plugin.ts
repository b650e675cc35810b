/**
 * The pages run no script and load nothing from elsewhere: styles come from our own
 * stylesheet, forms post back to us, and nobody may frame us. The JSON-LD block needs no
 * allowance: a script element of a data type is never executed, so `script-src 'none'` (from
 * `default-src`) leaves it readable to crawlers.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the site carries. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};
