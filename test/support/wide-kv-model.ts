// A chat model whose context is expensive: the tiny model's tokenizer, embeddings and output, with
// blocks of many wide attention heads whose weights are all zero. Its KV cache costs `kvBytesPerToken`
// per token of context (f16 keys and values), so a long context needs hundreds of MiB while the file
// stays a few MiB. Zero attention and a switched-off feed-forward add nothing to the residual stream,
// so the model still recites the tiny model's greeting (not its keyword answer: that head is gone).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeF32, encodeGguf, gguf, type GgufTensor } from '../fixtures/gguf-writer.js';
import { buildTinyModel } from '../fixtures/tiny-model.js';

const EMBED = 64; // the tiny model's residual width
const LAYERS = 4;
const HEADS = 4;
const HEAD_DIM = 1024;

/** The wide model's trained context: long enough that the tests' fixed sizes are all allowed. */
export const WIDE_TRAINED_CONTEXT = 131_072;

/** KV cache bytes per token of context: keys and values, f16, every layer. */
export const WIDE_KV_BYTES_PER_TOKEN = LAYERS * 2 * HEADS * HEAD_DIM * 2;

/** Writes the wide-KV model into `dir` and returns its path. */
export function writeWideKvModel(dir: string): string {
  const tiny = buildTinyModel();
  const kept = tiny.tensors.filter((t) => !t.name.startsWith('blk.'));
  const zeros = (name: string, dims: number[]): GgufTensor => ({
    name,
    dims,
    type: 'F16',
    data: new Uint8Array(dims.reduce((a, b) => a * b, 1) * 2),
  });
  const f32 = (name: string, value: number): GgufTensor => ({ name, dims: [EMBED], type: 'F32', data: encodeF32(new Float32Array(EMBED).fill(value)) });
  const width = HEADS * HEAD_DIM;
  const blocks: GgufTensor[] = [];
  for (let l = 0; l < LAYERS; l++) {
    const b = `blk.${l}`;
    blocks.push(
      f32(`${b}.attn_norm.weight`, 1),
      zeros(`${b}.attn_q.weight`, [EMBED, width]),
      zeros(`${b}.attn_k.weight`, [EMBED, width]),
      zeros(`${b}.attn_v.weight`, [EMBED, width]),
      zeros(`${b}.attn_output.weight`, [width, EMBED]),
      f32(`${b}.ffn_norm.weight`, 0), // feed-forward off, as in the tiny model
      zeros(`${b}.ffn_gate.weight`, [EMBED, 32]),
      zeros(`${b}.ffn_down.weight`, [32, EMBED]),
      zeros(`${b}.ffn_up.weight`, [EMBED, 32]),
    );
  }
  const metadata = {
    ...tiny.metadata,
    'general.name': gguf.string('duet-wide-kv-chat'),
    'llama.context_length': gguf.uint32(WIDE_TRAINED_CONTEXT),
    'llama.block_count': gguf.uint32(LAYERS),
    'llama.feed_forward_length': gguf.uint32(32),
    'llama.attention.head_count': gguf.uint32(HEADS),
    'llama.attention.head_count_kv': gguf.uint32(HEADS),
    'llama.attention.key_length': gguf.uint32(HEAD_DIM),
    'llama.attention.value_length': gguf.uint32(HEAD_DIM),
    'llama.rope.dimension_count': gguf.uint32(HEAD_DIM),
  };
  const file = path.join(dir, 'wide-kv-chat.gguf');
  writeFileSync(file, encodeGguf(metadata, [...kept, ...blocks]));
  return file;
}
