import { describe, expect, it } from 'vitest';
import { StarlError } from '../core/errors.js';
import { MAX_RECORDING_BYTES, checkRecording, sniffRecordingType, webmDuration, withWebmDuration } from './index.js';

/** An EBML element: its id bytes, a size field of `sizeWidth` bytes (or unknown), and its data. */
function element(id: number[], data: Uint8Array | number[], sizeWidth = 1, unknownSize = false): Uint8Array {
  const body = Uint8Array.from(data);
  const size = new Uint8Array(sizeWidth);
  if (unknownSize) {
    size.fill(0xff);
    size[0] = 0xff >> (sizeWidth - 1);
  } else {
    let rest = body.length;
    for (let i = sizeWidth - 1; i >= 0; i--) {
      size[i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    size[0]! |= 0x80 >> (sizeWidth - 1);
  }
  return Uint8Array.from([...id, ...size, ...body]);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const EBML_HEADER = element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], ascii('webm')));
const TIMESTAMP_SCALE = element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40]);
const MUXING_APP = element([0x4d, 0x80], ascii('Chrome'));
const TRACKS = element([0x16, 0x54, 0xae, 0x6b], element([0xae], [0xd7, 0x81, 0x01]));
const CLUSTER = element([0x1f, 0x43, 0xb6, 0x75], [0xe7, 0x81, 0x00, 0xa3, 0x84, 0x81, 0x00, 0x00, 0x80], 8, true);

/** A WebM file laid out the way Chromium's MediaRecorder writes one: a streamed Segment, its Info without a Duration. */
function recorded(info: Uint8Array[] = [TIMESTAMP_SCALE, MUXING_APP], options: { sizedSegment?: boolean; before?: Uint8Array[] } = {}): Uint8Array {
  const children = [...(options.before ?? []), element([0x15, 0x49, 0xa9, 0x66], info.flatMap((part) => [...part]), 8), TRACKS, CLUSTER];
  const content = children.flatMap((part) => [...part]);
  const segment = element([0x18, 0x53, 0x80, 0x67], content, 8, !options.sizedSegment);
  return Uint8Array.from([...EBML_HEADER, ...segment]);
}

describe('writing the length into a recorded WebM file', () => {
  it('adds the Duration to the Info of a streamed recording and leaves the audio untouched', () => {
    const original = recorded();
    expect(webmDuration(original)).toBeNull();
    const fixed = withWebmDuration(original, 93.4);
    expect(webmDuration(fixed)).toBeCloseTo(93.4, 9);
    expect(fixed.length).toBe(original.length + 11);
    // Everything after the Info (the tracks and the audio clusters) is byte for byte the same.
    expect(fixed.subarray(fixed.length - TRACKS.length - CLUSTER.length)).toEqual(original.subarray(original.length - TRACKS.length - CLUSTER.length));
  });

  it('counts the Duration in the file\'s own timestamp scale', () => {
    const microseconds = element([0x2a, 0xd7, 0xb1], [0x03, 0xe8]);
    const fixed = withWebmDuration(recorded([microseconds, MUXING_APP]), 2.5);
    const at = fixed.findIndex((byte, i) => byte === 0x44 && fixed[i + 1] === 0x89);
    // 2.5 s in ticks of 1,000 ns.
    expect(new DataView(fixed.buffer, at + 3, 8).getFloat64(0)).toBe(2_500_000);
    expect(webmDuration(fixed)).toBeCloseTo(2.5, 9);
  });

  it('grows a Segment of known size with its Info', () => {
    const original = recorded(undefined, { sizedSegment: true });
    const fixed = withWebmDuration(original, 12);
    expect(webmDuration(fixed)).toBeCloseTo(12, 9);
    const sizeAt = EBML_HEADER.length + 4;
    const sizeOf = (bytes: Uint8Array) => Number(new DataView(bytes.buffer, bytes.byteOffset + sizeAt, 8).getBigUint64(0) & 0x00ff_ffff_ffff_ffffn);
    expect(sizeOf(fixed)).toBe(sizeOf(original) + 11);
  });

  it('leaves alone a file that states its length, has a SeekHead, is not WebM, or is given no length', () => {
    const stated = recorded([TIMESTAMP_SCALE, element([0x44, 0x89], [0x40, 0x59, 0, 0, 0, 0, 0, 0])]);
    expect(webmDuration(stated)).toBeCloseTo(0.1, 9);
    expect(withWebmDuration(stated, 50)).toBe(stated);
    const withSeekHead = recorded(undefined, { before: [element([0x11, 0x4d, 0x9b, 0x74], [0xec, 0x80])] });
    expect(withWebmDuration(withSeekHead, 5)).toBe(withSeekHead);
    const ogg = Uint8Array.from(ascii('OggS\u0000\u0002 and more'));
    expect(withWebmDuration(ogg, 5)).toBe(ogg);
    expect(withWebmDuration(recorded(), 0)).toEqual(recorded());
    expect(withWebmDuration(recorded(), Number.POSITIVE_INFINITY)).toEqual(recorded());
  });

  it('never throws on a truncated file', () => {
    const whole = recorded();
    for (let cut = 0; cut < whole.length; cut += 7) {
      const part = whole.subarray(0, cut);
      expect(() => withWebmDuration(part, 3)).not.toThrow();
      expect(() => webmDuration(part)).not.toThrow();
    }
  });
});

