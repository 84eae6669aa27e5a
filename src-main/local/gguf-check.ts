import fs from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../contract/index.js';
import { ggmlTensorBytes } from './ggml-types.js';
import { GgufLayoutError, walkGgufLayout, type GgufLayout, type GgufLayoutProblem } from './gguf-layout.js';

/** GGUF's default alignment of the tensor data. */
const DEFAULT_ALIGNMENT = 32;

/** What the check learned about a model file that passed it. */
export interface ModelFileInfo {
  name: string;
  architecture: string;
  contextLength: number | null;
  sizeBytes: number;
}

// What llama.cpp needs to load a dense attention model. It divides by the head count and sizes
// tensors by the feed-forward length while loading: a missing one kills the process instead of
// raising an error. Checked only where these are known to be plain numbers (hybrid, recurrent and
// mixture-of-experts models vary); anything else is left to llama.cpp, and a worker crash there
// is still reported as a failed load.
const REQUIRED_KEYS = ['context_length', 'embedding_length', 'block_count', 'feed_forward_length', 'attention.head_count'] as const;
const DENSE_ATTENTION_ARCHITECTURES = new Set([
  'llama',
  'mistral3',
  'qwen',
  'qwen2',
  'qwen3',
  'gemma',
  'gemma2',
  'gemma3',
  'phi2',
  'phi3',
  'granite',
  'starcoder2',
  'stablelm',
  'olmo',
  'olmo2',
  'command-r',
  'cohere2',
  'smollm3',
  'internlm2',
  'deepseek',
  'exaone',
  'gpt2',
  'gptneox',
  'falcon',
  'baichuan',
  'bloom',
  'minicpm',
  'glm4',
  'orion',
  'xverse',
]);

/**
 * Checks a model file in the core process before any worker loads it: that it exists, is a
 * complete GGUF file, and has the metadata llama.cpp needs to load it without aborting.
 */
export async function checkModelFile(modelPath: string): Promise<Result<ModelFileInfo>> {
  let stat;
  try {
    stat = await fs.stat(modelPath);
  } catch (error) {
    return statFailure(modelPath, error);
  }
  if (stat.isDirectory()) {
    return fail('model_invalid', `${modelPath} is a folder, not a model file. Choose the .gguf file inside it.`);
  }
  if (!stat.isFile()) return fail('model_invalid', `${modelPath} is not a regular file. Choose a .gguf model file.`);
  if (stat.size === 0) {
    return fail('model_invalid', `${modelPath} is not a GGUF model file: it is empty (0 bytes). Download the model again or choose another .gguf file.`);
  }

  let file;
  try {
    file = await fs.open(modelPath, 'r');
  } catch (error) {
    return statFailure(modelPath, error);
  }
  let layout: GgufLayout;
  try {
    layout = await walkGgufLayout(file, BigInt(stat.size));
  } catch (error) {
    if (error instanceof GgufLayoutError) return layoutFailure(modelPath, error.problem, stat.size);
    return fail('model_invalid', `Duet could not read ${modelPath} (${describe(error)}). Choose another .gguf file.`);
  } finally {
    await file.close();
  }
  const { metadata, headerEnd } = layout;

  const architecture = metadata.get('general.architecture');
  if (typeof architecture !== 'string' || architecture.length === 0) {
    return fail(
      'model_invalid',
      `${modelPath} cannot be used: it does not say which model architecture it is (general.architecture). The file is damaged or was not made for llama.cpp; choose another .gguf file.`,
    );
  }
  const archValue = (key: string): unknown => metadata.get(`${architecture}.${key}`);
  const dense = DENSE_ATTENTION_ARCHITECTURES.has(architecture);
  for (const key of dense ? REQUIRED_KEYS : []) {
    if (!isPositiveCount(archValue(key))) return missingKey(modelPath, architecture, key);
  }
  const headCountKv = archValue('attention.head_count_kv');
  // llama.cpp divides the head count by the KV head count; zero or a non-divisor aborts it.
  if (dense && headCountKv !== undefined && !Array.isArray(headCountKv)) {
    const heads = asCount(archValue('attention.head_count'));
    const kvHeads = asCount(headCountKv);
    if (heads !== null && (kvHeads === null || kvHeads === 0 || heads % kvHeads !== 0)) {
      return fail(
        'model_invalid',
        // headCountKv is a GGUF scalar here (arrays are excluded above), so String() shows its value.
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        `${modelPath} cannot be used: ${architecture}.attention.head_count_kv (${String(headCountKv)}) does not divide the head count (${heads}). The file is damaged or was made by an incompatible tool; choose another .gguf file.`,
      );
    }
  }

  // Tensor offsets count from the start of the data: the end of the header, padded to the file's
  // alignment (general.alignment, 32 bytes by default). Every tensor's bytes must be in the file.
  const alignment = BigInt(asCount(metadata.get('general.alignment')) || DEFAULT_ALIGNMENT);
  const dataStart = ((headerEnd + alignment - 1n) / alignment) * alignment;
  let dataEnd = 0n;
  for (const tensor of layout.tensors) {
    const bytes = ggmlTensorBytes(tensor.ggmlType, tensor.dimensions);
    if (bytes === 'partial-block') return damagedTensor(modelPath, tensor.name, 'does not fill whole blocks of its type');
    const start = dataStart + tensor.offset;
    // A type newer than this table: at least its first byte must be in the file.
    const end = start + (bytes ?? 1n);
    if (end > dataEnd) dataEnd = end;
  }
  if (dataEnd > BigInt(stat.size)) return truncated(modelPath, stat.size, dataEnd);

  const contextLength = asCount(archValue('context_length'));
  const generalName = metadata.get('general.name');
  return ok({
    name: typeof generalName === 'string' && generalName.trim() ? generalName.trim() : path.basename(modelPath).replace(/\.gguf$/i, ''),
    architecture,
    contextLength,
    sizeBytes: stat.size,
  });
}

