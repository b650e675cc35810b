import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { distinctCodes, type BenchTool } from './tool.js';

const SCRIPT = join(import.meta.dirname, 'char-tfidf.py');
const INSTALL_HINT =
  'needs a python3 with scikit-learn: apt-get install python3-sklearn (then --python /usr/bin/python3)';

/** One request and one answer at a time over the Python process's stdin and stdout. */
const lineChannel = (child: ChildProcessWithoutNullStreams) => {
  const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;
  let stderr = '';
  const fail = (error: Error): void => {
    failure ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(line));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('error', (error) => fail(new Error(`${error.message}; ${INSTALL_HINT}`)));
  // A write to a process that has already died fails here; its exit says why.
  child.stdin.on('error', () => undefined);
  child.on('close', (code) => {
    const last = stderr.trim().split('\n').at(-1) ?? '';
    fail(
      new Error(`${child.spawnfile} exited with ${code ?? 'a signal'} (${last}); ${INSTALL_HINT}`),
    );
  });
  return (request: unknown): Promise<string> =>
    new Promise((resolve, reject) => {
      if (failure !== undefined) return reject(failure);
      waiting.push({ resolve, reject });
      child.stdin.write(`${JSON.stringify(request)}\n`);
    });
};

/**
 * scikit-learn's TfidfVectorizer over character n-grams within words, cosine nearest titles: what
 * a data team would reach for first. Each query is a round trip to the Python process, so its
 * time includes the pipe, as pg_trgm's includes the socket.
 */
export const charTfidfTool = (python: string, ngram: readonly [number, number]): BenchTool => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let ask: ((request: unknown) => Promise<string>) | undefined;
  let codes: string[] = [];
  return {
    name: `TF-IDF char_wb ${ngram[0]}–${ngram[1]} (scikit-learn)`,
    async build({ rows }) {
      child = spawn(python, [SCRIPT]);
      ask = lineChannel(child);
      codes = rows.map((r) => r.code);
      const ready = await ask({ ngram, titles: rows.map((r) => r.title) });
      if (ready !== 'ready') throw new Error(`unexpected answer from ${SCRIPT}: ${ready}`);
    },
    async query(title, top) {
      if (ask === undefined) return [];
      const hits = JSON.parse(await ask({ title, top: top * 5 })) as number[];
      return distinctCodes(
        hits.map((i) => codes[i] as string),
        top,
      );
    },
    close() {
      child?.stdin.end();
      return Promise.resolve();
    },
  };
};
