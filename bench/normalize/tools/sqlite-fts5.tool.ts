import Database from 'better-sqlite3';
import { distinctCodes, plainWords, type BenchTool } from './tool.js';

export const sqliteFts5Tool = (): BenchTool => {
  const db = new Database(':memory:');
  let search: Database.Statement<[string, number], { code: string }> | undefined;
  return {
    name: 'SQLite FTS5 bm25',
    build({ rows }) {
      db.exec(
        "CREATE VIRTUAL TABLE titles USING fts5(title, code UNINDEXED, tokenize = 'porter unicode61')",
      );
      const insert = db.prepare('INSERT INTO titles (title, code) VALUES (?, ?)');
      db.transaction(() => {
        for (const row of rows) insert.run(row.title, row.code);
      })();
      search = db.prepare(
        'SELECT code FROM titles WHERE titles MATCH ? ORDER BY bm25(titles) LIMIT ?',
      );
      return Promise.resolve();
    },
    query(title, top) {
      const words = plainWords(title);
      if (words.length === 0 || search === undefined) return [];
      const match = words.map((w) => `"${w}"`).join(' OR ');
      return distinctCodes(
        search.all(match, top * 5).map((r) => r.code),
        top,
      );
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
};
