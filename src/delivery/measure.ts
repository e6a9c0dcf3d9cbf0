import { StarlError } from '../core/errors.js';
import { LEXICONS } from '../core/lexicon/index.js';
import { countWords } from '../core/text/sentences.js';
import { frameTime, HOP_SECONDS, intensityContours } from './intensity.js';
import { intensityPeaks } from './nuclei.js';
import { thousandths } from './round.js';
import { segment } from './silence.js';
import { DELIVERY_METHOD, type DeliveryMeasures, type FillerMeasures, type Transcript } from './types.js';
import { VOICED_CORRELATION, voicingChecker } from './voicing.js';

/** Sample rates a recording may have: telephone audio up to studio rates. */
const MIN_SAMPLE_RATE = 8000;
const MAX_SAMPLE_RATE = 384_000;

/**
 * Measures how an answer was delivered from its recording alone, in the manner of de Jong & Wempe
 * (2009): the intensity contour in dB, silence by a threshold relative to the recording's own loudness,
 * pauses as silences of at least a quarter second, and syllables as voiced intensity peaks that stand
 * 2 dB above their dips. With a transcript it adds words a minute and fillers (the analyzer's lexicon).
 * Pure and synchronous: it runs as well in a Web Worker as in Node. Samples run from −1 to 1, mono.
 *
 * @example
 * const measures = measureDelivery(audioBuffer.getChannelData(0), audioBuffer.sampleRate, { text: transcript });
 * measures.pauses.longestSeconds; // 1.4
 */
export function measureDelivery(samples: Float32Array, sampleRate: number, transcript?: Transcript): DeliveryMeasures {
  if (!(samples instanceof Float32Array)) throw new StarlError('E_INPUT_BAD_FIELD', 'the audio must be a Float32Array of samples', { field: 'samples' });
  if (!Number.isFinite(sampleRate) || sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw new StarlError('E_INPUT_BAD_FIELD', `the sample rate must be from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} Hz, not ${sampleRate}`, { field: 'sampleRate' });
  }
  const contours = intensityContours(samples, sampleRate);
  const segmentation = segment(contours);
  const recordingSeconds = samples.length / sampleRate;
  const { speech, pauses } = segmentation;
  const answerSeconds = speech ? (speech.last - speech.first + 1) * HOP_SECONDS : 0;
  const pauseSpans = pauses.map((pause) => ({ start: thousandths(pause.first * HOP_SECONDS), end: thousandths((pause.last + 1) * HOP_SECONDS) }));
  const pauseSeconds = pauses.reduce((sum, pause) => sum + (pause.last - pause.first + 1) * HOP_SECONDS, 0);
  const speakingSeconds = answerSeconds - pauseSeconds;

  const voicing = voicingChecker(samples, sampleRate);
  const nuclei = speech
    ? intensityPeaks(contours.smooth, segmentation.speaking, segmentation.threshold).filter((frame) => voicing(frameTime(frame)) >= VOICED_CORRELATION)
    : [];
  const perSecond = (count: number, seconds: number): number | null => (seconds > 0 ? thousandths(count / seconds) : null);
  const words = transcript ? countWords(transcript.text) : null;
  return {
    method: DELIVERY_METHOD,
    recordingSeconds: thousandths(recordingSeconds),
    speech: speech ? { start: thousandths(speech.first * HOP_SECONDS), end: thousandths((speech.last + 1) * HOP_SECONDS) } : null,
    answerSeconds: thousandths(answerSeconds),
    speakingSeconds: thousandths(speakingSeconds),
    pauses: {
      count: pauses.length,
      totalSeconds: thousandths(pauseSeconds),
      longestSeconds: thousandths(Math.max(0, ...pauseSpans.map((pause) => pause.end - pause.start))),
      silentShare: answerSeconds > 0 ? thousandths(pauseSeconds / answerSeconds) : 0,
      perMinute: answerSeconds > 0 ? thousandths((pauses.length / answerSeconds) * 60) : 0,
      spans: pauseSpans,
    },
    syllables: nuclei.length,
    speechRate: perSecond(nuclei.length, answerSeconds),
    articulationRate: perSecond(nuclei.length, speakingSeconds),
    words,
    wordsPerMinute: words !== null && answerSeconds > 0 ? thousandths((words / answerSeconds) * 60) : null,
    fillers: transcript ? fillersIn(transcript.text, words ?? 0) : null,
    silenceBelowPeakDb: thousandths(segmentation.belowPeakDb),
  };
}

/** The fillers of the analyzer's lexicon in a transcript, counted, most frequent first. */
function fillersIn(text: string, words: number): FillerMeasures {
  const counts = new Map<string, number>();
  for (const span of LEXICONS.fillers.find(text)) {
    const filler = text.slice(span.start, span.end).toLowerCase().replace(/’/g, "'");
    counts.set(filler, (counts.get(filler) ?? 0) + 1);
  }
  const found = [...counts].map(([filler, count]) => ({ text: filler, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const count = found.reduce((sum, filler) => sum + filler.count, 0);
  return { count, per100Words: words > 0 ? thousandths((count / words) * 100) : 0, found };
}

