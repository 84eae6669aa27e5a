import type { RouteMode, RouteReason, RouteReasonCode, Target } from '../contract/index.js';

export type { RouteMode, RouteReason, RouteReasonCode };

/** What an administrator allows (managed policy); the user cannot override it. */
export interface AdminPolicy {
  /** False: nothing may go to the cloud, whatever the user's mode. */
  allowCloud: boolean;
  /** A mode the admin imposes on everyone; null leaves the choice to the user. */
  forceMode: RouteMode | null;
}

export interface RouteInput {
  prompt: string;
  /** Rough token count of the conversation so far (history), without the prompt. */
  historyTokens: number;
  /**
   * Texts of the earlier turns that would be sent along with the prompt. The privacy gate reads
   * them too, so "summarise that" cannot carry an earlier message's phone number to the cloud.
   * Omitted: only the prompt is checked.
   */
  history?: readonly string[];
  /** The mode in force: the conversation's own if set, else the global one. */
  mode: RouteMode;
  policy: AdminPolicy;
  /** A cloud endpoint is configured (base URL, model, key where needed). */
  cloudConfigured: boolean;
  /** The machine is online (last known). */
  online: boolean;
  /**
   * A local model is set up to answer: loaded, loading, or asleep after idle time (it loads again by
   * itself). False when none is chosen yet or the chosen one failed to load.
   */
  localModelAvailable: boolean;
  /** The local model's context window in tokens; null when unknown. */
  localContextTokens: number | null;
  /** How much the privacy gate keeps local ('strict': any name with any personal detail); 'standard' when absent. */
  privacyLevel?: 'standard' | 'strict';
  /** The asking app gave tools (function calling), which only the cloud can call; absent: false. */
  needsTools?: boolean;
  /** Difficulty above which a query goes to the cloud, 0..1. */
  threshold: number;
}

export interface RouteDecision {
  target: Target;
  /** Estimated probability that the cloud is needed (0..1, higher = harder). */
  score: number;
  reasons: RouteReason[];
  /**
   * Whether a local answer the model is unsure of may go to the cloud after all. Only a query Auto
   * judged easy may: every earlier gate (mode, policy, offline, privacy) that kept it local forbids it.
   */
  mayEscalate: boolean;
}
