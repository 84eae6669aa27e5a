// Recipe exploration for the difficulty scorer (not part of router:eval): leave-one-source-out AUC
// of several training recipes, features extracted once per hashing layout. Usage:
//   npx tsx scripts/router/explore.ts '<json array of {name, opts-overrides}>'
import { loadAll, overlapKey, routerDataDir, SOURCES, type RouterItem } from '../router-data.js';
import { featureVector, type PromptFeatures } from '../../src-main/router/features.js';
import { loadDifficultyModel, scoreFeatures } from '../../src-main/router/difficulty.js';
import { DEFAULT_TRAIN_OPTIONS, trainDifficultyModel, type TrainOptions } from './difficulty-train.js';
import { rocAuc, routerMetrics } from './difficulty-metrics.js';

const recipes = JSON.parse(process.argv[2] ?? '[]') as { name: string; opts: Partial<TrainOptions> }[];
const sets = loadAll(routerDataDir());
const all = Object.values(sets).flat();
const cache = new Map<string, PromptFeatures[]>();
const feats = (opts: TrainOptions): PromptFeatures[] => {
  const key = JSON.stringify(opts.hashing);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = all.map((it) => featureVector(it.prompt, opts.hashing))));
  return f;
};
const r3 = (x: number): number => Number(x.toFixed(3));
for (const { name, opts: over } of recipes) {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, calibrationFolds: 0, ...over };
  const f = feats(opts);
  const row: Record<string, number> = {};
  for (const source of SOURCES) {
    const testIdx = all.map((x, i) => (x.source === source ? i : -1)).filter((i) => i >= 0);
    const keys = new Set(testIdx.map((i) => overlapKey(all[i]!.prompt)));
    const trainIdx = all.map((x, i) => (x.source !== source && !keys.has(overlapKey(x.prompt)) ? i : -1)).filter((i) => i >= 0);
    const ex = trainIdx.map((i) => ({ features: f[i]!, label: all[i]!.needsCloud, group: all[i]!.benchmark }));
    const model = loadDifficultyModel({ ...trainDifficultyModel(ex, opts), trainedAt: 'x', training: {} });
    const s = testIdx.map((i) => scoreFeatures(model, f[i]!));
    const items: RouterItem[] = testIdx.map((i) => all[i]!);
    row[source] = r3(
      rocAuc(
        s,
        items.map((x) => x.needsCloud),
      ),
    );
    if (source === 'routellm') {
      for (const b of ['mmlu', 'gsm8k', 'mt_bench'] as const) {
        const idx = items.map((x, k) => (x.benchmark === b ? k : -1)).filter((k) => k >= 0);
        const si = idx.map((k) => s[k]!);
        const it = idx.map((k) => items[k]!);
        row[b] = r3(
          rocAuc(
            si,
            it.map((x) => x.needsCloud),
          ),
        );
        if (b === 'mt_bench') row.mtCpt50 = r3(routerMetrics(si, it).cpt50);
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ name, ...row })}\n`);
}
