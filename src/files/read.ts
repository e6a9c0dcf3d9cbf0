import type { Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { StarlError } from '../core/errors.js';
import { binaryError, decodeText, detectEncoding, type TextEncoding } from './decode.js';
import { tooLargeError } from './size.js';

/** What a file holds, for messages ("answer file", "transcript"), and how many bytes of it may be read. */
export interface ReadLimit {
  what: string;
  limit: number;
}

/** Bytes read at a time: small enough that a file over its limit is stopped within one chunk of it. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a whole file, but never more than `limit` bytes: the bound is the bytes actually read, not the
 * size the file claims, so `/dev/zero`, `/dev/urandom` or a growing file fail at once instead of
 * filling memory. A directory, a missing file or one that cannot be opened is named with its reason.
 *
 * @throws StarlError `E_INPUT_FILE` (cannot be read) or `E_INPUT_TOO_LONG` (over `limit`), naming the file.
 */
export async function readFileBytes(file: string, { what, limit }: ReadLimit): Promise<Uint8Array> {
  const { handle, info } = await openFile(file, what);
  try {
    const { chunks, total } = await readChunks(handle, limit + 1, file, what);
    // A regular file's size is known, and saying it helps; a device or a pipe has none to say.
    if (total > limit) throw tooLargeError(what, info.isFile() && info.size > limit ? info.size : null, limit, { file });
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a text file as {@link readFileBytes} does and decodes it as {@link decodeText} does: UTF-8 with
 * or without a byte order mark, or UTF-16 LE/BE with one; a binary file is called binary.
 *
 * @example await readTextFile('answer.txt', { what: 'answer file', limit: 1024 * 1024 })
 */
export async function readTextFile(file: string, limit: ReadLimit): Promise<string> {
  return decodeText(await readFileBytes(file, limit), { what: limit.what, file }).text;
}

/**
 * Reads a stream (standard input) to its end as text, decoded as {@link decodeText} does, refusing it
 * once more than `limit` bytes have arrived. `file` names the stream in errors.
 */
export async function readTextStream(stream: AsyncIterable<Buffer | string>, { what, limit }: ReadLimit, file = '<stdin>'): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) throw tooLargeError(what, null, limit, { file });
    chunks.push(buffer);
  }
  return decodeText(Buffer.concat(chunks), { what, file }).text;
}

/**
 * Opens a file of lines that may be any length (a JSONL batch) as a stream of UTF-8 bytes. The first
 * chunk is checked before anything is returned: a directory or a binary file (`/dev/zero`) is refused
 * at once, a UTF-8 byte order mark is dropped, and UTF-16 with its mark is turned into UTF-8. `size` is
 * the file's size when it is a regular file, for a progress bar.
 */
export async function openTextStream(file: string, what: string): Promise<{ chunks: AsyncIterable<Buffer>; size: number | null }> {
  const { handle, info } = await openFile(file, what);
  try {
    const first = await readUpTo(handle, CHUNK_BYTES, file, what);
    const encoding = detectEncoding(first);
    if (encoding === 'utf-8' && first.includes(0)) throw binaryError(first, { what, file });
    const body = first.subarray(encoding === 'utf-8' ? 0 : encoding === 'utf-8-bom' ? 3 : 2);
    return { chunks: streamFrom(handle, body, encoding, file, what), size: info.isFile() ? info.size : null };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function* streamFrom(handle: FileHandle, first: Buffer, encoding: TextEncoding, file: string, what: string): AsyncGenerator<Buffer> {
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be' ? new TextDecoder(encoding) : null;
  try {
    let chunk = first;
    do {
      if (chunk.length > 0) yield utf16 ? Buffer.from(utf16.decode(chunk, { stream: true }), 'utf8') : chunk;
      chunk = await readUpTo(handle, CHUNK_BYTES, file, what);
    } while (chunk.length > 0);
    const rest = utf16?.decode() ?? '';
    if (rest) yield Buffer.from(rest, 'utf8');
  } finally {
    await handle.close();
  }
}

async function openFile(file: string, what: string): Promise<{ handle: FileHandle; info: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new StarlError('E_INPUT_FILE', `cannot read the ${what}: ${describeFsError(error)}`, { file });
  }
  // Opening a directory for reading succeeds on Linux; reading it would then fail with EISDIR.
  const info = await handle.stat();
  if (info.isDirectory()) {
    await handle.close();
    throw new StarlError('E_INPUT_FILE', `cannot read the ${what}: it is a directory`, { file });
  }
  return { handle, info };
}

/**
 * Reads until `max` bytes or the end of the file, whichever comes first, as chunks: joining them is
 * left to the caller, so a file over its limit is refused without a second copy of what was read.
 */
async function readChunks(handle: FileHandle, max: number, file: string, what: string): Promise<{ chunks: Buffer[]; total: number }> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, max - total));
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
    } catch (error) {
      throw new StarlError('E_INPUT_FILE', `cannot read the ${what}: ${describeFsError(error)}`, { file });
    }
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  return { chunks, total };
}

async function readUpTo(handle: FileHandle, max: number, file: string, what: string): Promise<Buffer> {
  return Buffer.concat((await readChunks(handle, max, file, what)).chunks);
}

/** Why a file operation failed, in words, for the common reasons; the system's message otherwise. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return error instanceof Error ? error.message : String(error);
}
