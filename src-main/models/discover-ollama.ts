import fs from 'node:fs/promises';
import path from 'node:path';
import { SearchBudget, statOf, walkFiles, type WalkedFile } from './discover-walk.js';

/** The layer of an Ollama manifest that holds the model weights (a GGUF file). */
const MODEL_LAYER = 'application/vnd.ollama.image.model';
const DEFAULT_REGISTRY = 'registry.ollama.ai';
/** Manifests are a few hundred bytes; anything far larger is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** An Ollama model: its blob on disk and the name `ollama run` knows it by. */
export interface OllamaModel extends WalkedFile {
  name: string;
}

/**
 * Reads Ollama's manifests (`manifests/<registry>/<namespace>/<model>/<tag>`) and returns the
 * blob each one names as its model layer (`blobs/sha256-<hex>`), where that blob exists.
 */
export async function ollamaModels(modelsFolder: string, budget: SearchBudget): Promise<OllamaModel[]> {
  const manifestsFolder = path.join(modelsFolder, 'manifests');
  const manifests = await walkFiles(manifestsFolder, 4, () => true, budget);
  const models: OllamaModel[] = [];
  for (const manifest of manifests) {
    const parts = path.relative(manifestsFolder, manifest.path).split(path.sep);
    if (parts.length !== 4 || manifest.sizeBytes > MAX_MANIFEST_BYTES) continue;
    const digest = await modelDigest(manifest.path);
    if (!digest) continue;
    const blob = path.join(modelsFolder, 'blobs', `sha256-${digest}`);
    const stat = await statOf(blob);
    if (!stat?.isFile()) continue;
    models.push({ path: blob, identity: `${stat.dev}:${stat.ino}`, sizeBytes: stat.size, name: ollamaName(parts) });
  }
  return models;
}

/** The hex digest of a manifest's model layer, or null when the file is not such a manifest. */
async function modelDigest(manifestPath: string): Promise<string | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
  } catch {
    return null;
  }
  const layers = typeof parsed === 'object' && parsed !== null && 'layers' in parsed ? parsed.layers : null;
  if (!Array.isArray(layers)) return null;
  for (const layer of layers as unknown[]) {
    if (typeof layer !== 'object' || layer === null) continue;
    const { mediaType, digest } = layer as { mediaType?: unknown; digest?: unknown };
    if (mediaType !== MODEL_LAYER || typeof digest !== 'string') continue;
    const match = /^sha256[:-]([0-9a-f]{64})$/.exec(digest);
    if (match) return match[1] ?? null;
  }
  return null;
}

/** `llama3.2:3b` for the default registry's library, `user/model:tag` or `host/user/model:tag` otherwise. */
function ollamaName([registry, namespace, model, tag]: string[]): string {
  if (registry === DEFAULT_REGISTRY) return namespace === 'library' ? `${model}:${tag}` : `${namespace}/${model}:${tag}`;
  return `${registry}/${namespace}/${model}:${tag}`;
}
