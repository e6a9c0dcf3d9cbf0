/**
 * The rate recordings are decoded at for measuring: speech's energy lies below 8 kHz, so 16 kHz keeps
 * all of it with a third of the samples 48 kHz would give.
 */
export const MEASURE_SAMPLE_RATE = 16_000;

/** A recording decoded to one channel of samples from −1 to 1. */
export interface MonoAudio {
  samples: Float32Array;
  sampleRate: number;
}

/** The channels of a decoded recording averaged into one. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!.slice();
  const mono = new Float32Array(channels[0]?.length ?? 0);
  for (const channel of channels) for (let i = 0; i < mono.length; i++) mono[i]! += channel[i]! / channels.length;
  return mono;
}

/**
 * Decodes a recording (WebM, Ogg or MP4, as the browser recorded it) to mono samples at
 * {@link MEASURE_SAMPLE_RATE}, with the Web Audio API. The browser decodes off the main thread; an
 * OfflineAudioContext opens no audio device and resamples to its own rate as it decodes.
 */
export async function decodeToMono(recording: Blob): Promise<MonoAudio> {
  const context = new OfflineAudioContext(1, 1, MEASURE_SAMPLE_RATE);
  const decoded = await context.decodeAudioData(await recording.arrayBuffer());
  const channels = Array.from({ length: decoded.numberOfChannels }, (_, i) => decoded.getChannelData(i));
  return { samples: mixToMono(channels), sampleRate: decoded.sampleRate };
}
