import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from './core-error.js';

const CHOOSE_ANOTHER = 'Choose another folder with --data <folder>.';

/**
 * Creates the data folder when missing. Throws a CoreError whose message is one sentence a user can
 * act on (it is a file, its parent is a file, no permission, read-only disk, disk full) instead of
 * EEXIST, ENOTDIR or EACCES.
 */
export function prepareDataFolder(dir: string): void {
  const folder = path.resolve(dir);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw dataFolderError(folder, error);
  }
  // mkdir with `recursive` succeeds silently on an existing folder, and fails on an existing file.
  if (!fs.statSync(folder).isDirectory()) throw unusable(folder, 'it is a file');
}

/** The sentence for a data folder that could not be created or used. */
export function dataFolderError(folder: string, error: unknown): CoreError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    const file = firstFileOnPath(folder);
    if (file === folder) return unusable(folder, 'it is a file');
    if (file) return unusable(folder, `${file} is a file, not a folder`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new CoreError('storage_readonly', `Duet cannot use ${folder} as its data folder: your account is not allowed to create or write it. ${CHOOSE_ANOTHER}`);
  }
  if (code === 'EROFS') return new CoreError('storage_readonly', `Duet cannot use ${folder} as its data folder: the disk is read-only. ${CHOOSE_ANOTHER}`);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CoreError('storage_full', `Duet cannot create its data folder ${folder}: the disk is full. Free some space, or ${lower(CHOOSE_ANOTHER)}`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CoreError('storage_readonly', `Duet cannot use ${folder} as its data folder (${detail}). ${CHOOSE_ANOTHER}`);
}

function unusable(folder: string, why: string): CoreError {
  return new CoreError('storage_readonly', `Duet cannot use ${folder} as its data folder: ${why}. ${CHOOSE_ANOTHER}`);
}

/** The folder itself or the nearest folder above it that exists as something other than a folder. */
function firstFileOnPath(folder: string): string | null {
  let at = folder;
  for (;;) {
    try {
      return fs.statSync(at).isDirectory() ? null : at;
    } catch {
      // Missing (or an entry below a file, ENOTDIR): look one level up.
    }
    const parent = path.dirname(at);
    if (parent === at) return null;
    at = parent;
  }
}

function lower(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
