// npm run router:adapt — does the user adapter (src-main/router/user-adapter.ts) learn a user?
// A simulation on the router data, one left-out source at a time:
//  1. the base scorer is trained on the other sources with the shipped recipe (DEFAULT_TRAIN_OPTIONS,
//     minus every prompt whose question also occurs in the left-out source, as router:eval does);
//  2. the left-out source is shuffled (seeded) and split: its last EVAL_ITEMS questions are the
//     user's "next questions", never learned from; the rest is the stream the user asks, in order
//     (and again, reshuffled, if the source runs out before MAX_CHOICES choices);
//  3. each streamed question is routed by the adapted score at DEFAULT_DIFFICULTY_THRESHOLD. The
//     simulated user asks the cloud whenever a local answer was wrong (the weak model failed), and
//     asks the local model, with probability LOCAL_ASK_RATE, when a cloud answer was not needed (the
//     weak model was right): people rarely re-ask a good answer on the cheaper side. Each such choice
//     is one adapter step, exactly as the app takes it, and so is each local answer the user kept
//     (a weaker "local was enough", ACCEPTED_LABEL_WEIGHT);
//  4. after 0, 50, 200 and 1,000 choices: the AUC on the next questions, with a bootstrap interval,
//     and the paired-bootstrap difference from 0 choices (the base scorer alone).
// Not simulated: cascade escalations (the data has no local-model confidences) and the threshold
// nudge (a shift of every score by the same amount leaves the AUC as it is).
// Deterministic (seeded) apart from `seconds`. JSON on stdout, the table and progress on stderr.
// --fast: the base scorer without its calibration step (five times quicker; for trying settings);
// --set=alpha=0.2,l2=3: other adapter settings (several, split by ';', are each run on the same base
// scorer); --accept=0: another weight for kept local answers; --source=zeroeval: one source only.
import { DEFAULT_DIFFICULTY_THRESHOLD, featureVector, linearScore, loadDifficultyModel, sigmoid } from '../src-main/router/difficulty.js';
import { ACCEPTED_LABEL_WEIGHT, DEFAULT_ADAPTER_OPTIONS, UserAdapter, type AdapterOptions } from '../src-main/router/user-adapter.js';
import { mulberry32 } from '../test/support/seeded-random.js';
import { loadAll, overlapKey, routerDataDir, SOURCES, type RouterItem, type Source } from './router-data.js';
import { DEFAULT_TRAIN_OPTIONS, trainDifficultyModel, type TrainOptions } from './router/difficulty-train.js';
import { rocAuc } from './router/difficulty-metrics.js';
import { pairedAucBootstrap } from './router/loso.js';

/** Choices after which the next questions are scored. */
export const CHECKPOINTS = [0, 50, 200, 1000] as const;
const MAX_CHOICES = CHECKPOINTS[CHECKPOINTS.length - 1]!;
/** The user's next questions per source, held out of the stream. */
const EVAL_ITEMS = 1000;
/** How often the simulated user asks the local model after a cloud answer the local model would have got right. */
export const LOCAL_ASK_RATE = 0.25;
const RESAMPLES = 1000;
const SEED = 20261130;
const FAST = process.argv.includes('--fast');
/** A source that yields too few choices stops after this many passes, with the checkpoints it reached. */
const MAX_PASSES = 20;
const ACCEPT_WEIGHT = Number(process.argv.find((a) => a.startsWith('--accept='))?.slice('--accept='.length) ?? ACCEPTED_LABEL_WEIGHT);

/** --set=alpha=0.2,l2=3;alpha=0.05: adapter settings to try (the shipped ones without it). */
function adapterOptions(): AdapterOptions[] {
  const arg = process.argv.find((a) => a.startsWith('--set='))?.slice('--set='.length);
  if (!arg) return [DEFAULT_ADAPTER_OPTIONS];
  return arg.split(';').map((one) => {
    const out: AdapterOptions = { ...DEFAULT_ADAPTER_OPTIONS };
    for (const pair of one.split(',')) {
      const [key, value] = pair.split('=');
      if (!key || !(key in out) || !Number.isFinite(Number(value))) throw new Error(`--set: unknown or bad ${pair} (settings: ${Object.keys(out).join(', ')})`);
      out[key as keyof AdapterOptions] = Number(value);
    }
    return out;
  });
}

