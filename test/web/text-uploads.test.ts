import { describe, expect, it } from 'vitest';
import { serverForTests } from '../support/server.js';
import { storeTargets } from '../support/stores.js';

// Reading an uploaded file's text does not depend on the store: this runs on the embedded one.
const sqlite = storeTargets[0]!;

const posting = [
  'Senior Data Engineer – Zürich',
  '',
  'You will build pipelines in Python and SQL with the platform team.',
  '',
].join('\n');

describe('a text file uploaded to /analyze', () => {
  const { server } = serverForTests(sqlite);

  const analyzed = async (bytes: Buffer, filename = 'posting.txt') => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), filename);
    const response = await server.request('/analyze', { method: 'POST', body: form });
    return { status: response.status, page: await response.text() };
  };

  it('reads UTF-16 with its byte-order mark as the same text in UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(posting, 'utf16le')]);
    const [fromUtf16, fromUtf8] = await Promise.all([
      analyzed(utf16),
      analyzed(Buffer.from(posting)),
    ]);
    expect(fromUtf16.status).toBe(200);
    expect(fromUtf16.page).toContain('Zürich');
    expect(fromUtf16.page).toBe(fromUtf8.page);
  });

  it('reads big-endian UTF-16 with its byte-order mark too', async () => {
    const littleEndian = Buffer.from(posting, 'utf16le');
    const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), littleEndian.swap16()]);
    const [fromUtf16, fromUtf8] = await Promise.all([
      analyzed(bigEndian),
      analyzed(Buffer.from(posting)),
    ]);
    expect(fromUtf16.status).toBe(200);
    expect(fromUtf16.page).toBe(fromUtf8.page);
  });

  it('refuses bytes that are neither UTF-8 nor marked UTF-16, naming the file', async () => {
    const { status, page } = await analyzed(Buffer.from([0x41, 0xff, 0x42]), 'latin.txt');
    expect(status).toBe(400);
    expect(page).toContain('latin.txt is not UTF-8 text, nor UTF-16 with its byte-order mark');
  });
});
