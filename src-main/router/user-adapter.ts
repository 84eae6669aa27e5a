// The user adapter: a small logistic model, learned on this computer from this user's own choices,
// that corrects the shipped difficulty scorer for them. It reads the scorer's features (PromptFeatures:
// the dense features standardised as the scorer standardises them, plus its hashed n-grams) and adds
// its log-odds to the scorer's: score = sigmoid(base logit + adapter logit).
//
// Online, one choice at a time: FTRL-Proximal (McMahan et al. 2013) with an L2 pull toward zero and
// no L1. Each coordinate gets its own step size, shrinking as evidence on it accumulates, so a word
// seen in one choice moves little and a bias confirmed by twenty choices moves more; a user's first
// few choices cannot swing routing far. Pure and synchronous; its state is a few numbers per touched
// coordinate, serialised to plain JSON (kept in the history database by the core).
import { sigmoid, type PromptFeatures } from './difficulty.js';

/** How the scorer standardises its dense features (a DifficultyModel has these fields). */
export interface FeatureScale {
  mean: Float64Array;
  invScale: Float64Array;
  clip: number;
}

/** FTRL-Proximal's settings; the defaults were chosen by `npm run router:adapt` (see scripts/router-adapt.ts). */
export interface AdapterOptions {
  /** Per-coordinate learning rate α. */
  alpha: number;
  /** Per-coordinate step smoothing β (the step starts at α/β). */
  beta: number;
  /** L2 pull of every weight toward zero (the shipped scorer), per update. */
  l2: number;
  /** The adapter's log-odds are clipped to ±this: however it was trained, it can only shift the scorer so far. */
  maxLogit: number;
}

export const DEFAULT_ADAPTER_OPTIONS: AdapterOptions = { alpha: 0.3, beta: 1, l2: 1, maxLogit: 3 };

/**
 * Weight of a cascade escalation as a training label, next to a user's choice (1): the local model's
 * doubt about its first tokens says "maybe hard", not "the user needed the cloud" (a hesitant start
 * can still end in a good answer), so four escalations teach what one choice does.
 */
export const ESCALATION_LABEL_WEIGHT = 0.25;

/**
 * Weight of a local answer the user kept (went on with the conversation without asking the cloud) as
 * a "local was enough" label. Without it the adapter would only ever see the scorer's mistakes (hard
 * questions it kept local, easy ones it sent away) and learn to turn the scorer's ranking upside down:
 * `npm run router:adapt --accept=0` measured the AUC on the next questions falling below the scorer's
 * own. Weights 0.5 and 1 both lifted it, 1 the most and the most steadily. It assumes a user who is not
 * satisfied with a local answer says so; one who never does teaches "local is enough", within maxLogit.
 */
export const ACCEPTED_LABEL_WEIGHT = 1;

/** At most this many coordinates are kept when saved (the ones with the most evidence); bounds the stored size. */
export const MAX_SAVED_COORDINATES = 4096;

export const ADAPTER_FORMAT = 'duet-user-adapter';
export const ADAPTER_VERSION = 1;

/** How many labels the adapter has learned from, by kind. */
export interface AdapterCounts {
  /** "Ask the cloud" on a local answer: the local model was not enough. */
  neededCloud: number;
  /** "Ask the local model" on a cloud answer: the local model was enough. */
  localEnough: number;
  /** Cascade escalations (weaker labels, ESCALATION_LABEL_WEIGHT each). */
  escalations: number;
  /** Local answers kept as they were (weaker labels, ACCEPTED_LABEL_WEIGHT each). */
  accepted: number;
}

/** The adapter as stored: sparse [coordinate, z, n] triples of FTRL's state. */
export interface UserAdapterJson {
  format: typeof ADAPTER_FORMAT;
  version: typeof ADAPTER_VERSION;
  /** The feature layout it was learned on; an adapter for another layout is not applied (a retrained scorer with other features). */
  dense: number;
  buckets: number;
  counts: AdapterCounts;
  state: [number, number, number][];
}

/** Rounds to 6 significant digits for storage (the state is a learning rate schedule, not money). */
function compact(x: number): number {
  return Number(x.toPrecision(6));
}

/** The learned correction to the difficulty score; see the top of this file. */
export class UserAdapter {
  /** FTRL's per-coordinate state: coordinate 0 is the bias, then the dense features, then the hash buckets. */
  private readonly z: Float64Array;
  private readonly n: Float64Array;
  readonly counts: AdapterCounts = { neededCloud: 0, localEnough: 0, escalations: 0, accepted: 0 };

  constructor(
    readonly dense: number,
    readonly buckets: number,
    readonly options: AdapterOptions = DEFAULT_ADAPTER_OPTIONS,
  ) {
    this.z = new Float64Array(1 + dense + buckets);
    this.n = new Float64Array(1 + dense + buckets);
  }

  /** The user's choices learned from (escalations are not choices). */
  get choices(): number {
    return this.counts.neededCloud + this.counts.localEnough;
  }

  /** True when it has learned nothing: its logit is 0 for every prompt. */
  get empty(): boolean {
    return this.choices === 0 && this.counts.escalations === 0 && this.counts.accepted === 0;
  }

  /** The adapter's log-odds for a prompt's features, within ±maxLogit. */
  logit(f: PromptFeatures, scale: FeatureScale): number {
    if (this.empty) return 0;
    let sum = this.weight(0);
    this.forEachInput(f, scale, (i, x) => {
      sum += this.weight(i) * x;
    });
    const m = this.options.maxLogit;
    return sum > m ? m : sum < -m ? -m : Number.isFinite(sum) ? sum : 0;
  }

