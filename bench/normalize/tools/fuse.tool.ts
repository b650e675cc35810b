import Fuse from 'fuse.js';
import { distinctCodes, type BenchTool } from './tool.js';
import type { TitleRow } from '../onet-titles.js';

export const fuseTool = (sample: number): BenchTool => {
  let fuse = new Fuse<TitleRow>([], { keys: ['title'] });
  return {
    name: 'Fuse.js (defaults)',
    sample,
    build({ rows }) {
      fuse = new Fuse(rows, { keys: ['title'] });
      return Promise.resolve();
    },
    query(title, top) {
      return distinctCodes(
        fuse.search(title, { limit: top * 5 }).map((r) => r.item.code),
        top,
      );
    },
    close: () => Promise.resolve(),
  };
};
