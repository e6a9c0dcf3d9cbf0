import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StarlError } from '../core/errors.js';
import { openTextStream, readFileBytes, readTextFile, readTextStream } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'starl-files-'));
const TEXT = 'Café, naïve — “quoted” 🙂\nsecond line\n';
const ANSWER = { what: 'answer file', limit: 1024 * 1024 };

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** UTF-16 big-endian bytes, which Node cannot write directly. */
function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StarlError);
  return (error as StarlError).describe();
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('readTextFile', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['UTF-16 LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16 BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
  ])('reads %s', async (name, bytes) => {
    expect(await readTextFile(write(`${name}.txt`, bytes), ANSWER)).toBe(TEXT);
  });

  it('refuses a directory by name, not with EISDIR', async () => {
    expect(await refusal(readTextFile(dir, ANSWER))).toBe(`${dir}: cannot read the answer file: it is a directory [E_INPUT_FILE]`);
  });

  it('names a missing file', async () => {
    const file = join(dir, 'missing.txt');
    expect(await refusal(readTextFile(file, ANSWER))).toBe(`${file}: cannot read the answer file: no such file [E_INPUT_FILE]`);
  });

  it('calls a binary file binary', async () => {
    const file = write('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(await refusal(readTextFile(file, ANSWER))).toBe(`${file}:3: the answer file is a binary file, not text [E_INPUT_BINARY]`);
  });

  it('says when UTF-16 has lost its byte order mark', async () => {
    const file = write('no-bom.txt', Buffer.from('Hello there, how are you?', 'utf16le'));
    expect(await refusal(readTextFile(file, ANSWER))).toMatch(/UTF-16 without a byte order mark.*\[E_INPUT_BINARY\]$/);
  });

  it('refuses bytes that are not UTF-8 with their line', async () => {
    const file = write('latin1.txt', Buffer.from('first line\nna\xefve\n', 'latin1'));
    expect(await refusal(readTextFile(file, ANSWER))).toBe(`${file}:2: the answer file is not valid UTF-8 (save it as UTF-8 or UTF-16) [E_INPUT_NOT_UTF8]`);
  });

  it('refuses a file over the limit, saying its size', async () => {
    const file = write('big.txt', 'x'.repeat(3000));
    expect(await refusal(readTextFile(file, { what: 'story file', limit: 2048 }))).toBe(`${file}: the story file is 2.9 KB; the limit is 2 KB [E_INPUT_TOO_LONG]`);
  });
});

describe.skipIf(!existsSync('/dev/zero'))('reading endless files', () => {
  it.each(['/dev/zero', '/dev/urandom'])('stops %s at the limit with a size error', async (device) => {
    expect(await refusal(readFileBytes(device, { what: 'context file', limit: 1024 * 1024 }))).toBe(
      `${device}: the context file is more than 1 MB; the limit is 1 MB [E_INPUT_TOO_LONG]`,
    );
  });

  it('refuses /dev/zero as a stream of lines at its first chunk, as binary', async () => {
    expect(await refusal(openTextStream('/dev/zero', 'JSONL file'))).toBe('/dev/zero: the JSONL file is a binary file, not text [E_INPUT_BINARY]');
  });
});

describe('readTextStream', () => {
  it('reads standard input in any of the encodings a file may have', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(await readTextStream(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), ANSWER)).toBe(TEXT);
  });

  it('stops a stream once it passes the limit', async () => {
    const endless = Readable.from((function* () {
      for (;;) yield Buffer.alloc(1000, 0x61);
    })());
    expect(await refusal(readTextStream(endless, { what: 'posting', limit: 4096 }))).toBe('<stdin>: the posting is more than 4 KB; the limit is 4 KB [E_INPUT_TOO_LONG]');
  });
});

describe('openTextStream', () => {
  it('turns UTF-16 into UTF-8 and drops a UTF-8 byte order mark, across chunks', async () => {
    const long = `${'line of text ✓\n'.repeat(10_000)}`;
    const le = write('lines16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(long, 'utf16le')]));
    const be = write('lines16be.jsonl', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(long)]));
    const bom = write('lines8.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(long)]));
    for (const file of [le, be, bom]) expect(await collect((await openTextStream(file, 'JSONL file')).chunks)).toBe(long);
  });

  it('gives the size of a regular file, for the progress bar', async () => {
    expect((await openTextStream(write('sized.jsonl', '{}\n'), 'JSONL file')).size).toBe(3);
  });

  it('refuses a directory', async () => {
    expect(await refusal(openTextStream(dir, 'JSONL file'))).toBe(`${dir}: cannot read the JSONL file: it is a directory [E_INPUT_FILE]`);
  });
});
