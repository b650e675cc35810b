import { BUILT_IN_TAXONOMY } from '../domain/index.js';

/**
 * Path of a role's guide page. The built-in taxonomy is left out; codes are encoded, since
 * imported codes can be URIs (ESCO) or contain dots (O*NET).
 * @example rolePath('rolebook', 'backend-developer') === '/roles/backend-developer'
 * @example rolePath('onet', '15-1252.00') === '/roles/onet/15-1252.00'
 */
export const rolePath = (taxonomy: string, code: string): string =>
  taxonomy === BUILT_IN_TAXONOMY
    ? `/roles/${encodeURIComponent(code)}`
    : `/roles/${encodeURIComponent(taxonomy)}/${encodeURIComponent(code)}`;

/**
 * Path of a glossary term's page.
 * @example termPath('api') === '/terms/api'
 */
export const termPath = (slug: string): string => `/terms/${encodeURIComponent(slug)}`;

/**
 * An absolute URL when a base is given (`https://rolebook.example`), the path alone otherwise.
 * @example absoluteUrl('https://x.test/', '/terms/api') === 'https://x.test/terms/api'
 */
export const absoluteUrl = (baseUrl: string, path: string): string =>
  baseUrl.replace(/\/+$/, '') + path;
