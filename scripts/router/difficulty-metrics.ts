// Router quality metrics, as RouteLLM's routellm/evals/evaluate.py (with benchmarks.py) defines
// them: a routing curve at the deciles of the router's scores, APGR from its trapezoid area, CPT
// by interpolating that curve; plus ROC-AUC and local@95. Used by scripts/router-eval.ts and tests.

/** What a metric needs of one query: both models' quality on it and the ground truth. */
export interface ScoredOutcome {
  weakQuality: number;
  strongQuality: number;
  needsCloud: boolean;
}

/** One point of a routing curve: the share of queries sent to the cloud (0..1) and the mean quality. */
export interface CurvePoint {
  cloudShare: number;
  quality: number;
}

/** The figures a router is judged by. Shares are 0..1 (RouteLLM prints CPT in percent). */
export interface RouterMetrics {
  apgr: number;
  cpt50: number;
  cpt80: number;
  auc: number;
  local95: number;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : 0;
}

/** numpy's default (linear) quantile of sorted values. */
function quantileSorted(sorted: readonly number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const frac = pos - lo;
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * frac;
}

/**
 * RouteLLM's routing curve: thresholds are the bin edges of `pd.qcut(scores, numResults)` (the
 * 0, 1/n, ..., 1 quantiles); at each edge the queries scoring >= it go to the cloud (> it at the
 * last edge, so the curve reaches 0%). Returned sorted by cloud share, as evaluate.py sorts it.
 */
export function routingCurve(scores: readonly number[], items: readonly ScoredOutcome[], numResults = 10): CurvePoint[] {
  if (scores.length !== items.length || scores.length === 0) throw new Error('routingCurve: scores and items must be non-empty and of equal length');
  const sorted = [...scores].sort((a, b) => a - b);
  const pts: CurvePoint[] = [];
  for (let i = 0; i <= numResults; i++) {
    const t = quantileSorted(sorted, i / numResults);
    const last = i === numResults;
    let cloud = 0;
    let q = 0;
    for (let j = 0; j < scores.length; j++) {
      const s = scores[j]!;
      const toCloud = last ? s > t : s >= t;
      if (toCloud) cloud++;
      q += toCloud ? items[j]!.strongQuality : items[j]!.weakQuality;
    }
    pts.push({ cloudShare: cloud / scores.length, quality: q / scores.length });
  }
  // Equal shares mean the same queries went to the cloud (selection is monotone in the threshold), so
  // the order among ties cannot change the area.
  return pts.sort((a, b) => a.cloudShare - b.cloudShare);
}

function trapz(pts: readonly CurvePoint[]): number {
  let area = 0;
  for (let i = 1; i < pts.length; i++) area += ((pts[i]!.quality + pts[i - 1]!.quality) / 2) * (pts[i]!.cloudShare - pts[i - 1]!.cloudShare);
  return area;
}

/** Quality of always-local and always-cloud. */
export function endpoints(items: readonly ScoredOutcome[]): { weak: number; strong: number } {
  return { weak: mean(items.map((x) => x.weakQuality)), strong: mean(items.map((x) => x.strongQuality)) };
}

/**
 * APGR, as evaluate.py's apgr_metric: (area under the curve − area of always-weak) / (area of
 * always-strong − area of always-weak), areas by the trapezoid rule over the curve's cloud shares.
 */
export function apgr(curve: readonly CurvePoint[], weak: number, strong: number): number {
  const span = curve[curve.length - 1]!.cloudShare - curve[0]!.cloudShare;
  if (span <= 0 || strong === weak) return Number.NaN;
  return (trapz(curve) - weak * span) / ((strong - weak) * span);
}

/**
 * CPT(p): the cloud share at which the curve first reaches weak + p·(strong − weak), linearly
 * interpolated between curve points. evaluate.py uses np.interp(target, quality, share), which is the
 * same wherever quality rises with share (numpy assumes it does); where the curve dips, the first
 * crossing is the "smallest share of cloud calls" the definition asks for. 1 when never reached.
 */
export function cpt(curve: readonly CurvePoint[], weak: number, strong: number, p: number): number {
  const target = weak + p * (strong - weak);
  const first = curve[0]!;
  if (first.quality >= target) return first.cloudShare;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1]!;
    const b = curve[i]!;
    if (b.quality >= target) {
      if (b.quality === a.quality) return b.cloudShare;
      return a.cloudShare + ((target - a.quality) / (b.quality - a.quality)) * (b.cloudShare - a.cloudShare);
    }
  }
  return 1;
}

/** ROC-AUC of scores against labels (Mann-Whitney U, ties count half). NaN when one class is absent. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!]) {
        pos++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * local@95: the largest share of queries kept local while mean quality stays >= 95% of always-cloud,
 * the hardest-scored queries going to the cloud first. Cuts fall only between distinct scores (a
 * threshold cannot split a tie); the full per-query curve is used, not deciles.
 */
export function localAt(scores: readonly number[], items: readonly ScoredOutcome[], level = 0.95): number {
  const n = scores.length;
  const { strong } = endpoints(items);
  const target = level * strong;
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let q = 0;
  for (const it of items) q += it.weakQuality;
  // k = number sent to the cloud, all of them the top-scored.
  let best = q / n >= target - 1e-12 ? 1 : Number.NaN;
  if (best === 1) return 1;
  let k = 0;
  while (k < n) {
    let j = k;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[k]!]) j++;
    for (let m = k; m <= j; m++) q += items[idx[m]!]!.strongQuality - items[idx[m]!]!.weakQuality;
    k = j + 1;
    if (q / n >= target - 1e-12) {
      best = (n - k) / n;
      break;
    }
  }
  // The first cut that reaches the target keeps the most queries local.
  return Number.isNaN(best) ? 0 : best;
}

/** All five figures for one router's scores on one set, RouteLLM's 10 bins for the curve. */
export function routerMetrics(scores: readonly number[], items: readonly ScoredOutcome[], numResults = 10): RouterMetrics {
  const { weak, strong } = endpoints(items);
  const curve = routingCurve(scores, items, numResults);
  return {
    apgr: apgr(curve, weak, strong),
    cpt50: cpt(curve, weak, strong, 0.5),
    cpt80: cpt(curve, weak, strong, 0.8),
    auc: rocAuc(
      scores,
      items.map((x) => x.needsCloud),
    ),
    local95: localAt(scores, items, 0.95),
  };
}

/**
 * What a random router is expected to reach: quality grows linearly with the cloud share, so
 * APGR 0.5, CPT(p) = p, AUC 0.5, and local@95 = 0.05·strong / (strong − weak), capped to 0..1.
 */
export function randomRouterMetrics(items: readonly ScoredOutcome[]): RouterMetrics {
  const { weak, strong } = endpoints(items);
  const local95 = strong <= weak ? 1 : Math.max(0, Math.min(1, (0.05 * strong) / (strong - weak)));
  return { apgr: 0.5, cpt50: 0.5, cpt80: 0.8, auc: 0.5, local95 };
}
