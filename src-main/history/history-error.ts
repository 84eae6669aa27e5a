import { ErrorCode, type DuetError } from '../contract/index.js';

/** An error from the history store, with a contract code and a message a user can act on. */
export class HistoryError extends Error {
  override readonly name = 'HistoryError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The contract's error shape, ready for a Result envelope. */
  toDuetError(): DuetError {
    return { code: this.code, message: this.message };
  }
}

const NODE_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NODE_READONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Turns whatever a SQLite or file-system call threw into a HistoryError.
 * `action` completes "Duet could not …" (for example "save the message"); `file` is the database path.
 */
export function toHistoryError(e: unknown, action = 'save or read your conversations', file?: string): HistoryError {
  if (e instanceof HistoryError) return e;
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const where = file ? ` (${file})` : '';
  const make = (c: ErrorCode, message: string) => new HistoryError(c, message, { cause: e });

  const primary = code?.startsWith('SQLITE_') ? code.split('_')[1] : undefined;
  if (primary === 'FULL' || (code && NODE_FULL.has(code))) {
    return make('storage_full', `The disk is full: Duet could not ${action}. Free some space and try again.`);
  }
  if (primary === 'READONLY' || (code && NODE_READONLY.has(code))) {
    return make(
      'storage_readonly',
      `Duet cannot write to its history file${where}: the file or its folder is read-only, so Duet could not ${action}. ` +
        `Check the permissions of Duet's data folder, or move it to a disk you can write to.`,
    );
  }
  if (primary === 'CANTOPEN' || primary === 'PERM' || primary === 'AUTH') {
    return make(
      'storage_readonly',
      `Duet could not open its history file${where}, so it could not ${action}. ` + `Check that the folder exists and that your account can write to it.`,
    );
  }
  if (primary === 'CORRUPT' || primary === 'NOTADB') {
    return make(
      'storage_corrupt',
      `Duet's history file${where} is damaged or is not a Duet database, so Duet could not ${action}. ` +
        `Quit Duet, move that file elsewhere to keep a copy, and start Duet again to begin a new history.`,
    );
  }
  if (primary === 'BUSY' || primary === 'LOCKED') {
    return make('busy', `The history is in use by another copy of Duet or another program, so Duet could not ${action}. ` + `Close the other one and try again.`);
  }
  if (primary === 'IOERR') {
    return make('internal', `A disk error stopped Duet from being able to ${action} (${detail}). Check the disk and try again.`);
  }
  if (primary === 'CONSTRAINT' || primary === 'MISMATCH' || primary === 'TOOBIG') {
    return make('invalid_request', `Duet could not ${action}: the data was not valid (${detail}).`);
  }
  return make('internal', `Duet could not ${action}: ${detail}`);
}

/** The contract error for anything thrown while using the history: what happened and what to do. */
export function toDuetError(e: unknown): DuetError {
  return toHistoryError(e).toDuetError();
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
