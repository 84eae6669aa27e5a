// A history file uploaded through the HTTP bridge goes to a file in the data folder as it arrives,
// never into memory whole, and is imported from there; it is removed afterwards whatever happened.
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { CoreError } from './core-error.js';

/** The folder of the data folder that uploads wait in while they are imported. */
export const UPLOADS_FOLDER = 'import-uploads';

/** The message for a file over the limit, in MiB. */
export function tooLargeMessage(maxBytes: number): string {
  return `That file is too large to import (${Math.round(maxBytes / 1024 / 1024)} MiB at most).`;
}

/**
 * Writes an upload to a new file in `dir` (mode 0600) and returns its path. Reads the body to its end
 * even when it is too large or the disk fills, so the client still gets an answer; on any failure the
 * file is removed and the error says what happened and what to do, so nothing is half-imported.
 */
export async function receiveUpload(body: AsyncIterable<Uint8Array>, dir: string, maxBytes: number): Promise<string> {
  const file = path.join(dir, `upload-${randomUUID()}.json`);
  let handle;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    // Still read the body, so the client gets this answer rather than a reset connection.
    for await (const _chunk of body);
    throw uploadWriteError(error, dir);
  }
  let size = 0;
  let writeError: unknown = null;
  let cutOff: unknown = null;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > maxBytes || writeError !== null) continue;
      try {
        await handle.write(chunk);
      } catch (error) {
        writeError = error;
      }
    }
  } catch (error) {
    cutOff = error;
  }
  await handle.close().catch((error: unknown) => (writeError ??= error));
  if (cutOff === null && writeError === null && size <= maxBytes) return file;
  await rm(file, { force: true });
  if (cutOff !== null) throw new CoreError('invalid_request', 'The upload was cut off before the end of the file, so nothing was imported. Import the file again.');
  if (size > maxBytes) throw new CoreError('invalid_request', tooLargeMessage(maxBytes));
  throw uploadWriteError(writeError, dir);
}

/** Removes uploads left behind by a Duet that stopped while importing. */
export async function clearUploads(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

function uploadWriteError(error: unknown, dir: string): CoreError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CoreError('storage_full', 'The disk is full: Duet could not keep the uploaded file, so nothing was imported. Free some space and import it again.');
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CoreError(
      'storage_readonly',
      `Duet cannot write to its data folder (${dir}), so nothing was imported. Check the folder's permissions, then import again.`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CoreError('internal', `Duet could not keep the uploaded file (${detail}), so nothing was imported. Check the disk, then import again.`);
}
