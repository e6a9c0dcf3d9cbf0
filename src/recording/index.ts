// Recording spoken answers: the limits, the containers Starl keeps, and the WebM header fix. Pure and
// browser-safe, so the page, the API, the store and an import all check a recording the same way.
export { MAX_RECORDING_BYTES, MAX_RECORDING_SECONDS, RECORDING_BITS_PER_SECOND, RECORDING_LIMIT_TEXT } from './limits.js';
export { PREFERRED_RECORDER_TYPES, RECORDING_MEDIA_TYPES, baseMediaType, checkRecording, sniffRecordingType } from './media-type.js';
export type { RecordingClaim, RecordingMediaType } from './media-type.js';
export { webmDuration, withWebmDuration } from './webm-duration.js';
