/**
 * Bytes that pass for a WebM recording of `size` bytes: the EBML signature, then filler that differs
 * from byte to byte, so a round trip that shifts, truncates or re-encodes them is caught.
 */
export function fakeWebm(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.set([0x1a, 0x45, 0xdf, 0xa3].slice(0, size));
  return bytes;
}
