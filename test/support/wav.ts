/** A mono recording as the delivery measures take it: samples from −1 to 1 and their rate. */
export interface Audio {
  samples: Float32Array;
  sampleRate: number;
}

/**
 * Decodes a 16-bit PCM WAV file (what espeak-ng writes) to mono samples from −1 to 1, averaging the
 * channels of a stereo file. Refuses any other encoding by name.
 */
export function decodeWav(bytes: Uint8Array): Audio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let format: { channels: number; sampleRate: number; bits: number; encoding: number } | null = null;
  // espeak-ng writes 0x7fffffff as the data size when it streams; the data then runs to the end of the file.
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = { encoding: view.getUint16(body, true), channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new Error('the WAV file has its data before its format');
      if (format.encoding !== 1 || format.bits !== 16) throw new Error(`only 16-bit PCM WAV is read, not encoding ${format.encoding} at ${format.bits} bits`);
      const end = Math.min(bytes.length, body + size);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const samples = new Float32Array(frames);
      for (let frame = 0; frame < frames; frame++) {
        let sum = 0;
        for (let channel = 0; channel < format.channels; channel++) sum += view.getInt16(body + 2 * (frame * format.channels + channel), true);
        samples[frame] = sum / format.channels / 32768;
      }
      return { samples, sampleRate: format.sampleRate };
    }
    at = body + size + (size % 2);
  }
  throw new Error('the WAV file has no data');
}
