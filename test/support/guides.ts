import type { RoleContent } from '../../src/domain/index.js';

/**
 * The sections of a whole guide of the built-in taxonomy, over the fixture library (its
 * glossary, its roles, the library's link style), as an editor would fill them: published with
 * a name and a summary, the role is one lint passes, so a test publishes what the product would.
 */
export const guideSections = (name: string) =>
  ({
    alternativeTitles: [`${name} Specialist`],
    responsibilities: ['Keeps the work of the role moving.'],
    benefits: [{ title: 'Focus', text: 'Someone owns the work.' }],
    signs: [{ title: 'Stalled work', text: 'Nobody picks the work up.' }],
    terms: ['api'],
    skills: [{ name: 'API design' }],
    technologies: [{ name: 'OpenAPI', category: 'Standard' }],
    relatedRoles: [{ taxonomy: 'rolebook', code: 'api-builder' }],
    links: [
      {
        title: 'RFC Editor – RFC 9110, HTTP Semantics',
        url: 'https://www.rfc-editor.org/rfc/rfc9110',
      },
    ],
  }) satisfies Partial<RoleContent>;
