import type { FileHandle } from 'node:fs/promises';

/** Bytes of each fixed-size GGUF metadata value type; 8 (string) and 9 (array) are sized by their content. */
const FIXED_SIZES: ReadonlyMap<number, number> = new Map([
  [0, 1],
  [1, 1],
  [2, 2],
  [3, 2],
  [4, 4],
  [5, 4],
  [6, 4],
  [7, 1],
  [10, 8],
  [11, 8],
  [12, 8],
]);
const STRING = 8;
const ARRAY = 9;
const CHUNK = 1 << 20;
/** Dimensions a tensor may have (ggml's GGML_MAX_DIMS). */
const MAX_DIMS = 4;
const MAX_NESTING = 4;

class OutOfBounds extends Error {}

/** Reads a file front to back through a buffer, refusing to step past its end. */
class BoundedReader {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  position = 0;

  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  /** Moves past `bytes` bytes; fails when they would end beyond the file. */
  skip(bytes: number): void {
    if (!Number.isSafeInteger(bytes) || bytes < 0 || this.position + bytes > this.size) throw new OutOfBounds();
    this.position += bytes;
  }

  async u32(): Promise<number> {
    return (await this.bytes(4)).readUInt32LE(0);
  }

  async u64(): Promise<number> {
    const value = (await this.bytes(8)).readBigUInt64LE(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new OutOfBounds();
    return Number(value);
  }

  private async bytes(count: number): Promise<Buffer> {
    if (this.position + count > this.size) throw new OutOfBounds();
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + count > this.buffer.length) {
      const length = Math.min(CHUNK, this.size - this.position);
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await this.file.read(chunk, 0, length, this.position);
      this.buffer = chunk.subarray(0, bytesRead);
      this.bufferStart = this.position;
      if (bytesRead < count) throw new OutOfBounds();
    }
    const start = this.position - this.bufferStart;
    this.position += count;
    return this.buffer.subarray(start, start + count);
  }
}

/**
 * True when every length and count in a GGUF v2/v3 header (metadata and tensor infos) stays inside
 * the file. node-llama-cpp's reader trusts them: a damaged length makes it read gigabytes of
 * phantom zeros, and one past 2 GiB aborts the whole process, so a file must pass this first.
 */
export async function ggufHeaderFits(file: FileHandle, size: number): Promise<boolean> {
  const reader = new BoundedReader(file, size);
  try {
    reader.skip(8); // magic and version, checked by the caller
    const tensorCount = await reader.u64();
    const kvCount = await reader.u64();
    for (let i = 0; i < kvCount; i += 1) {
      reader.skip(await reader.u64()); // key
      await skipValue(reader, await reader.u32(), 0);
    }
    for (let i = 0; i < tensorCount; i += 1) {
      reader.skip(await reader.u64()); // name
      const dims = await reader.u32();
      if (dims > MAX_DIMS) return false;
      reader.skip(dims * 8 + 4 + 8); // dimensions, type, offset
    }
    return true;
  } catch (error) {
    if (error instanceof OutOfBounds) return false;
    throw error;
  }
}

async function skipValue(reader: BoundedReader, type: number, depth: number): Promise<void> {
  const fixed = FIXED_SIZES.get(type);
  if (fixed !== undefined) return reader.skip(fixed);
  if (type === STRING) return reader.skip(await reader.u64());
  if (type !== ARRAY || depth >= MAX_NESTING) throw new OutOfBounds();
  const elementType = await reader.u32();
  const count = await reader.u64();
  const elementSize = FIXED_SIZES.get(elementType);
  if (elementSize !== undefined) return reader.skip(count * elementSize);
  // Each string or nested array takes at least 8 bytes: a damaged count fails here, not after a long walk.
  if (count * 8 > reader.size - reader.position) throw new OutOfBounds();
  for (let i = 0; i < count; i += 1) await skipValue(reader, elementType, depth + 1);
}
