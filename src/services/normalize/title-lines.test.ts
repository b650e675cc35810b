import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, titleOfLine, type InputLine } from './title-lines.js';

const collect = async (chunks: (string | Buffer)[], maxLineBytes?: number) => {
  const lines: InputLine[] = [];
  const source = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  for await (const batch of readLines(source, maxLineBytes ? { maxLineBytes } : {}))
    lines.push(...batch);
  return lines;
};

describe('readLines', () => {
  it('splits lines across chunks and drops the carriage return of CRLF', async () => {
    expect(await collect(['Data Eng', 'ineer\r\nQA Lead\n', 'SRE'])).toEqual([
      { text: 'Data Engineer' },
      { text: 'QA Lead' },
      { text: 'SRE' },
    ]);
  });

  it('keeps blank lines in their place', async () => {
    expect(await collect(['a\n\nb\n'])).toEqual([{ text: 'a' }, { text: '' }, { text: 'b' }]);
  });

  it('drops a byte-order mark at the start of the stream only', async () => {
    expect(await collect(['\ufeffa\n\ufeffb\n'])).toEqual([{ text: 'a' }, { text: '\ufeffb' }]);
  });

  it('answers a line over the limit with its size and only its first bytes', async () => {
    const [line] = await collect(['x'.repeat(5_000), '\n'], 1_000);
    expect(line).toEqual({
      input: `${'x'.repeat(120)}…`,
      code: 'payload_too_large',
      problem: 'the line is 5000 bytes long; the limit is 1000',
    });
  });

  it('reads a quarter-gigabyte line with no newline without holding it', async () => {
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 4_096; i++) yield Buffer.alloc(64 * 1024, 0x61);
      })(),
    );
    const lines: InputLine[] = [];
    for await (const batch of readLines(source)) lines.push(...batch);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ code: 'payload_too_large' });
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(128 * 1024 * 1024);
  });

  it('reports a line that is not UTF-8 and reads on', async () => {
    const lines = await collect([Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'ok\n']);
    expect(lines).toEqual([
      { input: 'Caf\ufffd', code: 'bad_request', problem: 'the line is not valid UTF-8 text' },
      { text: 'ok' },
    ]);
  });
});

describe('titleOfLine', () => {
  it('reads an NDJSON line as a JSON string or an object with a title', () => {
    expect(titleOfLine({ text: '"QA Lead"' }, 'ndjson')).toBe('QA Lead');
    expect(titleOfLine({ text: '{"title": "QA Lead", "id": 7}' }, 'ndjson')).toBe('QA Lead');
  });

  it('reads a text line as the title itself', () => {
    expect(titleOfLine({ text: '"QA Lead"' }, 'text')).toBe('"QA Lead"');
  });

  it('refuses an NDJSON line whose object gives a field twice, rather than reading the last', () => {
    expect(titleOfLine({ text: '{"title": "qa", "title": "cto"}' }, 'ndjson')).toMatchObject({
      code: 'bad_request',
      problem: 'the line gives the field "title" twice in one object; give it once',
    });
  });

  it('refuses an NDJSON line with a __proto__ field', () => {
    expect(titleOfLine({ text: '{"__proto__": {}, "title": "qa"}' }, 'ndjson')).toMatchObject({
      code: 'bad_request',
      problem: 'the line has a field named __proto__ or constructor, which no request accepts',
    });
  });

  it('refuses an NDJSON line with a constructor field that holds a prototype', () => {
    const text = '{"title": "qa", "constructor": {"prototype": {"polluted": true}}}';
    expect(titleOfLine({ text }, 'ndjson')).toMatchObject({
      code: 'bad_request',
      problem: 'the line has a field named __proto__ or constructor, which no request accepts',
    });
  });

  it('reads an NDJSON line whose constructor field holds no prototype', () => {
    expect(titleOfLine({ text: '{"title": "qa", "constructor": "x"}' }, 'ndjson')).toBe('qa');
  });

  it('refuses an NDJSON line nested deeper than a JSON body may be', () => {
    const text = `${'['.repeat(33)}"qa"${']'.repeat(33)}`;
    expect(titleOfLine({ text }, 'ndjson')).toMatchObject({ code: 'bad_request' });
  });

  it('names why an NDJSON line holds no title', () => {
    expect(titleOfLine({ text: 'QA Lead' }, 'ndjson')).toMatchObject({ code: 'bad_request' });
    expect(titleOfLine({ text: '{"title": 7}' }, 'ndjson')).toMatchObject({ code: 'bad_request' });
    expect(titleOfLine({ text: ' ' }, 'ndjson')).toMatchObject({ code: 'validation_failed' });
  });
});
