// How much of a partial download arrived, from the progress record the downloader (ipull) keeps
// after the file's own bytes. The file is preallocated to its full length, so its size says nothing.
import { open } from 'node:fs/promises';

/** ipull's chunk state for a chunk that arrived whole. */
const CHUNK_COMPLETE = 2;
/** The record is a few KB even for large files (one number per 5 MiB chunk): the tail holds it. */
const TAIL_BYTES = 256 * 1024;
/** How ipull's record begins (its first key). */
const RECORD_START = '{"part":';

interface ProgressRecord {
  chunks: number[];
  chunkSize: number;
}

/**
 * Bytes of the file that arrived whole, as the progress record at the end of `progressFile` counts
 * them (per chunk, so a little less than what arrived); null when there is no readable record.
 */
export async function partialBytes(progressFile: string): Promise<number | null> {
  let handle;
  try {
    handle = await open(progressFile, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const tail = Buffer.alloc(size - start);
    await handle.read(tail, 0, tail.length, start);
    const text = tail.toString('latin1');
    // The record starts where the file's own bytes end (the file's full length).
    const at = text.lastIndexOf(RECORD_START);
    if (at < 0) return null;
    const record = parseRecord(Buffer.from(text.slice(at), 'latin1').toString('utf8'));
    if (!record) return null;
    const done = record.chunks.filter((chunk) => chunk === CHUNK_COMPLETE).length * record.chunkSize;
    return Math.min(done, start + at);
  } finally {
    await handle.close();
  }
}

/** The JSON object at the start of `text`; a shorter record written over a longer one leaves bytes after it. */
function parseRecord(text: string): ProgressRecord | null {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      try {
        const value = JSON.parse(text.slice(0, index + 1)) as Partial<ProgressRecord>;
        return Array.isArray(value.chunks) && typeof value.chunkSize === 'number' && value.chunkSize > 0 ? { chunks: value.chunks, chunkSize: value.chunkSize } : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}
