import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { withStatementCache } from './statement-cache.js';

/** An in-memory database with three rows, counting the statements it prepares. */
const counted = () => {
  const database = new BetterSqlite3(':memory:');
  database.exec('create table t (n integer); insert into t values (1), (2), (3)');
  let prepared = 0;
  const prepare = database.prepare.bind(database);
  database.prepare = (sql: string) => {
    prepared++;
    return prepare(sql);
  };
  const cached = withStatementCache(database);
  onTestFinished(() => cached.close());
  return { cached, prepared: () => prepared };
};

describe('withStatementCache', () => {
  it('prepares a query it has run before only once', () => {
    const { cached, prepared } = counted();
    for (let i = 0; i < 3; i++)
      expect(cached.prepare('select n from t where n > ?').all([i])).toHaveLength(3 - i);
    expect(prepared()).toBe(1);
  });

  it('runs a query again while the same query is still being read', () => {
    const { cached } = counted();
    const sql = 'select n from t order by n';
    const pairs: number[][] = [];
    for (const row of cached.prepare(sql).iterate([]) as Iterable<{ n: number }>) {
      pairs.push([row.n, cached.prepare(sql).all([]).length]);
    }
    expect(pairs).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('lets the least recently used statements go past its bound', () => {
    const { cached, prepared } = counted();
    const query = (i: number) => `select n + ${i} from t`;
    cached.prepare(query(0));
    for (let i = 1; i <= 600; i++) cached.prepare(query(i));
    cached.prepare(query(600));
    expect(prepared()).toBe(601);
    cached.prepare(query(0));
    expect(prepared()).toBe(602);
  });
});
