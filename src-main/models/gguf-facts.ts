import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs/promises';
import path from 'node:path';
// node-llama-cpp is imported when a file is read, not when the core starts (it costs a second or more).
import type { GgmlType, Llama } from 'node-llama-cpp';
import type { GgufFacts } from '../contract/index.js';
import { ggufHeaderFits } from './gguf-bounds.js';

/** Gives the llama.cpp bindings GgufInsights needs to size tensors; shared so the core loads them once. */
export type LlamaProvider = () => Promise<Llama>;

let cpuLlama: Promise<Llama> | null = null;

/**
 * The CPU bindings, loaded once per process. Only type sizes are read from them here: no GPU is
 * touched and no model is loaded in this process.
 */
export const defaultLlama: LlamaProvider = () => {
  cpuLlama ??= import('node-llama-cpp')
    .then(({ getLlama, LlamaLogLevel }) => getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error }))
    .catch((error: unknown) => {
      cpuLlama = null;
      throw error;
    });
  return cpuLlama;
};

/** A file's facts, or why it is not a usable GGUF model. */
export type FactsResult = { ok: true; facts: GgufFacts; sizeBytes: number } | { ok: false; problem: string };

const MAGIC = Buffer.from('GGUF', 'ascii');
/** Magic, version, tensor count and metadata count. */
const HEADER_BYTES = 24;
/** A metadata entry: key length (8), a one-byte key, value type (4), a one-byte value. */
const MIN_KV_BYTES = 14;
/** A tensor info: name length (8), a one-byte name, dimension count (4), one dimension (8), type (4), offset (8). */
const MIN_TENSOR_INFO_BYTES = 33;

/**
 * Reads what a GGUF file says about its model, without loading it. A file that is not GGUF, is
 * cut short or cannot be parsed gives a problem instead: readGgufFileInfo reads past the end of a
 * file as zeros, so the header and the tensor data are checked against the real size here.
 */
export async function readGgufFacts(file: string, llama: LlamaProvider = defaultLlama): Promise<FactsResult> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, problem: 'It is not a regular file.' };
    size = stat.size;
  } catch (error) {
    return { ok: false, problem: `Duet could not read it (${describe(error)}).` };
  }
  const header = await readHeader(file);
  if (header === null) return { ok: false, problem: 'It is not a GGUF model file.' };
  if (header.version !== 2 && header.version !== 3) return { ok: false, problem: `It uses GGUF version ${header.version}, which Duet cannot read.` };
  // The parser believes every count and length and reads past the end as zeros: a damaged one would
  // have it walk millions of phantom entries, or abort the process. Each must fit in the real file.
  if (header.kvCount * MIN_KV_BYTES + header.tensorCount * MIN_TENSOR_INFO_BYTES + HEADER_BYTES > size || !(await headerFits(file, size))) {
    return { ok: false, problem: incomplete(size) };
  }

  const llamaCpp = await import('node-llama-cpp');
  const { GgufInsights, readGgufFileInfo } = llamaCpp;
  let info;
  try {
    info = await readGgufFileInfo(file, { readTensorInfo: true, logWarnings: false, spliceSplitFiles: false, sourceType: 'filesystem' });
  } catch (error) {
    return { ok: false, problem: `It is a damaged GGUF file (${describe(error)}).` };
  }
  const dataStart = info.infoEndOffset ?? 0;
  if (dataStart > size) return { ok: false, problem: incomplete(size) };

  let insights;
  try {
    insights = await GgufInsights.from(info, await llama());
  } catch (error) {
    return { ok: false, problem: `Its tensors could not be read (${describe(error)}).` };
  }
  // modelSize never exceeds the tensor data region (it ignores alignment padding), and the last
  // tensor must begin inside the file: together they catch a file cut off while downloading.
  const lastStart = Math.max(0, ...(info.tensorInfo ?? []).map((tensor) => Number(tensor.fileOffset)));
  if (dataStart + insights.modelSize > size || lastStart >= size) return { ok: false, problem: incomplete(size) };

  const architecture: unknown = info.metadata.general?.architecture;
  if (typeof architecture !== 'string' || architecture.length === 0) {
    return { ok: false, problem: 'It does not say which model architecture it is.' };
  }
  const generalName = info.metadata.general?.name;
  const parameters = insights.totalParameters;
  return {
    ok: true,
    sizeBytes: size,
    facts: {
      name: typeof generalName === 'string' && generalName.trim() ? generalName.trim() : path.basename(file).replace(/\.gguf$/i, ''),
      architecture,
      quantisation: quantisationOf(llamaCpp, info.metadata.general?.file_type, insights.dominantTensorType),
      contextLength: positiveInt(insights.trainContextSize),
      parameters: parameters > 0 ? parameters : null,
    },
  };
}

/** The name people use for a file type (Q4_K_M), from general.file_type or else the dominant tensor type. */
function quantisationOf({ GgufFileType, GgmlType }: typeof import('node-llama-cpp'), fileType: unknown, dominant: GgmlType | undefined): string | null {
  if (typeof fileType === 'number' && GgufFileType[fileType] !== undefined) {
    return GgufFileType[fileType].replace(/^(MOSTLY|ALL)_/, '');
  }
  return dominant !== undefined && GgmlType[dominant] !== undefined ? GgmlType[dominant] : null;
}

async function headerFits(file: string, size: number): Promise<boolean> {
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(file, 'r');
    return await ggufHeaderFits(handle, size);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** The fixed start of a GGUF file (magic, version, counts), or null when the file does not start with one. */
async function readHeader(file: string): Promise<{ version: number; tensorCount: number; kvCount: number } | null> {
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(file, 'r');
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    if (bytesRead < 4 || !head.subarray(0, 4).equals(MAGIC)) return null;
    if (bytesRead < HEADER_BYTES) return { version: bytesRead >= 8 ? head.readUInt32LE(4) : 0, tensorCount: Infinity, kvCount: Infinity };
    return { version: head.readUInt32LE(4), tensorCount: Number(head.readBigUInt64LE(8)), kvCount: Number(head.readBigUInt64LE(16)) };
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function incomplete(size: number): string {
  return `It is incomplete (${size.toLocaleString('en-US')} bytes, less than its header describes): probably cut off while downloading or copying.`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
