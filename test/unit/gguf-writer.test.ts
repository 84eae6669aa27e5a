import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GGUF_ALIGNMENT,
  encodeF16,
  encodeF32,
  encodeGguf,
  encodeQ8_0,
  ggufFileSize,
  gguf,
  toFloat16Bits,
  writeGguf,
  type GgufMetadata,
  type GgufTensor,
} from '../fixtures/gguf-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'duet-gguf-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const metadata: GgufMetadata = {
  'general.architecture': gguf.string('llama'),
  'general.name': gguf.string('writer test ✓'),
  'test.count': gguf.uint32(4_000_000_000),
  'test.offset': gguf.int32(-42),
  'test.ratio': gguf.float32(0.25),
  'test.enabled': gguf.bool(true),
  'test.disabled': gguf.bool(false),
  'test.words': gguf.strings(['<0x0A>', '▁hello', '']),
  'test.scores': gguf.float32s([0.5, -1.5, 3]),
  'test.types': gguf.int32s([1, -6, 3]),
};

const f32Values = [1, -2, 0.5, 3.25, 0, 7, -8, 9];
const f16Values = Array.from({ length: 12 }, (_, i) => (i - 6) / 4);
const q8Values = Array.from({ length: 64 }, (_, i) => Math.sin(i) * (i < 32 ? 1 : 0.01));
const tensors: GgufTensor[] = [
  { name: 'small.f32', dims: [4, 2], type: 'F32', data: encodeF32(f32Values) },
  { name: 'odd.f16', dims: [3, 4], type: 'F16', data: encodeF16(f16Values) }, // 24 bytes: needs padding
  // Streamed in two chunks, as the bench model does.
  { name: 'blocks.q8_0', dims: [32, 2], type: 'Q8_0', data: () => [encodeQ8_0(q8Values.slice(0, 32)), encodeQ8_0(q8Values.slice(32))] },
];

/** Reads a nested metadata value such as `test.count` from readGgufFileInfo's metadata object. */
function lookup(meta: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], meta);
}

function halfToNumber(bits: number): number {
  const exp = (bits >> 10) & 0x1f;
  const mant = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

describe('gguf-writer', () => {
  const file = join(dir, 'writer.gguf');
  const bytes = encodeGguf(metadata, tensors);
  writeFileSync(file, bytes);

  it('writes metadata that node-llama-cpp reads back with the same types and values', async () => {
    const info = await readGgufFileInfo(file, { logWarnings: false });
    expect(info.version).toBe(3);
    const meta = info.metadata;
    expect(lookup(meta, 'general.architecture')).toBe('llama');
    expect(lookup(meta, 'general.name')).toBe('writer test ✓');
    expect(lookup(meta, 'general.alignment')).toBe(GGUF_ALIGNMENT);
    expect(lookup(meta, 'test.count')).toBe(4_000_000_000);
    expect(lookup(meta, 'test.offset')).toBe(-42);
    expect(lookup(meta, 'test.ratio')).toBe(0.25);
    expect(lookup(meta, 'test.enabled')).toBe(true);
    expect(lookup(meta, 'test.disabled')).toBe(false);
    expect(lookup(meta, 'test.words')).toEqual(['<0x0A>', '▁hello', '']);
    expect(lookup(meta, 'test.scores')).toEqual([0.5, -1.5, 3]);
    expect(lookup(meta, 'test.types')).toEqual([1, -6, 3]);
  });

  it('writes tensor infos with shapes, types and aligned offsets', async () => {
    const info = await readGgufFileInfo(file, { logWarnings: false });
    const infos = (info.tensorInfo ?? []).map((t) => ({
      name: t.name,
      dims: t.dimensions.map(Number),
      type: t.ggmlType,
      offset: Number(t.offset),
    }));
    expect(infos).toEqual([
      { name: 'small.f32', dims: [4, 2], type: 0, offset: 0 },
      { name: 'odd.f16', dims: [3, 4], type: 1, offset: 32 },
      { name: 'blocks.q8_0', dims: [32, 2], type: 8, offset: 64 },
    ]);
    expect((info.infoEndOffset ?? 1) % GGUF_ALIGNMENT).toBe(0);
    expect(bytes.length).toBe(ggufFileSize(metadata, tensors));
  });

  it('stores tensor data where the tensor infos say, in the declared encoding', async () => {
    const info = await readGgufFileInfo(file, { logWarnings: false });
    const at = (name: string): number => Number(info.tensorInfo?.find((t) => t.name === name)?.fileOffset);

    const f32 = Array.from({ length: 8 }, (_, i) => bytes.readFloatLE(at('small.f32') + 4 * i));
    expect(f32).toEqual(f32Values);

    const f16 = Array.from({ length: 12 }, (_, i) => halfToNumber(bytes.readUInt16LE(at('odd.f16') + 2 * i)));
    expect(f16).toEqual(f16Values); // quarters are exact in half precision

    const q8 = at('blocks.q8_0');
    for (let block = 0; block < 2; block++) {
      const start = q8 + block * 34;
      const scale = halfToNumber(bytes.readUInt16LE(start));
      for (let i = 0; i < 32; i++) {
        const original = q8Values[block * 32 + i]!;
        expect(scale * bytes.readInt8(start + 2 + i)).toBeCloseTo(original, block === 0 ? 2 : 4);
      }
    }
  });

  it('streams the same bytes to disk as it encodes in memory', async () => {
    const streamed = join(dir, 'streamed.gguf');
    const written = await writeGguf(streamed, metadata, tensors);
    expect(written).toBe(bytes.length);
    expect(readFileSync(streamed).equals(bytes)).toBe(true);
  });

  it('rejects tensor data that does not match the shape', () => {
    const wrong: GgufTensor = { name: 'wrong', dims: [4], type: 'F32', data: encodeF32([1, 2, 3]) };
    expect(() => encodeGguf({}, [wrong])).toThrow(/12 bytes.*16/);
    expect(() => encodeQ8_0([1, 2, 3])).toThrow(/multiple of 32/);
  });

  it('converts to half precision like IEEE 754', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(1e6)).toBe(0x7c00);
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(toFloat16Bits(0.1)).toBe(0x2e66);
  });
});