  /**
   * One online step on a labelled prompt: `neededCloud` true when the local model was not enough.
   * `baseLogit` is the scorer's own log-odds for it, so the adapter learns only what the scorer got
   * wrong for this user. `weight` scales the step (ESCALATION_LABEL_WEIGHT for an escalation).
   */
  learn(f: PromptFeatures, scale: FeatureScale, baseLogit: number, neededCloud: boolean, kind: keyof AdapterCounts, weight = 1): void {
    if (f.dense.length !== this.dense) return;
    const p = sigmoid(baseLogit + this.logit(f, scale));
    const g = (p - (neededCloud ? 1 : 0)) * weight;
    if (!Number.isFinite(g)) return;
    // Weights are read before any is changed: every coordinate steps from the same point.
    const steps: [number, number][] = [[0, 1]];
    this.forEachInput(f, scale, (i, x) => steps.push([i, x]));
    const before = steps.map(([i]) => this.weight(i));
    steps.forEach(([i, x], k) => {
      const gi = g * x;
      const n = this.n[i]!;
      const sigma = (Math.sqrt(n + gi * gi) - Math.sqrt(n)) / this.options.alpha;
      this.z[i] = this.z[i]! + gi - sigma * before[k]!;
      this.n[i] = n + gi * gi;
    });
    this.counts[kind] += 1;
  }

  /** The adapter as plain JSON, at most MAX_SAVED_COORDINATES coordinates (the most-evidenced ones). */
  toJSON(): UserAdapterJson {
    let state: [number, number, number][] = [];
    for (let i = 0; i < this.n.length; i++) if (this.n[i]! > 0) state.push([i, compact(this.z[i]!), compact(this.n[i]!)]);
    if (state.length > MAX_SAVED_COORDINATES) {
      // The bias and the dense features first, then the buckets with the most evidence.
      state = state
        .sort((a, b) => (a[0] <= this.dense ? -1 : 0) - (b[0] <= this.dense ? -1 : 0) || b[2] - a[2])
        .slice(0, MAX_SAVED_COORDINATES)
        .sort((a, b) => a[0] - b[0]);
    }
    return { format: ADAPTER_FORMAT, version: ADAPTER_VERSION, dense: this.dense, buckets: this.buckets, counts: { ...this.counts }, state };
  }

  /**
   * An adapter from stored JSON, for a scorer with `dense` features and `buckets` hash buckets. Anything
   * unreadable, or learned on another feature layout, gives an empty adapter: routing then falls back
   * to the shipped scorer rather than applying weights to features they were not learned on.
   */
  static fromJSON(json: unknown, dense: number, buckets: number, options: AdapterOptions = DEFAULT_ADAPTER_OPTIONS): UserAdapter {
    const adapter = new UserAdapter(dense, buckets, options);
    if (!isAdapterJson(json) || json.dense !== dense || json.buckets !== buckets) return adapter;
    const size = adapter.n.length;
    for (const [i, z, n] of json.state) {
      if (Number.isInteger(i) && i >= 0 && i < size && Number.isFinite(z) && Number.isFinite(n) && n > 0) {
        adapter.z[i] = z;
        adapter.n[i] = n;
      }
    }
    for (const key of ['neededCloud', 'localEnough', 'escalations', 'accepted'] as const) {
      const v = json.counts[key] as unknown;
      adapter.counts[key] = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
    }
    return adapter;
  }

  /** FTRL-Proximal's closed-form weight (no L1). */
  private weight(i: number): number {
    const z = this.z[i]!;
    if (z === 0) return 0;
    const { alpha, beta, l2 } = this.options;
    return -z / ((beta + Math.sqrt(this.n[i]!)) / alpha + l2);
  }

  /**
   * Calls `visit` with each non-bias coordinate and its input value: the standardised dense features
   * divided by √(their count), then the hashed n-grams. The division gives the dense block a norm near
   * 1, as the hashed block has: otherwise one choice would move a score by the sum of ~60 squared
   * features, and the first choice alone would swing routing.
   */
  private forEachInput(f: PromptFeatures, scale: FeatureScale, visit: (i: number, x: number) => void): void {
    const { mean, invScale, clip } = scale;
    const d = Math.min(this.dense, f.dense.length);
    const norm = 1 / Math.sqrt(Math.max(1, this.dense));
    for (let j = 0; j < d; j++) {
      let v = (f.dense[j]! - (mean[j] ?? 0)) * (invScale[j] ?? 1);
      if (v > clip) v = clip;
      else if (v < -clip) v = -clip;
      if (v !== 0 && Number.isFinite(v)) visit(1 + j, v * norm);
    }
    const base = 1 + this.dense;
    const { hashIdx, hashVal } = f;
    for (let k = 0; k < hashIdx.length; k++) {
      const b = hashIdx[k]!;
      if (b >= 0 && b < this.buckets) visit(base + b, hashVal[k]!);
    }
  }
}

function isAdapterJson(json: unknown): json is UserAdapterJson {
  if (typeof json !== 'object' || json === null) return false;
  const j = json as Partial<UserAdapterJson>;
  return (
    j.format === ADAPTER_FORMAT &&
    j.version === ADAPTER_VERSION &&
    typeof j.dense === 'number' &&
    typeof j.buckets === 'number' &&
    typeof j.counts === 'object' &&
    j.counts !== null &&
    Array.isArray(j.state) &&
    j.state.every((t) => Array.isArray(t) && t.length === 3 && t.every((v) => typeof v === 'number'))
  );
}
