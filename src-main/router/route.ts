// The routing decision: local or cloud, with every reason that decided it. Pure and synchronous.
//
// Gates, in this order; the first that decides ends the walk:
//   1. mode         The mode in force is the admin's forceMode when set (policy-forced), else the
//                   user's. 'local' returns local at once (mode-local): the user asked for it and
//                   no later gate can send anything away. 'cloud' (mode-cloud) skips only the
//                   difficulty gate: it says "use the better model", not "send whatever I type".
//   2. policy       allowCloud false → local (policy-no-cloud). The admin always wins over the user,
//                   and a forced 'cloud' with allowCloud false is resolved the safe way: local.
//   3. availability no cloud configured → local (no-cloud); configured but offline → local (offline).
//   4. privacy      personal data in the prompt (or the history that would go with it) → local
//                   (privacy), in Cloud mode too. Choosing Cloud is a choice of quality; it is not
//                   consent to send an address, a card number or a key typed by mistake, and there
//                   is no undo once it has left. It also wins over the context gate: a long private
//                   conversation stays here even if the local model must drop older turns.
//                   With no local model either, the decision is still local: the caller refuses it
//                   (nothing is sent) rather than the gate sending it anyway.
//   4a. tools       Auto with an app's tools (function calling), which only the cloud can call here →
//                   cloud (tools). After privacy: tools are no reason to send personal data away.
//   4b. local model  Auto with no local model set up (none chosen yet, or it failed to load) →
//                   cloud (no-local-model): the cloud answers until one is set up.
//   5. context      prompt + history + room for the answer exceed the local window → cloud
//                   (context-too-long). Skipped when the window is unknown.
//   6. difficulty   score > threshold → cloud (difficult).
//   7. otherwise    local (easy).
// In Cloud mode gates 5-7 are not consulted: what passed gates 2-4 goes to the cloud.
// `score` is the difficulty score in every decision, computed once up front.
import type { Target } from '../contract/index.js';
import { answerReserve, estimateTokens, fitsLocalContext } from './context-fit.js';
import { DEFAULT_DIFFICULTY_THRESHOLD, scoreDifficulty } from './difficulty.js';
import { describeFindings, detectPrivateData, type PrivacyFinding } from './privacy.js';
import { isLearnedFinding } from './privacy-learned.js';
import type { RouteDecision, RouteInput, RouteMode, RouteReason, RouteReasonCode } from './router-types.js';

/** What `route` calls out to; tests and tools may replace either. */
export interface RouteDeps {
  /** Probability (0..1) that the prompt needs the cloud; defaults to the shipped model. */
  scoreDifficulty?: (prompt: string) => number;
  /** Personal data in a text; defaults to the built-in detector. */
  detectPrivateData?: (text: string) => PrivacyFinding[];
}

/**
 * The local window assumed when nothing better is known: the context the local engine asks for
 * (MAX_CONTEXT_TOKENS in local/generation-settings.ts, not imported to keep the router pure).
 */
export const DEFAULT_LOCAL_CONTEXT_TOKENS = 4096;

const MODE_NAMES: Readonly<Record<RouteMode, string>> = { auto: 'Auto', local: 'Local only', cloud: 'Cloud' };

function reason(code: RouteReasonCode, message: string): RouteReason {
  return { code, message };
}

function decide(target: Target, score: number, reasons: RouteReason[], mayEscalate = false): RouteDecision {
  return { target, score, reasons, mayEscalate };
}

/** A score in 0..1 whatever the scorer returned (NaN counts as 0: no evidence the query is hard). */
function clampScore(score: number): number {
  if (!Number.isFinite(score)) return score === Infinity ? 1 : 0;
  return score < 0 ? 0 : score > 1 ? 1 : score;
}

let scorerFailureReported = false;

/**
 * The difficulty score, or 0 when the scorer cannot run (say, its weights file is missing from a
 * broken install): routing must still answer, and "local" is the safe side of every gate.
 */
