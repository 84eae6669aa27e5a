import { DuetError, ErrorCode } from '../contract/index.js';

/** A failure a handler raises on purpose; the dispatcher turns it into the error envelope. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** Any thrown value as a DuetError: known codes pass through (CoreError, HistoryError), the rest is 'internal'. */
export function toEnvelopeError(error: unknown): DuetError {
  if (error instanceof Error && 'code' in error) {
    const code = ErrorCode.safeParse(error.code);
    if (code.success) return { code: code.data, message: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong inside Duet: ${detail}` };
}
