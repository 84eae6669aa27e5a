// Writes data/privacy/ordinary-text.jsonl: pieces of Duet's own documentation, source code and
// Chinese interface strings, each as a user might paste it ("Summarise this: …"), for the learned
// privacy check to learn that ordinary text is not personal. Without them it had seen only
// benchmark questions as "not personal", and read most pasted READMEs as personal. Frozen in a
// file (not read from the tree at training time) so that retraining gives the same model after
// the docs change. Usage: npx tsx scripts/router/make-ordinary-text.ts
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../test/support/seeded-random.js';
import { repoRoot } from '../router-data.js';

const PIECES = 1500;
const SEED = 20261130;
const root = repoRoot();
const rand = mulberry32(SEED);

/** Every file under `dir` whose name ends with one of `ext`, sorted (so the output is stable). */
function filesUnder(dir: string, ext: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, ext));
    else if (ext.some((e) => entry.name.endsWith(e))) out.push(rel);
  }
  return out.sort();
}

// The privacy fixtures' README quotes sensitive prompts: it is left out on purpose.
const prose = ['README.md', 'docs/architecture.md', 'docs/GPU-CHECK.md', 'resources/router/README.md', 'data/router/README.md'];
const code = [...filesUnder('src-main', ['.ts']), ...filesUnder('src-renderer', ['.ts', '.svelte'])];
/** Every string in a nested object of strings, in order. */
const strings = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : []);
const zhStrings = strings(JSON.parse(fs.readFileSync(path.join(root, 'src-renderer/lib/i18n/locales/zh-CN.json'), 'utf8')));

const ASKS = {
  prose: ['Summarise this:\n', 'Explain this to me in plain words:\n', 'Translate into Chinese:\n', 'Make this shorter:\n', 'What does this mean?\n', ''],
  code: ['Review this code:\n', 'What does this do?\n', 'Find the bug:\n', 'Add comments to this:\n', ''],
  zh: ['翻译成英文：\n', '帮我润色一下：\n', '这段是什么意思？\n', ''],
} as const;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** A piece of 150 to 1,500 characters from a random place in the text, cut at line starts. */
function piece(text: string): string {
  const len = 150 + Math.floor(rand() * 1350);
  let start = Math.floor(rand() * Math.max(1, text.length - len));
  const nl = text.lastIndexOf('\n', start);
  start = nl < 0 ? 0 : nl + 1;
  return text.slice(start, start + len).trim();
}

const texts = {
  prose: prose.map((f) => fs.readFileSync(path.join(root, f), 'utf8')),
  code: code.map((f) => fs.readFileSync(path.join(root, f), 'utf8')),
};
const lines: string[] = [];
for (let i = 0; i < PIECES; i++) {
  const r = rand();
  let text: string;
  if (r < 0.45) text = pick(ASKS.prose) + piece(pick(texts.prose));
  else if (r < 0.85) text = pick(ASKS.code) + piece(pick(texts.code));
  else {
    const start = Math.floor(rand() * zhStrings.length);
    text = pick(ASKS.zh) + zhStrings.slice(start, start + 3 + Math.floor(rand() * 12)).join('\n');
  }
  if (text.trim().length > 0) lines.push(JSON.stringify({ text }));
}
const out = path.join(root, 'data', 'privacy', 'ordinary-text.jsonl');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${lines.join('\n')}\n`);
process.stdout.write(
  `${JSON.stringify({ wrote: path.relative(root, out), pieces: lines.length, from: { prose, codeFiles: code.length, zhStrings: zhStrings.length } })}\n`,
);
