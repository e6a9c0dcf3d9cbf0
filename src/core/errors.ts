/**
 * Stable error codes for problems in the input, the configuration or the tool, after Vale's numbered
 * errors: a user's mistake is kept apart from a bug. Problems in an answer are findings, never errors.
 */
export type ErrorCode =
  | 'E_INPUT_EMPTY_ANSWER'
  | 'E_INPUT_EMPTY_QUESTION'
  | 'E_INPUT_TOO_LONG'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_NOT_ENGLISH'
  | 'E_INPUT_NO_WORDS'
  | 'E_INPUT_BAD_JSON'
  | 'E_INPUT_BAD_FIELD'
  | 'E_INPUT_NOT_UTF8'
  | 'E_INPUT_FILE'
  | 'E_USAGE'
  | 'E_NOT_FOUND'
  | 'E_STORAGE'
  | 'E_STORAGE_LOCKED'
  | 'E_STORAGE_FULL'
  | 'E_SESSION_FINISHED'
  | 'E_TRANSCRIPT'
  | 'E_NETWORK'
  | 'E_FORBIDDEN_ORIGIN'
  | 'E_INTERNAL';

/** Where an input problem is: a file and line, or a field. Shown to the user, never a stack trace. */
export interface ErrorWhere {
  file?: string;
  line?: number;
  field?: string;
}

/** A typed error with a stable code and a message that names what was wrong and where. */
export class StarlError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorWhere | undefined;

  constructor(code: ErrorCode, message: string, where?: ErrorWhere) {
    super(message);
    this.name = 'StarlError';
    this.code = code;
    this.where = where;
  }

  /** `file:line: message [CODE]`, the form every adapter prints. */
  describe(): string {
    const at = [this.where?.file, this.where?.line].filter((x) => x !== undefined).join(':');
    const field = this.where?.field ? ` (${this.where.field})` : '';
    return `${at ? `${at}: ` : ''}${this.message}${field} [${this.code}]`;
  }
}

/** Exit codes: 0 fine, 1 findings at error level when asked to gate, 2 usage, input or internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
