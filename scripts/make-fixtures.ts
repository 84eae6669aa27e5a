// `npm run fixtures`: generates the GGUF test models into test/fixtures/models/.
// The tiny chat model, the loopback cloud's model and the unsure model are always made (kept when the
// file already has the right bytes); `--bench` also makes the ~390 MiB benchmark model (kept when a file of the right size exists).
import { relative } from 'node:path';
import { ensureBenchModel } from '../test/fixtures/bench-model.js';
import { BENCH_MODEL_FILE, CLOUD_MODEL_FILE, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../test/fixtures/fixture-facts.js';
import { ensureCloudModel, ensureTinyModel, ensureUnsureModel } from '../test/fixtures/tiny-model.js';

const show = (file: string): string => relative(process.cwd(), file);

let started = Date.now();
console.log(`${ensureTinyModel(TINY_MODEL_FILE)} ${show(TINY_MODEL_FILE)} (${Date.now() - started} ms)`);
started = Date.now();
console.log(`${ensureCloudModel(CLOUD_MODEL_FILE)} ${show(CLOUD_MODEL_FILE)} (${Date.now() - started} ms)`);
started = Date.now();
console.log(`${ensureUnsureModel(UNSURE_MODEL_FILE)} ${show(UNSURE_MODEL_FILE)} (${Date.now() - started} ms)`);

if (process.argv.includes('--bench')) {
  started = Date.now();
  const outcome = await ensureBenchModel(BENCH_MODEL_FILE);
  console.log(`${outcome} ${show(BENCH_MODEL_FILE)} (${Date.now() - started} ms)`);
}