describe('checking a recording before it is kept', () => {
  const webm = recorded();
  const claim = { mediaType: 'audio/webm;codecs=opus', seconds: 30, size: webm.length, head: webm.subarray(0, 12) };

  it('knows WebM, Ogg and MP4 by their first bytes', () => {
    expect(sniffRecordingType(webm)).toBe('audio/webm');
    expect(sniffRecordingType(Uint8Array.from(ascii('OggS\u0000\u0002')))).toBe('audio/ogg');
    expect(sniffRecordingType(Uint8Array.from([0, 0, 0, 0x20, ...ascii('ftypM4A ')]))).toBe('audio/mp4');
    expect(sniffRecordingType(Uint8Array.from(ascii('RIFF....WAVE')))).toBeNull();
    expect(sniffRecordingType(new Uint8Array(0))).toBeNull();
  });

  it('keeps the content type with its codec', () => {
    expect(checkRecording(claim)).toBe('audio/webm;codecs=opus');
    expect(checkRecording({ ...claim, mediaType: 'Audio/WebM' })).toBe('audio/webm');
  });

  it('drops parameters that could break a header, keeping the type', () => {
    expect(checkRecording({ ...claim, mediaType: 'audio/webm;codecs=opus\r\nx-evil: 1' })).toBe('audio/webm');
  });

  const refusal = (patch: Partial<typeof claim>): StarlError => {
    try {
      checkRecording({ ...claim, ...patch }, 'upload');
    } catch (error) {
      return error as StarlError;
    }
    throw new Error('checkRecording accepted it');
  };

  it('refuses, in words, what it does not keep', () => {
    expect(refusal({ mediaType: 'video/webm' }).message).toBe('a recording must be audio/webm, audio/ogg, audio/mp4, not "video/webm"');
    expect(refusal({ mediaType: 'audio/ogg' }).message).toBe('the recording was sent as audio/ogg but its bytes are audio/webm');
    expect(refusal({ head: Uint8Array.from(ascii('<html>')) }).message).toBe('the recording was sent as audio/webm but its bytes are not audio Starl knows');
    expect(refusal({ size: 0 }).message).toBe('the recording is empty');
    expect(refusal({ seconds: 601.5 }).message).toBe('a recording lasts 0 to 600 seconds, not 601.5');
    expect(refusal({ seconds: Number.NaN }).where).toEqual({ field: 'upload' });
  });

  it('refuses a recording over the size limit with its size and the limit', () => {
    const error = refusal({ size: MAX_RECORDING_BYTES + 1024 * 1024 });
    expect(error.code).toBe('E_INPUT_TOO_LONG');
    expect(error.message).toBe('the recording is 11 MB; Starl keeps recordings up to 10 MB and 10 minutes');
  });
});
