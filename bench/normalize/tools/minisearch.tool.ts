import MiniSearch from 'minisearch';
import { distinctCodes, type BenchTool } from './tool.js';

export const miniSearchTool = (): BenchTool => {
  let search = new MiniSearch<{ id: number; title: string; code: string }>({ fields: ['title'] });
  let codes: string[] = [];
  return {
    name: 'MiniSearch (fuzzy 0.2 + prefix)',
    build({ rows }) {
      search = new MiniSearch({ fields: ['title'], storeFields: [] });
      codes = rows.map((r) => r.code);
      search.addAll(rows.map((r, id) => ({ id, title: r.title, code: r.code })));
      return Promise.resolve();
    },
    query(title, top) {
      const hits = search.search(title, { fuzzy: 0.2, prefix: true });
      return distinctCodes(
        hits.map((h) => codes[h.id as number] as string),
        top,
      );
    },
    close: () => Promise.resolve(),
  };
};