const started = performance.now();
const log = (msg: string): void => void process.stderr.write(`${msg} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
const r4 = (x: number): number => Number(x.toFixed(4));

/** Seeded Fisher-Yates shuffle (a copy). */
function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Bootstrap 95% interval of the AUC over resampled items. */
function aucInterval(scores: readonly number[], labels: readonly boolean[], seed: number): [number, number] {
  const rand = mulberry32(seed);
  const n = labels.length;
  const s = new Array<number>(n);
  const l = new Array<boolean>(n);
  const aucs: number[] = [];
  for (let r = 0; r < RESAMPLES; r++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(rand() * n);
      s[k] = scores[i]!;
      l[k] = labels[i]!;
    }
    const a = rocAuc(s, l);
    if (Number.isFinite(a)) aucs.push(a);
  }
  aucs.sort((p, q) => p - q);
  return [r4(aucs[Math.floor(0.025 * (aucs.length - 1))]!), r4(aucs[Math.ceil(0.975 * (aucs.length - 1))]!)];
}

interface Checkpoint {
  choices: number;
  /** Questions streamed to reach them. */
  questions: number;
  auc: number;
  auc95: [number, number];
  /** AUC(after) − AUC(0 choices), with its paired-bootstrap 95% interval. */
  gain: [number, number, number];
  /** Share of the next questions the adapted score keeps local at the default threshold. */
  localShare: number;
}

/** The simulation for one left-out source, once per adapter setting; see the top of this file. */
function simulate(source: Source, all: readonly RouterItem[], recipe: TrainOptions, settings: AdapterOptions[], seed: number): Record<string, unknown>[] {
  const test = all.filter((x) => x.source === source);
  const keys = new Set(test.map((x) => overlapKey(x.prompt)));
  const train = all.filter((x) => x.source !== source && !keys.has(overlapKey(x.prompt)));
  log(`adapt ${source}: training the base scorer on ${train.length} items`);
  const examples = train.map((it) => ({ features: featureVector(it.prompt, recipe.hashing), label: it.needsCloud, group: it.benchmark }));
  const model = loadDifficultyModel({ ...trainDifficultyModel(examples, recipe), trainedAt: 'adapt', training: {} });

  const rand = mulberry32(seed);
  const order = shuffled(test, rand);
  const evalItems = order.slice(-EVAL_ITEMS);
  const streamItems = order.slice(0, -EVAL_ITEMS);
  if (streamItems.length === 0) throw new Error(`${source} has too few items (${test.length}) for a stream and ${EVAL_ITEMS} next questions.`);
  const featuresOf = (items: readonly RouterItem[]): { f: ReturnType<typeof featureVector>; base: number; it: RouterItem }[] =>
    items.map((it) => {
      const f = featureVector(it.prompt, model.hashing);
      return { f, base: model.calA * linearScore(model, f) + model.calB, it };
    });
  const evalSet = featuresOf(evalItems);
  const labels = evalItems.map((x) => x.needsCloud);
  const streamSet = featuresOf(streamItems);
  return settings.map((options) => replay(source, { model, evalSet, labels, streamSet, order: { evalItems, streamItems } }, options, seed, train.length));
}

type Scored = { f: ReturnType<typeof featureVector>; base: number; it: RouterItem };

/** Replays the user's stream through an adapter with `options`, scoring the next questions at each checkpoint. */
function replay(
  source: Source,
  data: {
    model: ReturnType<typeof loadDifficultyModel>;
    evalSet: Scored[];
    labels: boolean[];
    streamSet: Scored[];
    order: { evalItems: RouterItem[]; streamItems: RouterItem[] };
  },
  options: AdapterOptions,
  seed: number,
  trainItems: number,
): Record<string, unknown> {
  const { model, evalSet, labels } = data;
  const { evalItems, streamItems } = data.order;
  const rand = mulberry32(seed + 7);
  let stream = data.streamSet;
  const adapter = new UserAdapter(model.dense.length, model.hashing.buckets, options);
  const scoresNow = (): number[] => evalSet.map((e) => e.base + adapter.logit(e.f, model));
  const baseScores = scoresNow();
  const checkpoints: Checkpoint[] = [];
  const record = (questions: number): void => {
    const scores = checkpoints.length === 0 ? baseScores : scoresNow();
    const threshold = Math.log(DEFAULT_DIFFICULTY_THRESHOLD / (1 - DEFAULT_DIFFICULTY_THRESHOLD));
    checkpoints.push({
      choices: adapter.choices,
      questions,
      auc: r4(rocAuc(scores, labels)),
      auc95: aucInterval(scores, labels, seed + checkpoints.length + 1),
      gain: pairedAucBootstrap(scores, baseScores, labels, RESAMPLES, seed + 100 + checkpoints.length),
      localShare: r4(scores.filter((z) => z <= threshold).length / scores.length),
    });
  };

  record(0);
  let questions = 0;
  let passes = 1;
  let next = 1;
  for (let k = 0; adapter.choices < MAX_CHOICES; k++) {
    if (k === stream.length) {
      if (passes >= MAX_PASSES) break;
      // The source ran out: the user asks the same kinds of question again, in a new order.
      stream = shuffled(stream, rand);
      k = 0;
      passes++;
    }
    const { f, base, it } = stream[k]!;
    questions++;
    const p = sigmoid(base + adapter.logit(f, model));
    const local = p <= DEFAULT_DIFFICULTY_THRESHOLD;
    if (local && it.needsCloud) adapter.learn(f, model, base, true, 'neededCloud');
    else if (!local && !it.needsCloud && rand() < LOCAL_ASK_RATE) adapter.learn(f, model, base, false, 'localEnough');
    else {
      if (local && ACCEPT_WEIGHT > 0) adapter.learn(f, model, base, false, 'accepted', ACCEPT_WEIGHT);
      continue;
    }
    if (adapter.choices === CHECKPOINTS[next]) {
      record(questions);
      next++;
    }
  }
  const last = checkpoints[checkpoints.length - 1]!;
  log(`adapt ${source}: AUC ${checkpoints[0]!.auc} → ${last.auc} after ${last.choices} choices (${questions} questions, ${passes} pass(es))`);
  return {
    adapter: options,
    trainItems,
    nextQuestions: evalItems.length,
    nextNeedCloud: labels.filter(Boolean).length,
    streamItems: streamItems.length,
    streamPasses: passes,
    labels: { ...adapter.counts },
    checkpoints,
  };
}

/** The curve as a text table: AUC [95%] per source and checkpoint. */
function table(results: Record<string, { checkpoints: Checkpoint[] }>): string {
  const head = ['source', ...CHECKPOINTS.map((c) => `after ${c}`)];
  const rows = Object.entries(results).map(([source, r]) => [
    source,
    ...r.checkpoints.map((c) => `${c.auc.toFixed(3)} [${c.auc95[0].toFixed(3)}, ${c.auc95[1].toFixed(3)}]`),
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function main(): void {
  const recipe: TrainOptions = FAST ? { ...DEFAULT_TRAIN_OPTIONS, calibrationFolds: 0 } : DEFAULT_TRAIN_OPTIONS;
  const all = Object.values(loadAll(routerDataDir())).flat();
  const options = adapterOptions();
  const only = process.argv.find((a) => a.startsWith('--source='))?.slice('--source='.length);
  const results: Record<string, { checkpoints: Checkpoint[] }> = {};
  SOURCES.forEach((source, i) => {
    if (only && only !== source) return;
    simulate(source, all, recipe, options, SEED + 1000 * i).forEach((r, k) => {
      results[options.length > 1 ? `${source} #${k + 1}` : source] = r as unknown as { checkpoints: Checkpoint[] };
    });
  });
  process.stderr.write(`\nAUC on each left-out source's next ${EVAL_ITEMS} questions, after n choices [bootstrap 95%]:\n${table(results)}\n`);
  console.log(
    JSON.stringify(
      {
        protocol: {
          checkpoints: CHECKPOINTS,
          nextQuestions: EVAL_ITEMS,
          threshold: DEFAULT_DIFFICULTY_THRESHOLD,
          localAskRate: LOCAL_ASK_RATE,
          adapter: options.length > 1 ? options : options[0],
          acceptedLabelWeight: ACCEPT_WEIGHT,
          baseRecipe: FAST ? 'shipped, uncalibrated (--fast)' : 'shipped',
          resamples: RESAMPLES,
          seed: SEED,
        },
        sources: results,
        seconds: Math.round((performance.now() - started) / 1000),
      },
      null,
      2,
    ),
  );
}

main();
