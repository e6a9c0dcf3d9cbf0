import { MAX_RECORDING_BYTES, MAX_RECORDING_SECONDS, RECORDING_BITS_PER_SECOND, baseMediaType, withWebmDuration } from '../../recording/index.js';
import type { TimedWord } from './transcriber.js';

/** A finished recording, compressed as the browser recorded it, with what was heard when it was transcribed. */
export interface RecordedAudio {
  blob: Blob;
  /** The content type MediaRecorder wrote, codec included (`audio/webm;codecs=opus`). */
  mediaType: string;
  seconds: number;
  /** The on-device transcript's words with their (estimated) times, when there was one. */
  words?: TimedWord[];
}

/** Why a recording stopped: the candidate, a limit, or the microphone going away. */
export type StopReason = 'asked' | 'time-limit' | 'size-limit' | 'device-lost';

/** What the recorder tells the page while it records and when it stops. */
export interface RecorderEvents {
  /** The input level, 0 (silence, −60 dBFS and below) to 1 (full scale), once per animation frame. */
  level(value: number): void;
  stopped(audio: RecordedAudio, reason: StopReason): void;
}

/** How loud the quietest level the meter shows is, in dBFS: below it the meter is empty. */
const METER_FLOOR_DB = -60;
/**
 * How close to the size limit recording stops: MediaRecorder hands over data once a second, so the
 * last second (at most 128 kbit/s, 16 KB) must still fit; 256 KB is ample.
 */
const SIZE_MARGIN_BYTES = 256 * 1024;

/**
 * One recording from the microphone: MediaRecorder compresses it (off the main thread) while an
 * AnalyserNode feeds the level meter. Stops by itself at the time and size limits, or when the
 * microphone goes away; every stop releases the microphone.
 */
export class AnswerRecorder {
  private readonly chunks: Blob[] = [];
  private bytes = 0;
  private readonly startedAt = performance.now();
  private frame = 0;
  private limitTimer: ReturnType<typeof setTimeout>;
  private stopReason: StopReason = 'asked';

  private constructor(
    private readonly stream: MediaStream,
    private readonly recorder: MediaRecorder,
    private readonly audio: AudioContext,
    private readonly events: RecorderEvents,
  ) {
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0) return;
      this.chunks.push(event.data);
      this.bytes += event.data.size;
      if (this.bytes > MAX_RECORDING_BYTES - SIZE_MARGIN_BYTES) this.stop('size-limit');
    });
    recorder.addEventListener('stop', () => void this.finish());
    this.limitTimer = setTimeout(() => this.stop('time-limit'), MAX_RECORDING_SECONDS * 1000);
    for (const track of stream.getAudioTracks()) track.addEventListener('ended', () => this.stop('device-lost'));
    this.meter();
  }

  /**
   * Asks for the microphone and starts recording in `mimeType`. Throws what getUserMedia threw (see
   * `microphoneProblem`) when the candidate refuses or there is no microphone.
   */
  static async start(mimeType: string, events: RecorderEvents): Promise<AnswerRecorder> {
    const stream = await navigator.mediaDevices.getUserMedia({
      // Automatic gain control flattens loudness, which the delivery measures read syllables from.
      audio: { channelCount: { ideal: 1 }, echoCancellation: { ideal: true }, noiseSuppression: { ideal: true }, autoGainControl: { ideal: false } },
    });
    try {
      const recorder = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
      const audio = new AudioContext();
      const created = new AnswerRecorder(stream, recorder, audio, events);
      // A slice a second: the size limit is watched as the recording grows, and a crash loses at most a second.
      recorder.start(1000);
      return created;
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      throw error;
    }
  }

  /** The microphone's audio track, for on-device speech recognition of the same sound. */
  get track(): MediaStreamTrack | null {
    return this.stream.getAudioTracks()[0] ?? null;
  }

  /** Seconds since recording started. */
  elapsed(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** Stops recording; `events.stopped` follows once the last data is in. */
  stop(reason: StopReason = 'asked'): void {
    if (this.recorder.state === 'inactive') return;
    this.stopReason = reason;
    this.recorder.stop();
  }

  private meter(): void {
    const analyser = this.audio.createAnalyser();
    analyser.fftSize = 1024;
    this.audio.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const draw = (): void => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const db = 10 * Math.log10(sum / samples.length + 1e-12);
      this.events.level(Math.max(0, Math.min(1, 1 - db / METER_FLOOR_DB)));
      this.frame = requestAnimationFrame(draw);
    };
    this.frame = requestAnimationFrame(draw);
  }

  private async finish(): Promise<void> {
    const seconds = Math.min(this.elapsed(), MAX_RECORDING_SECONDS);
    clearTimeout(this.limitTimer);
    cancelAnimationFrame(this.frame);
    for (const track of this.stream.getTracks()) track.stop();
    void this.audio.close();
    this.events.level(0);
    const mediaType = this.recorder.mimeType || this.chunks[0]?.type || 'audio/webm';
    let blob = new Blob(this.chunks, { type: mediaType });
    // MediaRecorder's WebM states no length; written in, players show it and can seek.
    if (baseMediaType(mediaType) === 'audio/webm') blob = new Blob([withWebmDuration(new Uint8Array(await blob.arrayBuffer()), seconds) as Uint8Array<ArrayBuffer>], { type: mediaType });
    this.events.stopped({ blob, mediaType, seconds }, this.stopReason);
  }
}
