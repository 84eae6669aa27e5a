import type { ErrorCode } from '../contract/index.js';

/** A model-management failure with its envelope code; the message says what happened and what to do. */
export class ModelsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelsError';
  }
}
