// Shared data loading for router-train and router-eval, from four sources (data/router/README.md):
// RouteLLM's per-query results of a weak (Mixtral-8x7B) and a strong (GPT-4-1106) model on MMLU,
// GSM8K and MT-Bench, decontaminated exactly as RouteLLM's benchmarks.py does; and ZeroEval,
// MMLU-Pro and LLMRouter (one data.jsonl each, weak model Llama-3.1-8B-Instruct), with the prompts
// matching a RouteLLM contaminated prompt dropped too.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureVector, type HashingSpec } from '../src-main/router/features.js';
import type { TrainExample } from './router/difficulty-train.js';

export const WEAK_MODEL = 'mistralai/Mixtral-8x7B-Instruct-v0.1';
export const STRONG_MODEL = 'gpt-4-1106-preview';

/** The sources a leave-one-source-out evaluation leaves out one at a time. */
export const SOURCES = ['routellm', 'zeroeval', 'mmlu_pro', 'llmrouter'] as const;
export type Source = (typeof SOURCES)[number];

/** RouteLLM's three sets (each one CSV/JSONL layout); the other sources are one set each. */
export const ROUTELLM_SETS = ['mmlu', 'gsm8k', 'mt_bench'] as const;
/** Every training set: each has its own intercept and weight in training. */
export const BENCHMARKS = [...ROUTELLM_SETS, 'zeroeval', 'mmlu_pro', 'llmrouter'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];
type JsonlSource = Exclude<Source, 'routellm'>;

/** The source each set belongs to. */
export function sourceOf(b: Benchmark): Source {
  return (ROUTELLM_SETS as readonly string[]).includes(b) ? 'routellm' : (b as JsonlSource);
}

/**
 * The weak/strong pair read from each data.jsonl's `labels`: Llama-3.1-8B-Instruct is the one model
 * in all three, an instruction-tuned 8B model of the size a user runs locally (data/router/README.md).
 */
export const JSONL_PAIRS: Record<JsonlSource, { weak: string; strong: string }> = {
  zeroeval: { weak: 'Meta-Llama-3.1-8B-Instruct', strong: 'gpt-4o-2024-08-06' },
  mmlu_pro: { weak: 'Meta-Llama-3.1-8B-Instruct', strong: 'gemini-1.5-pro-002' },
  llmrouter: { weak: 'llama-3.1-8b-instruct', strong: 'llama-3.1-nemotron-51b-instruct' },
};

/** One routable query with both models' outcomes. */
export interface RouterItem {
  benchmark: Benchmark;
  source: Source;
  /** Stable id: benchmark, file or question id, row. */
  id: string;
  /** MMLU subject, MT-Bench category, 'gsm8k', or the data.jsonl `category`. */
  group: string;
  /** What the router sees: the prompt (MT-Bench: the first turn, as RouteLLM routes on it). */
  prompt: string;
  /** MMLU/GSM8K: whether each model answered correctly. */
  weakCorrect?: boolean;
  strongCorrect?: boolean;
  /** MT-Bench: the judge's 1-10 score per turn. */
  weakScores?: number[];
  strongScores?: number[];
  /** Per-item quality the metrics average: 0/1 correctness, or the mean MT-Bench score over both turns. */
  weakQuality: number;
  strongQuality: number;
  /** Ground truth: the strong model's quality is higher than the weak model's. */
  needsCloud: boolean;
}

/** The repository root (scripts/ sits directly under it). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/** Where the data lives: DUET_ROUTER_DATA, else data/router in the repository (see its README). */
export function routerDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUET_ROUTER_DATA ? path.resolve(env.DUET_ROUTER_DATA) : path.resolve(repoRoot(), 'data', 'router');
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, newlines (LF or CRLF) and doubled quotes.
 * Returns rows of raw string fields; a trailing newline does not make an empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.length === 0) {
      inQuotes = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field');
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by column name; every row must have the header's width. */
export function parseCsvRecords(text: string, source = 'CSV'): Record<string, string>[] {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new Error(`${source}: empty file`);
  return rows.slice(1).map((r, i) => {
    if (r.length !== header.length) throw new Error(`${source}: row ${i + 2} has ${r.length} fields, expected ${header.length}`);
    const rec: Record<string, string> = {};
    header.forEach((h, j) => (rec[h] = r[j]!));
    return rec;
  });
}

function parseBool(v: string | undefined, where: string): boolean {
  if (v === 'True' || v === 'true') return true;
  if (v === 'False' || v === 'false') return false;
  throw new Error(`${where}: expected True/False, got ${JSON.stringify(v)}`);
}

function readJsonl(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch (e) {
        throw new Error(`${file}: line ${i + 1} is not JSON (${(e as Error).message})`);
      }
    });
}

