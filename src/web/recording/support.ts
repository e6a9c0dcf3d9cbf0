import { PREFERRED_RECORDER_TYPES } from '../../recording/index.js';

/** Whether the page can record an answer here, and if not, why, in one line the candidate reads. */
export type MicrophoneSupport = { state: 'checking' } | { state: 'ready'; mimeType: string } | { state: 'unavailable'; reason: string };

/** The first of Starl's preferred recording types the browser's MediaRecorder writes, or null. */
export function recorderType(isTypeSupported: (type: string) => boolean): string | null {
  return PREFERRED_RECORDER_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

/** What a refused or failed `getUserMedia` means for the candidate. */
export function microphoneProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Microphone access was refused, so nothing was recorded. Allow it for this page in the browser\'s site settings to record.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found. Connect one to record; you can still type your answer.';
  if (name === 'NotReadableError' || name === 'AbortError') return 'The microphone could not be opened: another program may be using it.';
  return 'The microphone could not be opened; you can still type your answer.';
}

/**
 * Checks, without asking for the microphone, whether recording can work: a secure page, the
 * microphone and MediaRecorder APIs, a format Starl keeps, a microphone plugged in, and permission
 * not already refused. Asking comes only when the candidate presses Record.
 */
export async function microphoneSupport(): Promise<Exclude<MicrophoneSupport, { state: 'checking' }>> {
  if (!globalThis.isSecureContext) return { state: 'unavailable', reason: 'Recording needs a secure page: open Starl at http://127.0.0.1 or http://localhost.' };
  const devices = globalThis.navigator?.mediaDevices;
  if (!devices?.getUserMedia) return { state: 'unavailable', reason: 'This browser gives this page no microphone.' };
  if (typeof MediaRecorder === 'undefined') return { state: 'unavailable', reason: 'This browser cannot record audio (it has no MediaRecorder).' };
  const mimeType = recorderType((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) return { state: 'unavailable', reason: 'This browser records audio in no format Starl keeps (WebM, Ogg or MP4).' };
  try {
    // Before permission, browsers list microphones without their names: enough to know there is one.
    const inputs = (await devices.enumerateDevices()).filter((device) => device.kind === 'audioinput');
    if (inputs.length === 0) return { state: 'unavailable', reason: 'No microphone is connected. Connect one to record; you can still type your answer.' };
  } catch {
    // Listing devices failed: asking for the microphone will say what is wrong.
  }
  try {
    const permission = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    if (permission.state === 'denied') return { state: 'unavailable', reason: 'Microphone access is blocked for this page. Allow it in the browser\'s site settings to record.' };
  } catch {
    // Not every browser can be asked about the microphone's permission; pressing Record will find out.
  }
  return { state: 'ready', mimeType };
}
