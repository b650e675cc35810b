import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { StoreState } from './title-store.js';

/** Raised when the layout of a snapshot changes in a way the engine's code does not show. */
const SNAPSHOT_LAYOUT = 7;

let format: string | undefined;

/**
 * What a snapshot was made by: the layout number, the V8 that serialized it and a digest of the
 * engine's own code. Any change to how titles are read, tokenized or stored changes the digest,
 * so a snapshot written by another version of the engine is never loaded, and nobody has to
 * remember to raise a number when normalization changes.
 */
export const indexFormat = (): string => {
  if (format !== undefined) return format;
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(`${SNAPSHOT_LAYOUT} ${process.versions.v8}`);
  for (const file of readdirSync(dir).sort()) {
    if (!/\.[jt]s$/.test(file) || /\.(test|d)\.ts$/.test(file)) continue;
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  format = `${SNAPSHOT_LAYOUT}-${hash.digest('hex').slice(0, 32)}`;
  return format;
};

/*
 * V8 reads Maps and Sets one entry at a time, several times slower than plain arrays of numbers
 * and strings. A snapshot therefore holds a Map as its keys and values and a Set as its items;
 * loading turns them back. The walk is generic, so a field added to the store later is kept as
 * well. Many small lists are best not kept at all: the store keeps its titles' words in one
 * pool, and its fuzzy index its lists in KeyedLists, typed arrays V8 copies in one go.
 */
const MAP = '\u0000map';
const SET = '\u0000set';

const firstItem = (items: readonly unknown[]): unknown => {
  for (let i = 0; i < items.length; i++) if (items[i] !== undefined) return items[i];
  return undefined;
};

const isPlainValue = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || ArrayBuffer.isView(value);

const packArray = (items: readonly unknown[]): unknown => {
  const first = firstItem(items);
  return isPlainValue(first) ? items : items.map(pack);
};

const pack = (value: unknown): unknown => {
  if (isPlainValue(value)) return value;
  if (Array.isArray(value)) return packArray(value);
  if (value instanceof Map)
    return { [MAP]: packArray([...value.keys()]), values: packArray([...value.values()]) };
  if (value instanceof Set) return { [SET]: [...(value as Set<unknown>)] };
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, pack(v)]));
};

const typedArraySlice = (
  Object.getPrototypeOf(Int32Array.prototype) as {
    slice: (this: ArrayBufferView) => ArrayBufferView;
  }
).slice;

/**
 * A typed array's own copy. V8 hands back views into the snapshot's bytes, which the worker
 * threads share, and the store writes into some of its arrays while it answers.
 */
const ownCopy = (view: ArrayBufferView): ArrayBufferView =>
  view instanceof DataView
    ? new DataView(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength))
    : typedArraySlice.call(view);

/**
 * The items unpacked in place. Lists of numbers, most of what a store holds (postings, a Map's
 * values), are passed over without a call each.
 */
const unpackArray = (items: unknown[]): unknown[] => {
  const first = firstItem(items);
  if (typeof first !== 'object' || first === null) return items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (Array.isArray(item) && item.length > 0 && typeof item[0] === 'number') continue;
    items[i] = unpack(item);
  }
  return items;
};

const unpack = (value: unknown): unknown => {
  if (ArrayBuffer.isView(value)) return ownCopy(value);
  if (isPlainValue(value)) return value;
  if (Array.isArray(value)) return unpackArray(value);
  const packed = value as Record<string, unknown>;
  if (MAP in packed) {
    const keys = unpack(packed[MAP]) as unknown[];
    const values = unpack(packed.values) as unknown[];
    const map = new Map<unknown, unknown>();
    for (let i = 0; i < keys.length; i++) map.set(keys[i], values[i]);
    return map;
  }
  if (SET in packed) return new Set(packed[SET] as unknown[]);
  // In place, as the arrays: a new object per role record cost a load some 15 ms.
  for (const key of Object.keys(packed)) packed[key] = unpack(packed[key]);
  return packed;
};

/**
 * A store's state as bytes: a length-prefixed format string (see indexFormat), then the state
 * as V8 serializes it, which keeps Maps, typed arrays and shared buffers as they are.
 */
export const writeSnapshot = (state: StoreState): Uint8Array => {
  const head = Buffer.from(indexFormat());
  const body = serialize(pack(state));
  const bytes = Buffer.allocUnsafe(4 + head.length + body.length);
  bytes.writeUInt32LE(head.length, 0);
  head.copy(bytes, 4);
  body.copy(bytes, 4 + head.length);
  return bytes;
};

/** The state in a snapshot; undefined when another engine wrote it or the bytes are damaged. */
export const readSnapshot = (bytes: Uint8Array): StoreState | undefined => {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 4) return undefined;
  const headLength = view.readUInt32LE(0);
  if (4 + headLength > view.length) return undefined;
  if (view.toString('utf8', 4, 4 + headLength) !== indexFormat()) return undefined;
  try {
    const state = unpack(deserialize(view.subarray(4 + headLength)));
    return typeof state === 'object' && state !== null ? (state as StoreState) : undefined;
  } catch {
    return undefined;
  }
};
