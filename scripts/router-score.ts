// npm run router:score -- FILE.jsonl   (or - for stdin)
//
// Routes each prompt of a JSONL file under the default settings (Auto, cloud configured and
// online, no history, the default threshold) and writes one JSON line per input to stdout:
//   {"id": …, "score": 0..1, "target": "local"|"cloud", "reasons": ["easy"]}
// `reasons` holds the reason codes, in gate order: they are the stable part (messages are for
// people and may be reworded). Input lines are {"id": string|number, "prompt": string}; blank
// lines are skipped. A malformed line is reported on stderr with its line number and skipped;
// the others are still scored, and the exit code is 1 if any line failed (2: no file to read).
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { routeWithDefaults } from '../src-main/router/route.js';

const USAGE = 'usage: npm run router:score -- FILE.jsonl   (lines of {"id", "prompt"}; - reads stdin)';

/** Why a parsed line is not a scoring request, or null when it is one. */
function problemWith(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id", "prompt"}';
  const { id, prompt } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
  if (typeof prompt !== 'string') return '"prompt" must be a string';
  return null;
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line)) await once(process.stdout, 'drain');
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file === '--help' || file === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const input = file === '-' ? process.stdin : fs.createReadStream(file, { encoding: 'utf8' });
  const openError = await new Promise<Error | null>((resolve) => {
    if (input === process.stdin) return resolve(null);
    input.once('error', resolve);
    input.once('ready', () => resolve(null));
  });
  if (openError) {
    process.stderr.write(`router-score: cannot read ${file}: ${openError.message}\n`);
    return 2;
  }

  let lineNo = 0;
  let scored = 0;
  let failed = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      failed++;
      process.stderr.write(`router-score: line ${lineNo}: not valid JSON (${(e as Error).message}); skipped\n`);
      continue;
    }
    const problem = problemWith(value);
    if (problem) {
      failed++;
      process.stderr.write(`router-score: line ${lineNo}: ${problem}; skipped\n`);
      continue;
    }
    const { id, prompt } = value as { id: string | number; prompt: string };
    const decision = routeWithDefaults(prompt);
    await write(`${JSON.stringify({ id, score: decision.score, target: decision.target, reasons: decision.reasons.map((r) => r.code) })}\n`);
    scored++;
  }
  process.stderr.write(`router-score: ${scored} scored, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`router-score: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
