/**
 * Reads a clock time such as `01:02:03.450` (WebVTT), `00:01:02,345` (SubRip), `1:02` (Otter) or
 * `00:05:00` (Google Meet) as seconds; returns `null` when the text is not a well-formed time.
 */
export function parseClock(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  const minuteCount = Number(minutes);
  const secondCount = Number(seconds);
  // With hours present, minutes are a two-digit field that cannot reach 60; Otter's "75:10" has no hours.
  if (secondCount >= 60 || (match[1] !== undefined && minuteCount >= 60)) return null;
  const fractionSeconds = fraction ? Number(fraction) / 10 ** fraction.length : 0;
  return Number(hours) * 3600 + minuteCount * 60 + secondCount + fractionSeconds;
}

/** Formats seconds as `m:ss`, or `h:mm:ss` past the hour, for quoting a moment. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
