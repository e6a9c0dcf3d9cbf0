// MediaRecorder writes WebM as it goes, so it never knows the length when it writes the header: the
// file has no Duration, and a player shows "0:00 / ∞" and cannot seek until it has read to the end.
// Once recording stops, the length is known; these functions write it into the header's Info element
// (the Matroska spec, RFC 9559, §5.1.2.2). Nothing is decoded or re-encoded: the audio is untouched.

const EBML_HEADER = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const TIMESTAMP_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
/** Matroska's default: timestamps count milliseconds (1,000,000 ns). */
const DEFAULT_TIMESTAMP_SCALE = 1_000_000;

interface Element {
  id: number;
  /** Where the element's data starts, and its length; null for an "unknown size" (streamed) element. */
  dataStart: number;
  size: number | null;
  /** How many bytes its size field takes. */
  sizeWidth: number;
}

/** The variable-length integer at `at`: its width in bytes (1 to 8) and value, marker bit removed. */
function readVint(bytes: Uint8Array, at: number): { width: number; value: number; allOnes: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const width = Math.clz32(first) - 23;
  if (at + width > bytes.length) return null;
  let value = first & (0xff >> width);
  let allOnes = value === 0xff >> width;
  for (let i = 1; i < width; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { width, value, allOnes };
}

/** The element that starts at `at`, or null when the bytes there are not one. */
function readElement(bytes: Uint8Array, at: number): Element | null {
  const id = readVint(bytes, at);
  if (!id) return null;
  // An element's id keeps its marker bit: read the raw bytes.
  let idValue = 0;
  for (let i = 0; i < id.width; i++) idValue = idValue * 256 + bytes[at + i]!;
  const size = readVint(bytes, at + id.width);
  if (!size) return null;
  return { id: idValue, dataStart: at + id.width + size.width, size: size.allOnes ? null : size.value, sizeWidth: size.width };
}

/** `value` as an EBML size field of exactly `width` bytes, or null when it does not fit. */
function encodeSize(value: number, width: number): Uint8Array | null {
  // All ones is reserved for "unknown size".
  if (value >= 2 ** (7 * width) - 1) return null;
  const out = new Uint8Array(width);
  let rest = value;
  for (let i = width - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (width - 1);
  return out;
}

/** An unsigned integer element's value. */
function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = 0; i < (element.size ?? 0); i++) value = value * 256 + bytes[element.dataStart + i]!;
  return value;
}

/** The children of a sized element, or null when one of them cannot be read. */
function childrenOf(bytes: Uint8Array, parent: Element): Element[] | null {
  const end = parent.dataStart + parent.size!;
  const children: Element[] = [];
  for (let at = parent.dataStart; at < end; ) {
    const child = readElement(bytes, at);
    if (!child || child.size === null || child.dataStart + child.size > end) return null;
    children.push(child);
    at = child.dataStart + child.size;
  }
  return children;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Where a WebM file's Segment and its Info element are, or null when the bytes are not WebM laid out as expected. */
function locateInfo(bytes: Uint8Array): { segment: Element; info: Element; seekHead: boolean } | null {
  const header = readElement(bytes, 0);
  if (!header || header.id !== EBML_HEADER || header.size === null) return null;
  const segment = readElement(bytes, header.dataStart + header.size);
  if (!segment || segment.id !== SEGMENT) return null;
  const segmentEnd = segment.size === null ? bytes.length : segment.dataStart + segment.size;
  let seekHead = false;
  for (let at = segment.dataStart; at < segmentEnd; ) {
    const child = readElement(bytes, at);
    // The Info comes before the first Cluster; a streamed (unknown size) element before it cannot be stepped over.
    if (!child || child.id === CLUSTER || child.size === null) return null;
    if (child.id === INFO) return { segment, info: child, seekHead };
    seekHead ||= child.id === SEEK_HEAD;
    at = child.dataStart + child.size;
  }
  return null;
}

/** The timestamp scale (nanoseconds per tick) among Info's fields. */
function timestampScale(bytes: Uint8Array, fields: readonly Element[]): number {
  const field = fields.find((f) => f.id === TIMESTAMP_SCALE);
  return field ? readUint(bytes, field) : DEFAULT_TIMESTAMP_SCALE;
}

/**
 * The WebM file with its length written into its header, so players show it and can seek. Returns
 * the bytes unchanged when they already state a length, are not WebM, or are laid out in a way this
 * cannot change safely (a SeekHead, whose byte offsets an insertion would break).
 *
 * @example
 * const playable = withWebmDuration(new Uint8Array(await blob.arrayBuffer()), 93.4);
 */
export function withWebmDuration(bytes: Uint8Array, seconds: number): Uint8Array {
  if (!(seconds > 0) || !Number.isFinite(seconds)) return bytes;
  const found = locateInfo(bytes);
  if (!found || found.seekHead) return bytes;
  const { segment, info } = found;
  const fields = childrenOf(bytes, info);
  if (!fields || fields.some((field) => field.id === DURATION)) return bytes;
  const scale = timestampScale(bytes, fields);
  if (scale <= 0) return bytes;
  // Duration (0x4489), eight bytes of big-endian float, in ticks of the timestamp scale.
  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, (seconds * 1e9) / scale);
  const infoSize = encodeSize(info.size! + duration.length, info.sizeWidth) ?? encodeSize(info.size! + duration.length, 8)!;
  const grown = duration.length + infoSize.length - info.sizeWidth;
  // A streamed Segment has no size to change; a sized one grows with its Info.
  let segmentSize = bytes.subarray(segment.dataStart - segment.sizeWidth, segment.dataStart);
  if (segment.size !== null) {
    const resized = encodeSize(segment.size + grown, segment.sizeWidth);
    if (!resized) return bytes;
    segmentSize = resized;
  }
  const infoEnd = info.dataStart + info.size!;
  return concat([
    bytes.subarray(0, segment.dataStart - segment.sizeWidth),
    segmentSize,
    bytes.subarray(segment.dataStart, info.dataStart - info.sizeWidth),
    infoSize,
    bytes.subarray(info.dataStart, infoEnd),
    duration,
    bytes.subarray(infoEnd),
  ]);
}

/** The Duration a WebM file's header states, in seconds, or null when it states none. */
export function webmDuration(bytes: Uint8Array): number | null {
  const found = locateInfo(bytes);
  const fields = found ? childrenOf(bytes, found.info) : null;
  const field = fields?.find((f) => f.id === DURATION);
  if (!fields || !field || (field.size !== 4 && field.size !== 8)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + field.dataStart, field.size);
  const ticks = field.size === 4 ? view.getFloat32(0) : view.getFloat64(0);
  return (ticks * timestampScale(bytes, fields)) / 1e9;
}
