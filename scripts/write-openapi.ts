import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiDocument } from '../test/support/openapi.js';

/**
 * Writes the OpenAPI document the server serves to docs/openapi.json, so a change to the API
 * shows in review as a diff of it. The suite fails while the two differ.
 */
const target = join(import.meta.dirname, '..', 'docs', 'openapi.json');
await writeFile(target, `${JSON.stringify(await apiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