function safeScore(scorer: (prompt: string) => number, prompt: string): number {
  try {
    return clampScore(scorer(prompt));
  } catch (error) {
    if (!scorerFailureReported) {
      scorerFailureReported = true;
      console.error(`Duet router: the difficulty scorer failed, so queries are scored as easy: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 0;
  }
}

/** The first text among the prompt and the history that holds personal data, with its findings. */
function privateDataIn(input: RouteInput, detect: (text: string) => PrivacyFinding[]): { where: 'prompt' | 'history'; findings: PrivacyFinding[] } | null {
  const inPrompt = detect(input.prompt);
  if (inPrompt.length > 0) return { where: 'prompt', findings: inPrompt };
  for (const turn of input.history ?? []) {
    const found = detect(turn);
    if (found.length > 0) return { where: 'history', findings: found };
  }
  return null;
}

/** Decides where a prompt runs, walking the gates in order; see the top of this file. */
export function route(input: RouteInput, deps: RouteDeps = {}): RouteDecision {
  const score = safeScore(deps.scoreDifficulty ?? scoreDifficulty, input.prompt);
  const reasons: RouteReason[] = [];
  const { policy } = input;

  // 1. Mode: the admin's forced mode replaces the user's.
  const mode = policy.forceMode ?? input.mode;
  if (policy.forceMode !== null) {
    reasons.push(reason('policy-forced', `policy: your administrator set the mode to ${MODE_NAMES[mode]}`));
  }
  if (mode === 'local') {
    reasons.push(reason('mode-local', 'mode: Local only is selected, so it runs on this machine'));
    return decide('local', score, reasons);
  }
  if (mode === 'cloud') {
    reasons.push(reason('mode-cloud', 'mode: Cloud is selected, so it goes to the cloud model unless a rule keeps it here'));
  }

  // 2. Admin policy.
  if (!policy.allowCloud) {
    reasons.push(reason('policy-no-cloud', 'policy: your administrator does not allow the cloud, so it runs on this machine'));
    return decide('local', score, reasons);
  }

  // 3. Is there a cloud to go to?
  if (!input.cloudConfigured) {
    reasons.push(reason('no-cloud', 'no cloud: no cloud model is set up (add one in Settings), so it runs on this machine'));
    return decide('local', score, reasons);
  }
  if (!input.online) {
    reasons.push(reason('offline', 'offline: this computer is offline, so it runs on this machine'));
    return decide('local', score, reasons);
  }

  // 4. Privacy.
  const level = input.privacyLevel ?? 'standard';
  const found = privateDataIn(input, deps.detectPrivateData ?? ((text) => detectPrivateData(text, level)));
  if (found) {
    const what = describeFindings(found.findings);
    const where = found.where === 'prompt' ? 'the message contains' : 'an earlier message in this conversation contains';
    // At the standard level the learned check's guess alone may be overruled by the person who asks
    // the cloud for this answer; a rule's finding may not (chat-service.ts, requireCloudFor).
    const overrule = level === 'standard' && found.findings.every(isLearnedFinding) ? '; "Ask the cloud" sends it anyway' : '';
    reasons.push(reason('privacy', `privacy: ${where} ${what}, so it stays on this machine${overrule}`));
    return decide('local', score, reasons);
  }

  if (mode === 'cloud') return decide('cloud', score, reasons);

  // 4a. Tools only the cloud can call.
  if (input.needsTools) {
    reasons.push(reason('tools', 'tools: the app gave tools to call, and only the cloud model can call them, so it goes to the cloud'));
    return decide('cloud', score, reasons);
  }

  // 4b. No local model to answer: the window and the difficulty do not matter.
  if (!input.localModelAvailable) {
    reasons.push(reason('no-local-model', 'no local model yet: set one up to keep questions on this computer; until then it goes to the cloud'));
    return decide('cloud', score, reasons);
  }

  // 5. Context fit.
  const window = input.localContextTokens;
  if (window !== null) {
    const promptTokens = estimateTokens(input.prompt);
    const needed = promptTokens + input.historyTokens;
    if (!fitsLocalContext(promptTokens, input.historyTokens, window, answerReserve(window))) {
      reasons.push(
        reason(
          'context-too-long',
          `context: the conversation (about ${needed} tokens) is too long for the local model's ${window}-token window, so it goes to the cloud`,
        ),
      );
      return decide('cloud', score, reasons);
    }
  }

  // 6-7. Difficulty.
  const shown = `${score.toFixed(2)}, threshold ${input.threshold.toFixed(2)}`;
  if (score > input.threshold) {
    reasons.push(reason('difficult', `difficulty: this looks hard for the local model (score ${shown}), so it goes to the cloud`));
    return decide('cloud', score, reasons);
  }
  reasons.push(reason('easy', `difficulty: the local model should handle this (score ${shown}), so it stays on this machine`));
  return decide('local', score, reasons, true);
}

/** The default settings with a cloud configured and online and a local model: Auto mode, no admin policy, no history. */
export function defaultRouteInput(prompt: string): RouteInput {
  return {
    prompt,
    historyTokens: 0,
    mode: 'auto',
    policy: { allowCloud: true, forceMode: null },
    cloudConfigured: true,
    online: true,
    localModelAvailable: true,
    localContextTokens: DEFAULT_LOCAL_CONTEXT_TOKENS,
    threshold: DEFAULT_DIFFICULTY_THRESHOLD,
  };
}

/** Routes a lone prompt under the default settings (what `npm run router:score` measures). */
export function routeWithDefaults(prompt: string, deps?: RouteDeps): RouteDecision {
  return route(defaultRouteInput(prompt), deps);
}
