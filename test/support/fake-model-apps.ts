// Fake LM Studio, Jan, GPT4All and Ollama folders in a temporary home, holding real GGUF files
// (the tiny chat model, a header-only qwen2 Q4_K_M file, broken ones), for the "found on disk" search.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeNotGguf, writeTruncatedModel } from '../fixtures/bad-models.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { encodeGguf, gguf } from '../fixtures/gguf-writer.js';

/** The name, architecture, quantisation and trained context of the header-only model. */
export const QWEN_FACTS = { name: 'Fake Qwen2.5 0.5B Instruct', architecture: 'qwen2', quantisation: 'Q4_K_M', contextLength: 32768 };

/** A small well-formed GGUF that says it is a qwen2 Q4_K_M model (it is not meant to be loaded). */
export function encodeQwenLike(): Buffer {
  return encodeGguf(
    {
      'general.architecture': gguf.string('qwen2'),
      'general.name': gguf.string(QWEN_FACTS.name),
      'general.file_type': gguf.uint32(15),
      'qwen2.context_length': gguf.uint32(QWEN_FACTS.contextLength),
      'qwen2.embedding_length': gguf.uint32(32),
      'qwen2.block_count': gguf.uint32(1),
    },
    [{ name: 'token_embd.weight', dims: [32, 8], type: 'F32', data: new Uint8Array(32 * 8 * 4) }],
  );
}

/** A vision projector (architecture clip), as LM Studio keeps beside a vision model: not a chat model. */
export function encodeProjector(): Buffer {
  return encodeGguf({ 'general.architecture': gguf.string('clip'), 'general.name': gguf.string('a projector') }, [
    { name: 'v.patch_embd.weight', dims: [32, 2], type: 'F32', data: new Uint8Array(32 * 2 * 4) },
  ]);
}

function put(file: string, bytes?: Buffer | string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  if (bytes === undefined) copyFileSync(TINY_MODEL_FILE, file);
  else writeFileSync(file, bytes);
  return file;
}

/** Installs a model in a fake Ollama folder: the blob and a manifest `<registry>/<ns>/<model>/<tag>` naming it. */
export function putOllamaModel(modelsFolder: string, name: { registry?: string; namespace?: string; model: string; tag: string }, bytes: Buffer): string {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const blob = put(path.join(modelsFolder, 'blobs', `sha256-${digest}`), bytes);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: `sha256:${'0'.repeat(64)}`, size: 10 },
    layers: [
      { mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${digest}`, size: bytes.length },
      { mediaType: 'application/vnd.ollama.image.template', digest: `sha256:${'1'.repeat(64)}`, size: 10 },
    ],
  };
  const where = [name.registry ?? 'registry.ollama.ai', name.namespace ?? 'library', name.model, name.tag];
  put(path.join(modelsFolder, 'manifests', ...where), JSON.stringify(manifest));
  return blob;
}

/** The paths of what `buildFakeApps` wrote. */
export interface FakeApps {
  lmStudio: string;
  lmStudioOld: string;
  janOld: string;
  janNew: string;
  gpt4all: string;
  ollamaBlob: string;
}

/** Fills `home` with one good model per app folder (Linux layout) plus broken files beside them. */
export function buildFakeApps(home: string): FakeApps {
  const apps: FakeApps = {
    lmStudio: put(path.join(home, '.lmstudio/models/duet-community/Tiny-Chat-GGUF/tiny-chat-F32.gguf')),
    lmStudioOld: put(path.join(home, '.cache/lm-studio/models/old-pub/Qwen-GGUF/qwen-q4_k_m.gguf'), encodeQwenLike()),
    janOld: put(path.join(home, 'jan/models/tiny-jan/model.gguf')),
    janNew: put(path.join(home, '.config/Jan/data/llamacpp/models/qwen-jan/model.gguf'), encodeQwenLike()),
    gpt4all: put(path.join(home, '.local/share/nomic.ai/GPT4All/tiny-gpt4all.gguf')),
    ollamaBlob: putOllamaModel(path.join(home, '.ollama/models'), { model: 'qwen2.5', tag: '0.5b' }, encodeQwenLike()),
  };
  // Things that must not show up, nor stop the search.
  writeTruncatedModel(path.join(home, '.lmstudio/models/duet-community/Broken-GGUF'));
  writeNotGguf(path.join(home, '.lmstudio/models/duet-community/Text-GGUF'));
  put(path.join(home, '.lmstudio/models/duet-community/Tiny-Chat-GGUF/mmproj-tiny-F32.gguf'), encodeProjector());
  put(path.join(home, '.local/share/nomic.ai/GPT4All/incomplete-half-downloaded.gguf'));
  put(path.join(home, '.local/share/nomic.ai/GPT4All/README.txt'), 'not a model');
  put(path.join(home, '.ollama/models/manifests/registry.ollama.ai/library/garbage/latest'), '{ not json');
  put(
    path.join(home, '.ollama/models/manifests/registry.ollama.ai/library/missing-blob/latest'),
    JSON.stringify({
      layers: [{ mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${'a'.repeat(64)}` }],
    }),
  );
  put(path.join(home, '.ollama/models/blobs/sha256-' + 'b'.repeat(64) + '-partial'), encodeQwenLike());
  // Damaged headers that node-llama-cpp's reader would trust: absurd counts, and a key 2 GiB long
  // (reading that one aborts the process unless the lengths are checked against the file first).
  put(path.join(home, '.lmstudio/models/duet-community/Counts-GGUF/absurd-counts.gguf'), Buffer.from('GGUF broken header'));
  put(path.join(home, '.lmstudio/models/duet-community/Key-GGUF/huge-key.gguf'), hugeKeyHeader());
  return apps;
}

/** A GGUF v3 header whose one metadata key claims to be 2 GiB long. */
function hugeKeyHeader(): Buffer {
  const bytes = Buffer.alloc(64);
  bytes.write('GGUF', 0, 'ascii');
  bytes.writeUInt32LE(3, 4);
  bytes.writeBigUInt64LE(0n, 8);
  bytes.writeBigUInt64LE(1n, 16);
  bytes.writeBigUInt64LE(2n ** 31n, 24);
  return bytes;
}
