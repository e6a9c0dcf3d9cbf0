/**
 * What Starl keeps of a spoken answer, one definition each, enforced alike by the page (which stops
 * recording at the limit), the API, the store and an import.
 */

/**
 * The longest recording, in seconds. A spoken interview answer runs one and a half to three minutes;
 * ten leaves room for a long story told twice without keeping a forgotten microphone running all day.
 */
export const MAX_RECORDING_SECONDS = 10 * 60;

/**
 * The page asks the browser for Opus at this rate: 32 kbit/s mono is transparent for speech (Opus's
 * own guidance puts wideband speech at 16–32 kbit/s), so ten minutes is about 2.4 MB.
 */
export const RECORDING_BITS_PER_SECOND = 32_000;

/**
 * The largest recording kept, in bytes. A browser may ignore the bit rate asked for (Chromium's default
 * for audio is 128 kbit/s, about 1 MB a minute), so the limit leaves room for ten minutes at that rate.
 */
export const MAX_RECORDING_BYTES = 10 * 1024 * 1024;

/** The limits in words, for the page and for messages: "10 MB and 10 minutes". */
export const RECORDING_LIMIT_TEXT = `${MAX_RECORDING_BYTES / (1024 * 1024)} MB and ${MAX_RECORDING_SECONDS / 60} minutes`;