function statFailure(modelPath: string, error: unknown): Result<never> {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return fail('model_missing', `No model file at ${modelPath}. Choose a .gguf file that exists (it may have been moved or deleted), then load it again.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return fail('model_invalid', `Duet is not allowed to read ${modelPath} (permission denied). Give your user read access to the file, or choose another .gguf file.`);
  }
  return fail('model_invalid', `Duet could not open ${modelPath} (${describe(error)}). Choose another .gguf file.`);
}

function layoutFailure(modelPath: string, problem: GgufLayoutProblem, size: number): Result<never> {
  switch (problem.kind) {
    case 'not-gguf':
      return fail('model_invalid', `${modelPath} is not a GGUF model file. Duet runs models in the GGUF format (files ending in .gguf); choose one of those.`);
    case 'unsupported-version':
      return fail(
        'model_invalid',
        `${modelPath} uses GGUF version ${problem.version}, which this version of Duet cannot read. Download a current GGUF (version 3) of the model.`,
      );
    case 'truncated':
      return truncated(modelPath, size, problem.needed);
    case 'damaged':
      return fail('model_invalid', `${modelPath} is a damaged GGUF model file: ${problem.detail}. Download it again or choose another .gguf file.`);
  }
}

function truncated(modelPath: string, size: number, needed: bigint): Result<never> {
  return fail(
    'model_invalid',
    `${modelPath} is incomplete: the file has ${size.toLocaleString('en-US')} bytes but its header describes at least ${needed.toLocaleString('en-US')}. It was probably cut off while downloading or copying; download it again.`,
  );
}

function missingKey(modelPath: string, architecture: string, key: string): Result<never> {
  return fail(
    'model_invalid',
    `${modelPath} cannot be used: it lacks ${architecture}.${key}, which a ${architecture} model needs to load. The file is damaged or was made by an incompatible tool; choose another .gguf file.`,
  );
}

function damagedTensor(modelPath: string, name: string, problem: string): Result<never> {
  return fail('model_invalid', `${modelPath} is a damaged GGUF model file: tensor ${name} ${problem}. Download it again or choose another .gguf file.`);
}

/** A count as llama.cpp reads it: a non-negative integer, or per-layer array of them (largest wins). */
function asCount(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'bigint' && value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
  if (Array.isArray(value) && value.length > 0) {
    const counts = value.map(asCount);
    if (counts.some((c) => c === null)) return null;
    return Math.max(...(counts as number[]));
  }
  return null;
}

function isPositiveCount(value: unknown): boolean {
  const count = asCount(value);
  return count !== null && count > 0;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
