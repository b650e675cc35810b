/** The array itself if it holds `size` items, else a copy at least twice as long. */
export const growInt = (array: Int32Array, size: number): Int32Array => {
  if (array.length >= size) return array;
  const grown = new Int32Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
};

/** The array itself if it holds `size` items, else a copy at least twice as long. */
export const growFloat = (array: Float64Array, size: number): Float64Array => {
  if (array.length >= size) return array;
  const grown = new Float64Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
};

/** The array itself if it holds `size` items, else a copy at least twice as long. */
export const growBytes = (array: Uint8Array, size: number): Uint8Array => {
  if (array.length >= size) return array;
  const grown = new Uint8Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
};
