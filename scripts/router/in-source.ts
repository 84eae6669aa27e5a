// The in-source ceiling for router-eval (--in-source): how well a prompt-only router ranks a
// source's prompts when it was trained on that very source (stratified 5-fold cross-validation
// inside it), next to the leave-one-source-out figure. Where even this stays under the issue's
// AUC 0.60, no prompt-only router can reach it on that source from the others: the shortfall is
// in the data, not the recipe. Also scored: the source's own category (MMLU-Pro's subject,
// LLMRouter's task, ZeroEval's benchmark) as an oracle, its out-of-fold need-cloud rate.
import type { RouterItem, Source } from '../router-data.js';
import { stratifiedFolds, type TrainOptions } from './difficulty-train.js';
import { rocAuc } from './difficulty-metrics.js';
import { fitAndScore, lengthScores } from './loso.js';

const FOLDS = 5;
const FOLD_SEED = 29;
const r4 = (x: number): number => Number(x.toFixed(4));

/** Out-of-fold scores of `score` (trained on four folds, scoring the fifth), in item order. */
function outOfFold(items: readonly RouterItem[], score: (train: RouterItem[], test: RouterItem[]) => number[]): number[] {
  const folds = stratifiedFolds(
    items.map((x) => x.needsCloud),
    FOLDS,
    FOLD_SEED,
    items.map((x) => x.benchmark),
  );
  const oof = new Array<number>(items.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const test = items.filter((_, i) => folds[i] === k);
    const s = score(
      items.filter((_, i) => folds[i] !== k),
      test,
    );
    let r = 0;
    items.forEach((_, i) => {
      if (folds[i] === k) oof[i] = s[r++]!;
    });
  }
  return oof;
}

/** The training folds' need-cloud rate of each test item's category (smoothed toward the folds' mean). */
function categoryRate(train: readonly RouterItem[], test: readonly RouterItem[]): number[] {
  const mean = train.filter((x) => x.needsCloud).length / train.length;
  const byGroup = new Map<string, [number, number]>();
  for (const x of train) {
    const g = byGroup.get(x.group) ?? [0, 0];
    byGroup.set(x.group, [g[0] + (x.needsCloud ? 1 : 0), g[1] + 1]);
  }
  // Ten pseudo-items at the mean: a category seen a few times is not trusted to be extreme.
  return test.map((x) => {
    const [hard, n] = byGroup.get(x.group) ?? [0, 0];
    return (hard + 10 * mean) / (n + 10);
  });
}

/**
 * For each source: AUC of out-of-fold scores within it for the shipped recipe, the same with
 * free n-gram weights (what in-source vocabulary can add), bag of words, prompt length and the
 * category oracle. Sets inside a source (RouteLLM's three) are folded by set too.
 */
export function inSourceCeiling(
  all: readonly RouterItem[],
  sources: readonly Source[],
  recipes: { model: TrainOptions; freeNgrams: TrainOptions; bagOfWords: TrainOptions },
  log: (msg: string) => void = () => {},
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const source of sources) {
    const items = all.filter((x) => x.source === source);
    const labels = items.map((x) => x.needsCloud);
    const auc = (s: number[]): number => r4(rocAuc(s, labels));
    log(`in-source ${source}: ${items.length} items, ${FOLDS} folds`);
    out[source] = {
      model: auc(outOfFold(items, (tr, te) => fitAndScore(tr, te, recipes.model))),
      freeNgrams: auc(outOfFold(items, (tr, te) => fitAndScore(tr, te, recipes.freeNgrams))),
      bagOfWords: auc(outOfFold(items, (tr, te) => fitAndScore(tr, te, recipes.bagOfWords))),
      length: auc(outOfFold(items, (tr, te) => lengthScores(tr, te).scores)),
      category: auc(outOfFold(items, categoryRate)),
    };
  }
  return out;
}
