// npm run bench:router: how long one routing decision takes, on real prompts.
//
// Draws 10,000 prompts (seeded, so runs compare) from the router data (data/router, or
// DUET_ROUTER_DATA): MMLU and GSM8K CSVs and MT-Bench question turns. After a warm-up, times each
// routeWithDefaults call with process.hrtime.bigint and prints JSON: p50/p99/max/mean in ms for
// the whole decision, and, measured in the same loop for side-by-side reading, the two parts that
// cost anything (privacy detection and the difficulty score). Target: p99 under 1 ms.
import fs from 'node:fs';
import path from 'node:path';
import { scoreDifficulty } from '../../src-main/router/difficulty.js';
import { mulberry32 } from '../support/seeded-random.js';
import { detectPrivateData } from '../../src-main/router/privacy.js';
import { routeWithDefaults } from '../../src-main/router/route.js';
import { routerDataDir } from '../../scripts/router-data.js';

const DECISIONS = 10_000;
const WARMUP = 2_000;
const TARGET_P99_MS = 1;
const SEED = 20240601;

const dataDir = routerDataDir();

/** Rows of an RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every file under dir, recursively. */
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** The prompts in the data folder: the `prompt` column of each CSV, the turns of question.jsonl. */
function loadPrompts(dir: string): string[] {
  const prompts: string[] = [];
  for (const file of walk(dir).sort()) {
    if (file.endsWith('.csv')) {
      const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
      const col = header?.indexOf('prompt') ?? -1;
      if (col < 0) continue;
      for (const r of rows) {
        const p = r[col];
        if (p && p.trim() !== '') prompts.push(p);
      }
    } else if (path.basename(file) === 'question.jsonl') {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const q = JSON.parse(line) as { turns?: unknown };
        if (Array.isArray(q.turns)) for (const t of q.turns) if (typeof t === 'string') prompts.push(t);
      }
    }
  }
  return prompts;
}

/** Milliseconds at quantile q of sorted nanosecond timings. */
function quantileMs(sortedNs: Float64Array, q: number): number {
  const i = Math.min(sortedNs.length - 1, Math.max(0, Math.ceil(q * sortedNs.length) - 1));
  return sortedNs[i]! / 1e6;
}

function summary(ns: Float64Array): { p50_ms: number; p99_ms: number; max_ms: number; mean_ms: number } {
  const sorted = Float64Array.from(ns).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const round = (ms: number): number => Math.round(ms * 1e4) / 1e4;
  return {
    p50_ms: round(quantileMs(sorted, 0.5)),
    p99_ms: round(quantileMs(sorted, 0.99)),
    max_ms: round(sorted[sorted.length - 1]! / 1e6),
    mean_ms: round(sum / sorted.length / 1e6),
  };
}

function main(): void {
  if (!fs.existsSync(dataDir)) throw new Error(`No router data at ${dataDir}: set DUET_ROUTER_DATA to the folder with the MMLU/GSM8K/MT-Bench files.`);
  const pool = loadPrompts(dataDir);
  if (pool.length === 0) throw new Error(`No prompts found under ${dataDir}.`);
  const rand = mulberry32(SEED);
  const draw = (): string => pool[Math.floor(rand() * pool.length)]!;
  const prompts = Array.from({ length: DECISIONS }, draw);

  for (let i = 0; i < WARMUP; i++) {
    const p = draw();
    routeWithDefaults(p);
    detectPrivateData(p);
    scoreDifficulty(p);
  }

  const decisionNs = new Float64Array(DECISIONS);
  const privacyNs = new Float64Array(DECISIONS);
  const scoreNs = new Float64Array(DECISIONS);
  let privacyHits = 0;
  let cloud = 0;
  let chars = 0;
  for (let i = 0; i < DECISIONS; i++) {
    const p = prompts[i]!;
    chars += p.length;
    const t0 = process.hrtime.bigint();
    const decision = routeWithDefaults(p);
    const t1 = process.hrtime.bigint();
    detectPrivateData(p);
    const t2 = process.hrtime.bigint();
    scoreDifficulty(p);
    const t3 = process.hrtime.bigint();
    decisionNs[i] = Number(t1 - t0);
    privacyNs[i] = Number(t2 - t1);
    scoreNs[i] = Number(t3 - t2);
    if (decision.target === 'cloud') cloud++;
    if (decision.reasons.some((r) => r.code === 'privacy')) privacyHits++;
  }

  const total = summary(decisionNs);
  console.log(
    JSON.stringify(
      {
        decisions: DECISIONS,
        ...total,
        target_p99_ms: TARGET_P99_MS,
        meets_target: total.p99_ms < TARGET_P99_MS,
        privacy_hits: privacyHits,
        cloud_share: Math.round((cloud / DECISIONS) * 1e4) / 1e4,
        prompt_pool: pool.length,
        mean_prompt_chars: Math.round(chars / DECISIONS),
        parts: { privacy: summary(privacyNs), difficulty: summary(scoreNs) },
      },
      null,
      2,
    ),
  );
}

main();
