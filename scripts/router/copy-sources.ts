// tsx scripts/router/copy-sources.ts SHARED_DIR — copies the ZeroEval, MMLU-Pro and LLMRouter
// router data (data.jsonl, README.md, stats.json) from SHARED_DIR (a checkout of the shared
// router-data folder) into data/router/<source>/, keeping in `labels` only the models listed in
// KEPT_LABELS (the 1-9B "local" candidates and a few strong ones), so the repository stays lean but
// the weak model can still be re-chosen. Every other field and every row is copied unchanged.
// Deterministic: the same input writes the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per source, the models whose per-prompt results are kept (every other label is dropped). */
export const KEPT_LABELS: Record<string, readonly string[]> = {
  zeroeval: [
    'Meta-Llama-3.1-8B-Instruct',
    'Meta-Llama-3-8B-Instruct',
    'Phi-3.5-mini-instruct',
    'Phi-3-mini-4k-instruct',
    'gemma-2-2b-it',
    'gemma-2-9b-it',
    'Qwen2-7B-Instruct',
    'Qwen2.5-3B-Instruct',
    'Qwen2.5-7B-Instruct',
    'Yi-1.5-9B-Chat',
    'Mixtral-8x7B-Instruct-v0.1',
    'gpt-4o-mini-2024-07-18',
    'gpt-4o-2024-08-06',
    'claude-3-5-sonnet-20240620',
  ],
  mmlu_pro: [
    'Meta-Llama-3.1-8B-Instruct',
    'Mistral-7B-Instruct-v0.2',
    'Phi-3-mini-4k-instruct',
    'Qwen1.5-7B-Chat',
    'Yi-6b-Chat',
    'gemma-7b',
    'Mixtral-8x7B-Instruct-v0.1',
    'Meta-Llama-3.1-70B-Instruct',
    'gemini-1.5-flash-002',
    'gemini-1.5-pro-002',
  ],
  llmrouter: [
    'llama-3.1-8b-instruct',
    'qwen2.5-7b-instruct',
    'mistral-7b-instruct-v0.3',
    'gemma-2-9b-it',
    'codegemma-7b',
    'llama3-chatqa-1.5-8b',
    'llama3-chatqa-1.5-70b',
    'llama-3.1-nemotron-51b-instruct',
    'llama-3.3-nemotron-super-49b-v1',
  ],
};

/** One line of a source's data.jsonl with its labels trimmed to `keep` (key order preserved). */
export function trimLine(line: string, keep: readonly string[]): string {
  const rec = JSON.parse(line) as Record<string, unknown>;
  const labels = (rec.labels ?? {}) as Record<string, number>;
  const kept: Record<string, number> = {};
  for (const m of keep) if (m in labels) kept[m] = labels[m]!;
  return JSON.stringify({ ...rec, labels: kept });
}

function main(): void {
  const shared = process.argv[2];
  if (!shared) throw new Error('usage: tsx scripts/router/copy-sources.ts SHARED_ROUTER_DATA_DIR');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (const [source, keep] of Object.entries(KEPT_LABELS)) {
    const from = path.join(shared, source);
    const to = path.join(root, 'data', 'router', source);
    fs.mkdirSync(to, { recursive: true });
    const lines = fs
      .readFileSync(path.join(from, 'data.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    fs.writeFileSync(path.join(to, 'data.jsonl'), lines.map((l) => `${trimLine(l, keep)}\n`).join(''));
    fs.copyFileSync(path.join(from, 'stats.json'), path.join(to, 'stats.json'));
    fs.copyFileSync(path.join(from, 'README.md'), path.join(to, 'README.md'));
    process.stdout.write(`${source}: ${lines.length} rows, ${keep.length} models kept in labels\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
