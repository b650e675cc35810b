import { describe, expect, it } from 'vitest';
import { wordDocumentOfBody } from '../../src/importers/docx/word-document.fixture.js';
import { serverForTests } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

// Reading a Word document does not depend on the store: this runs on the embedded one.
const sqlite = storeTargets[0]!;

describe('a Word document uploaded to /analyze', () => {
  const { server } = serverForTests(sqlite, { analysisThread: true });

  it('keeps health checks answered promptly for as long as it is read', async () => {
    // 98,000 empty paragraphs, just under the 100,000 XML tags a document may hold: about the
    // longest read a document may ask for, seconds of it.
    const document = await wordDocumentOfBody('<w:p/>'.repeat(98_000));
    const form = new FormData();
    form.append('file', new Blob([document]), 'posting.docx');
    const started = performance.now();
    let uploading = true;
    const upload = server
      .request('/analyze', { method: 'POST', headers: { accept: 'application/json' }, body: form })
      .then((response) => response.arrayBuffer())
      .finally(() => (uploading = false));
    const waits: number[] = [];
    while (uploading) {
      const sent = performance.now();
      expect((await server.request('/healthz')).status).toBe(200);
      waits.push(performance.now() - sent);
    }
    await upload;
    const uploadMs = performance.now() - started;
    expect(Math.max(...waits)).toBeLessThan(uploadMs / 4);
  });
});