function contaminated(dir: string): Set<string> {
  const out = new Set<string>();
  for (const rec of readJsonl(path.join(dir, 'contaminated_prompts.jsonl'))) {
    const p = (rec as { eval_prompt?: unknown }).eval_prompt;
    if (typeof p === 'string') out.add(p);
  }
  return out;
}

function correctnessItem(benchmark: Benchmark, id: string, group: string, rec: Record<string, string>, where: string): RouterItem {
  const weakCorrect = parseBool(rec[WEAK_MODEL], where);
  const strongCorrect = parseBool(rec[STRONG_MODEL], where);
  const weakQuality = weakCorrect ? 1 : 0;
  const strongQuality = strongCorrect ? 1 : 0;
  return {
    benchmark,
    source: 'routellm',
    id,
    group,
    prompt: rec.prompt ?? '',
    weakCorrect,
    strongCorrect,
    weakQuality,
    strongQuality,
    needsCloud: strongQuality > weakQuality,
  };
}

/** MMLU: 57 subject CSVs (prompt, weak bool, strong bool), contaminated prompts dropped. */
export function loadMmlu(dataDir = routerDataDir()): RouterItem[] {
  const dir = path.join(dataDir, 'routellm', 'mmlu');
  const drop = contaminated(dir);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^mmlu_.+\.csv$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`${dir}: no mmlu_*.csv files`);
  const items: RouterItem[] = [];
  for (const f of files) {
    const subject = f.slice('mmlu_'.length, -'.csv'.length);
    const recs = parseCsvRecords(fs.readFileSync(path.join(dir, f), 'utf8'), f);
    recs.forEach((rec, i) => {
      if (drop.has(rec.prompt ?? '')) return;
      items.push(correctnessItem('mmlu', `mmlu/${subject}/${i}`, subject, rec, `${f} row ${i + 2}`));
    });
  }
  return items;
}

/** GSM8K: one CSV (prompt, two bools, two responses), contaminated prompts dropped. */
export function loadGsm8k(dataDir = routerDataDir()): RouterItem[] {
  const dir = path.join(dataDir, 'routellm', 'gsm8k');
  const drop = contaminated(dir);
  const recs = parseCsvRecords(fs.readFileSync(path.join(dir, 'gsm8k_responses.csv'), 'utf8'), 'gsm8k_responses.csv');
  const items: RouterItem[] = [];
  recs.forEach((rec, i) => {
    if (drop.has(rec.prompt ?? '')) return;
    items.push(correctnessItem('gsm8k', `gsm8k/${i}`, 'gsm8k', rec, `gsm8k_responses.csv row ${i + 2}`));
  });
  return items;
}

interface MtQuestion {
  question_id: number;
  category: string;
  turns: string[];
}
interface MtJudgement {
  question_id: number;
  model: string;
  score: number;
  turn: number;
}

/**
 * MT-Bench: 80 two-turn questions; a question is dropped when either turn is contaminated
 * (as RouteLLM does). Each model's quality is the mean judge score over both turns, which is
 * exactly what RouteLLM's MTBench.evaluate averages when it routes a whole question on its first
 * turn; "needs cloud" = the strong model's mean is higher. Questions with a missing score fail loudly.
 */
export function loadMtBench(dataDir = routerDataDir()): RouterItem[] {
  const dir = path.join(dataDir, 'routellm', 'mt_bench');
  const drop = contaminated(dir);
  const questions = readJsonl(path.join(dir, 'question.jsonl')) as MtQuestion[];
  const scores = new Map<string, number>();
  for (const j of readJsonl(path.join(dir, 'judgements.jsonl')) as MtJudgement[]) {
    if (typeof j.score !== 'number' || j.score < 1) continue; // -1 marks a judge failure in FastChat files
    scores.set(`${j.question_id}|${j.model}|${j.turn}`, j.score);
  }
  const items: RouterItem[] = [];
  for (const q of questions) {
    if (q.turns.some((t) => drop.has(t))) continue;
    const get = (model: string): number[] =>
      q.turns.map((_, t) => {
        const s = scores.get(`${q.question_id}|${model}|${t + 1}`);
        if (s === undefined) throw new Error(`mt_bench: no score for question ${q.question_id}, ${model}, turn ${t + 1}`);
        return s;
      });
    const weakScores = get(WEAK_MODEL);
    const strongScores = get(STRONG_MODEL);
    const mean = (a: number[]): number => a.reduce((s, x) => s + x, 0) / a.length;
    const weakQuality = mean(weakScores);
    const strongQuality = mean(strongScores);
    items.push({
      benchmark: 'mt_bench',
      source: 'routellm',
      id: `mt_bench/${q.question_id}`,
      group: q.category,
      prompt: q.turns[0] ?? '',
      weakScores,
      strongScores,
      weakQuality,
      strongQuality,
      needsCloud: strongQuality > weakQuality,
    });
  }
  return items;
}

/**
 * The question a prompt asks, normalised so the same question matches across sources: the stem
 * before the options (RouteLLM MMLU "\nA. ...", MMLU-Pro "\n\nOptions:"), without a trailing
 * "Answer:", lowercased, letters and digits only (curly vs straight quotes, spacing and layout differ).
 */
