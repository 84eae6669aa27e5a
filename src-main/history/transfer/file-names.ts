import { localDayKey } from '../../contract/index.js';

// Names for the files Duet offers to save. They must be valid on Windows, macOS and Linux alike,
// because an export is often copied between machines.

/** What the user can export, by file kind. */
export type TransferFileKind = 'markdown' | 'json' | 'jsonl';

const EXTENSIONS: Readonly<Record<TransferFileKind, string>> = { markdown: 'md', json: 'json', jsonl: 'jsonl' };
const MIME_TYPES: Readonly<Record<TransferFileKind, string>> = {
  markdown: 'text/markdown; charset=utf-8',
  json: 'application/json',
  jsonl: 'application/jsonl',
};

// Code points, not bytes: 60 letters of up to 4 UTF-8 bytes each stay under the 255-byte limit of
// ext4, APFS and NTFS names, with room for the prefix and the date.
const MAX_SLUG = 60;

/**
 * A title as a file-name part: letters (any script) and digits kept and lower-cased, every other run
 * of characters (path separators, : * ? " < > |, control characters, spaces, emoji) turned into one
 * hyphen, at most 60 characters; '' when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code point so a letter outside the BMP is never split in half.
  return Array.from(slug).slice(0, MAX_SLUG).join('').replace(/-+$/, '');
}

/** `duet-<title or "all">-YYYY-MM-DD.md|.json`: the name offered when exporting one conversation (title) or all (null). */
export function exportFileName(title: string | null, format: 'markdown' | 'json', date: Date): string {
  const slug = title === null ? 'all' : slugify(title) || 'conversation';
  return `duet-${slug}-${localDayKey(date)}.${EXTENSIONS[format]}`;
}

/** `duet-distillation-YYYY-MM-DD.jsonl`: the name offered for a fine-tuning dataset. */
export function distillationFileName(date: Date): string {
  return `duet-distillation-${localDayKey(date)}.${EXTENSIONS.jsonl}`;
}

/** The MIME type to offer a file of this kind with. */
export function transferMimeType(kind: TransferFileKind): string {
  return MIME_TYPES[kind];
}
