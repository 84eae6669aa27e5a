import type { FileHandle } from 'node:fs/promises';

/** Why a GGUF header cannot be walked safely. */
export type GgufLayoutProblem =
  { kind: 'not-gguf' } | { kind: 'unsupported-version'; version: number } | { kind: 'truncated'; needed: bigint } | { kind: 'damaged'; detail: string };

export class GgufLayoutError extends Error {
  constructor(readonly problem: GgufLayoutProblem) {
    super(problem.kind);
  }
}

const WINDOW_BYTES = 1 << 20;
const MAX_DIMS = 4;
const MAX_ARRAY_DEPTH = 4;
// Bytes each scalar GGUF value type takes; 8 (string) and 9 (array) are variable.
const SCALAR_BYTES: ReadonlyMap<number, number> = new Map([
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

/**
 * Reads a file front to back through a window, refusing any read past the end. node-llama-cpp's
 * own reader pads reads past the end with zeros, which turns a cut-off header into plausible data.
 */
class BoundedReader {
  pos = 0n;
  private window = Buffer.alloc(0);
  private windowStart = 0n;

  constructor(
    private readonly file: FileHandle,
    readonly size: bigint,
  ) {}

  /** Makes `n` bytes from `pos` readable, or throws `truncated`. */
  async need(n: bigint): Promise<void> {
    const end = this.pos + n;
    if (end > this.size) throw new GgufLayoutError({ kind: 'truncated', needed: end });
    if (this.pos >= this.windowStart && end <= this.windowStart + BigInt(this.window.length)) return;
    const length = Number(n > BigInt(WINDOW_BYTES) ? n : BigInt(Math.min(WINDOW_BYTES, Number(this.size - this.pos))));
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.file.read(buffer, 0, length, Number(this.pos));
    if (bytesRead < Number(n)) throw new GgufLayoutError({ kind: 'truncated', needed: end });
    this.window = buffer.subarray(0, bytesRead);
    this.windowStart = this.pos;
  }

  private offset(): number {
    return Number(this.pos - this.windowStart);
  }

  async u32(): Promise<number> {
    await this.need(4n);
    const value = this.window.readUInt32LE(this.offset());
    this.pos += 4n;
    return value;
  }

  async u64(): Promise<bigint> {
    await this.need(8n);
    const value = this.window.readBigUInt64LE(this.offset());
    this.pos += 8n;
    return value;
  }

  async text(length: bigint): Promise<string> {
    await this.need(length);
    const start = this.offset();
    const value = this.window.toString('utf8', start, start + Number(length));
    this.pos += length;
    return value;
  }

  /** One scalar of GGUF value `type` (see SCALAR_BYTES): 64-bit integers as bigint. */
  async scalar(type: number): Promise<number | bigint | boolean> {
    const bytes = SCALAR_BYTES.get(type) ?? 0;
    await this.need(BigInt(bytes));
    const at = this.offset();
    const w = this.window;
    this.pos += BigInt(bytes);
    switch (type) {
      case 0:
        return w.readUInt8(at);
      case 1:
        return w.readInt8(at);
      case 2:
        return w.readUInt16LE(at);
      case 3:
        return w.readInt16LE(at);
      case 4:
        return w.readUInt32LE(at);
      case 5:
        return w.readInt32LE(at);
      case 6:
        return w.readFloatLE(at);
      case 7:
        return w.readUInt8(at) !== 0;
      case 10:
        return w.readBigUInt64LE(at);
      case 11:
        return w.readBigInt64LE(at);
      default:
        return w.readDoubleLE(at);
    }
  }

  /** Moves past `n` bytes without reading them, still refusing to pass the end. */
  skip(n: bigint): void {
    const end = this.pos + n;
    if (end > this.size) throw new GgufLayoutError({ kind: 'truncated', needed: end });
    this.pos = end;
  }

  remaining(): bigint {
    return this.size - this.pos;
  }
}

export interface GgufTensorInfo {
  name: string;
  dimensions: bigint[];
  ggmlType: number;
  /** From the start of the tensor data. */
  offset: bigint;
}

export interface GgufLayout {
  version: number;
  /** Offset of the first byte after the header, before alignment padding. */
  headerEnd: bigint;
  /**
   * The metadata by full key (`general.architecture`, `llama.attention.head_count`): numbers (64-bit
   * integers as bigint), booleans, strings, and arrays of numbers. Long strings and arrays of strings
   * (the tokenizer's vocabulary) are walked but not kept: the checks never need them.
   */
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
}

export type GgufValue = number | bigint | boolean | string | Array<number | bigint | boolean>;

/** Longest string value kept, and most items of a numeric array kept (per-layer counts are a few hundred). */
const MAX_KEPT_STRING = 4096n;
const MAX_KEPT_ITEMS = 65_536n;
/** Not kept: the value is walked and dropped. */
const SKIPPED = Symbol('skipped');

/**
 * Walks the whole GGUF header (metadata and tensor infos) checking every length against the file
 * size, so that a cut-off or damaged header is reported instead of being parsed as zeros or
 * driving a parser into an enormous loop, and keeps what the model check reads. Duet's own reader:
 * node-llama-cpp's would cost the core process its import (about 35 MiB resident).
 */
export async function walkGgufLayout(file: FileHandle, size: bigint): Promise<GgufLayout> {
  const reader = new BoundedReader(file, size);
  if (size < 4n) throw new GgufLayoutError({ kind: 'not-gguf' });
  if ((await reader.text(4n)) !== 'GGUF') throw new GgufLayoutError({ kind: 'not-gguf' });
  const version = await reader.u32();
  if (version !== 2 && version !== 3) throw new GgufLayoutError({ kind: 'unsupported-version', version });
  const tensorCount = await reader.u64();
  const kvCount = await reader.u64();
  // Each key/value takes at least 8 (key length) + 4 (type) + 1 bytes; each tensor info at least 24.
  if (kvCount * 13n > reader.remaining()) throw new GgufLayoutError({ kind: 'truncated', needed: reader.pos + kvCount * 13n });
  const metadata = new Map<string, GgufValue>();
  for (let i = 0n; i < kvCount; i++) {
    const key = await readString(reader, MAX_KEPT_STRING);
    const value = await readValue(reader, await reader.u32(), 0);
    if (key !== SKIPPED && value !== SKIPPED) metadata.set(key, value);
  }
  if (tensorCount * 24n > reader.remaining()) {
    throw new GgufLayoutError({ kind: 'truncated', needed: reader.pos + tensorCount * 24n });
  }
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0n; i < tensorCount; i++) {
    const name = await readString(reader, MAX_KEPT_STRING);
    const dims = await reader.u32();
    if (dims > MAX_DIMS) throw new GgufLayoutError({ kind: 'damaged', detail: `a tensor has ${dims} dimensions (at most ${MAX_DIMS})` });
    const dimensions: bigint[] = [];
    for (let d = 0; d < dims; d++) dimensions.push(await reader.u64());
    const ggmlType = await reader.u32();
    const offset = await reader.u64();
    tensors.push({ name: name === SKIPPED ? '(unnamed)' : name, dimensions, ggmlType, offset });
  }
  return { version, headerEnd: reader.pos, metadata, tensors };
}

/** A string, or SKIPPED (walked past) when it is longer than `keep` bytes. */
async function readString(reader: BoundedReader, keep: bigint): Promise<string | typeof SKIPPED> {
  const length = await reader.u64();
  if (length > keep) {
    reader.skip(length);
    return SKIPPED;
  }
  return reader.text(length);
}

async function readValue(reader: BoundedReader, type: number, depth: number): Promise<GgufValue | typeof SKIPPED> {
  if (SCALAR_BYTES.has(type)) return reader.scalar(type);
  if (type === STRING) return readString(reader, MAX_KEPT_STRING);
  if (type !== ARRAY || depth >= MAX_ARRAY_DEPTH) {
    throw new GgufLayoutError({ kind: 'damaged', detail: `unknown metadata value type ${type}` });
  }
  const itemType = await reader.u32();
  const count = await reader.u64();
  const itemScalar = SCALAR_BYTES.get(itemType);
  if (itemScalar !== undefined) {
    if (count > MAX_KEPT_ITEMS) {
      reader.skip(count * BigInt(itemScalar));
      return SKIPPED;
    }
    // Checked whole first: a count the file cannot hold is refused before any item is read.
    if (count * BigInt(itemScalar) > reader.remaining()) throw new GgufLayoutError({ kind: 'truncated', needed: reader.pos + count * BigInt(itemScalar) });
    const items: Array<number | bigint | boolean> = [];
    for (let i = 0n; i < count; i++) items.push(await reader.scalar(itemType));
    return items;
  }
  // Strings and nested arrays take at least 8 bytes each: refuse counts the file cannot hold.
  if (count * 8n > reader.remaining()) throw new GgufLayoutError({ kind: 'truncated', needed: reader.pos + count * 8n });
  for (let i = 0n; i < count; i++) await skipValue(reader, itemType, depth + 1);
  return SKIPPED;
}

async function skipString(reader: BoundedReader): Promise<void> {
  reader.skip(await reader.u64());
}

async function skipValue(reader: BoundedReader, type: number, depth: number): Promise<void> {
  const scalar = SCALAR_BYTES.get(type);
  if (scalar !== undefined) return reader.skip(BigInt(scalar));
  if (type === STRING) return skipString(reader);
  if (type !== ARRAY || depth >= MAX_ARRAY_DEPTH) {
    throw new GgufLayoutError({ kind: 'damaged', detail: `unknown metadata value type ${type}` });
  }
  const itemType = await reader.u32();
  const count = await reader.u64();
  const itemScalar = SCALAR_BYTES.get(itemType);
  if (itemScalar !== undefined) return reader.skip(count * BigInt(itemScalar));
  // Strings and nested arrays take at least 8 bytes each: refuse counts the file cannot hold.
  if (count * 8n > reader.remaining()) throw new GgufLayoutError({ kind: 'truncated', needed: reader.pos + count * 8n });
  for (let i = 0n; i < count; i++) await skipValue(reader, itemType, depth + 1);
}