export function overlapKey(prompt: string): string {
  let stem = prompt;
  const opts = stem.indexOf('\n\nOptions:');
  if (opts >= 0) stem = stem.slice(0, opts);
  const a = /\nA\. /.exec(stem);
  if (a) stem = stem.slice(0, a.index);
  stem = stem.replace(/\s*Answer:\s*$/, '');
  return stem.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Overlap keys of every RouteLLM contaminated prompt (all three sets), to drop from the other sources. */
export function contaminatedKeys(dataDir = routerDataDir()): Set<string> {
  const out = new Set<string>();
  for (const b of ROUTELLM_SETS) for (const p of contaminated(path.join(dataDir, 'routellm', b))) out.add(overlapKey(p));
  out.delete('');
  return out;
}

interface JsonlRow {
  prompt: string;
  id: string;
  category: string;
  labels: Record<string, number>;
}

/**
 * One data.jsonl source (ZeroEval, MMLU-Pro, LLMRouter): quality = the pair's `labels` scores (0/1,
 * or graded 0..1 for LLMRouter's open QA), rows without both scores or matching a contaminated
 * prompt dropped.
 */
export function loadJsonlSource(source: JsonlSource, dataDir = routerDataDir(), drop = contaminatedKeys(dataDir)): RouterItem[] {
  const file = path.join(dataDir, source, 'data.jsonl');
  const { weak, strong } = JSONL_PAIRS[source];
  const items: RouterItem[] = [];
  for (const rec of readJsonl(file) as JsonlRow[]) {
    if (typeof rec.prompt !== 'string' || typeof rec.labels !== 'object' || rec.labels === null) throw new Error(`${file}: row ${String(rec.id)} lacks prompt or labels`);
    const w = rec.labels[weak];
    const s = rec.labels[strong];
    if (typeof w !== 'number' || typeof s !== 'number') continue;
    if (drop.has(overlapKey(rec.prompt))) continue;
    items.push({ benchmark: source, source, id: String(rec.id), group: rec.category, prompt: rec.prompt, weakQuality: w, strongQuality: s, needsCloud: s > w });
  }
  if (items.length === 0) throw new Error(`${file}: no rows with both ${weak} and ${strong}`);
  return items;
}

/** Every set keyed by name (RouteLLM's three, then one per data.jsonl source). */
export function loadAll(dataDir = routerDataDir()): Record<Benchmark, RouterItem[]> {
  for (const s of SOURCES) {
    if (!fs.existsSync(path.join(dataDir, s)))
      throw new Error(`Router data not found in ${dataDir}: set DUET_ROUTER_DATA to the folder that holds ${SOURCES.join('/, ')}/.`);
  }
  const drop = contaminatedKeys(dataDir);
  return {
    mmlu: loadMmlu(dataDir),
    gsm8k: loadGsm8k(dataDir),
    mt_bench: loadMtBench(dataDir),
    zeroeval: loadJsonlSource('zeroeval', dataDir, drop),
    mmlu_pro: loadJsonlSource('mmlu_pro', dataDir, drop),
    llmrouter: loadJsonlSource('llmrouter', dataDir, drop),
  };
}

/** A fingerprint of the loaded items (prompts and labels), for the model's metadata. */
export function dataFingerprint(sets: Record<Benchmark, RouterItem[]>): string {
  const h = createHash('sha256');
  for (const b of BENCHMARKS) {
    for (const it of sets[b]) h.update(`${it.id}\u0000${it.prompt}\u0000${it.weakQuality}\u0000${it.strongQuality}\u0001`);
  }
  return h.digest('hex');
}

/** Training examples for the difficulty trainer: features by the shared extractor, label, set. */
export function toExamples(items: readonly RouterItem[], hashing: HashingSpec): TrainExample[] {
  return items.map((it) => ({ features: featureVector(it.prompt, hashing), label: it.needsCloud, group: it.benchmark }));
}

/** Counts and always-local / always-cloud quality of each set, for metadata and reports. */
export function dataSummary(sets: Record<Benchmark, RouterItem[]>): Record<Benchmark, { items: number; needsCloud: number; weakQuality: number; strongQuality: number }> {
  const out = {} as Record<Benchmark, { items: number; needsCloud: number; weakQuality: number; strongQuality: number }>;
  for (const b of BENCHMARKS) {
    const it = sets[b];
    const mean = (f: (x: RouterItem) => number): number => Number((it.reduce((s, x) => s + f(x), 0) / Math.max(1, it.length)).toFixed(4));
    out[b] = {
      items: it.length,
      needsCloud: it.filter((x) => x.needsCloud).length,
      weakQuality: mean((x) => x.weakQuality),
      strongQuality: mean((x) => x.strongQuality),
    };
  }
  return out;
}
