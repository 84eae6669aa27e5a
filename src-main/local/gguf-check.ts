import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail, ok, type Result } from '../contract/index.js';
import { ggmlTensorBytes } from './ggml-types.js';
import { GgufLayoutError, walkGgufLayout, type GgufLayoutProblem } from './gguf-layout.js';

type ReadGgufFileInfo = (typeof import('node-llama-cpp'))['readGgufFileInfo'];
let reader: Promise<ReadGgufFileInfo> | null = null;

/**
 * node-llama-cpp's GGUF reader, imported at the first check. Only its own module is imported
 * (about 0.2 s), not the whole package (1 s or more, and ~25 MiB the core would keep for nothing):
 * the core process never runs llama.cpp. If the package's layout changes, the whole package it is.
 */
function ggufReader(): Promise<ReadGgufFileInfo> {
  reader ??= (async () => {
    try {
      const entry = createRequire(import.meta.url).resolve('node-llama-cpp');
      const file = path.join(path.dirname(entry), 'gguf', 'readGgufFileInfo.js');
      const module = (await import(pathToFileURL(file).href)) as { readGgufFileInfo?: unknown };
      if (typeof module.readGgufFileInfo === 'function') return module.readGgufFileInfo as ReadGgufFileInfo;
    } catch {
      // Fall back to the package's own entry.
    }
    return (await import('node-llama-cpp')).readGgufFileInfo;
  })();
  return reader;
}

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
  let headerEnd: bigint;
  try {
    headerEnd = (await walkGgufLayout(file, BigInt(stat.size))).headerEnd;
  } catch (error) {
    if (error instanceof GgufLayoutError) return layoutFailure(modelPath, error.problem, stat.size);
    return fail('model_invalid', `Duet could not read ${modelPath} (${describe(error)}). Choose another .gguf file.`);
  } finally {
    await file.close();
  }

  let info;
  try {
    const readGgufFileInfo = await ggufReader();
    info = await readGgufFileInfo(modelPath, { readTensorInfo: true, logWarnings: false, spliceSplitFiles: false, sourceType: 'filesystem' });
  } catch (error) {
    return fail('model_invalid', `${modelPath} is a damaged GGUF model file (${describe(error)}). Download it again or choose another .gguf file.`);
  }
  const dataStart = BigInt(info.infoEndOffset ?? 0);
  if (dataStart < headerEnd) {
    return fail('model_invalid', `${modelPath} is a damaged GGUF model file: its header is inconsistent. Download it again or choose another .gguf file.`);
  }

  const metadata: unknown = info.metadata;
  const architecture = valueAt(metadata, ['general', 'architecture']);
  if (typeof architecture !== 'string' || architecture.length === 0) {
    return fail(
      'model_invalid',
      `${modelPath} cannot be used: it does not say which model architecture it is (general.architecture). The file is damaged or was not made for llama.cpp; choose another .gguf file.`,
    );
  }
  const archMetadata = valueAt(metadata, [architecture]);
  const dense = DENSE_ATTENTION_ARCHITECTURES.has(architecture);
  for (const key of dense ? REQUIRED_KEYS : []) {
    if (!isPositiveCount(valueAt(archMetadata, key.split('.')))) return missingKey(modelPath, architecture, key);
  }
  const headCountKv = valueAt(archMetadata, ['attention', 'head_count_kv']);
  // llama.cpp divides the head count by the KV head count; zero or a non-divisor aborts it.
  if (dense && headCountKv !== undefined && !Array.isArray(headCountKv)) {
    const heads = asCount(valueAt(archMetadata, ['attention', 'head_count']));
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

  let dataEnd = 0n;
  for (const tensor of info.tensorInfo ?? []) {
    const dims = tensor.dimensions.map((d) => BigInt(d));
    if (dims.some((d) => d < 0n)) return damagedTensor(modelPath, tensor.name, 'has a negative dimension');
    const bytes = ggmlTensorBytes(tensor.ggmlType, dims);
    if (bytes === 'partial-block') return damagedTensor(modelPath, tensor.name, 'does not fill whole blocks of its type');
    const start = dataStart + BigInt(tensor.offset);
    // A type newer than this table: at least its first byte must be in the file.
    const end = start + (bytes ?? 1n);
    if (end > dataEnd) dataEnd = end;
  }
  if (dataEnd > BigInt(stat.size)) return truncated(modelPath, stat.size, dataEnd);

  const contextLength = asCount(valueAt(archMetadata, ['context_length']));
  const generalName = valueAt(metadata, ['general', 'name']);
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

/** Follows a path of keys through nested metadata; undefined when any step is missing. */
function valueAt(root: unknown, keys: readonly string[]): unknown {
  let current = root;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
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
