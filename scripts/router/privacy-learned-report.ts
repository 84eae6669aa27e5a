// What the learned privacy check adds at the strict level, for router:privacy. Its shipped weights
// were trained on the labelled and held-out sets 1-4, so the gate's figures there flatter it; here
// each of those sets is scored by a model trained without it (leave-one-set-out), next to the rules
// alone (standard and strict), and what the standard level would give with it (standardIfLearned,
// at 0.9: the option not taken). On ordinary questions (the router's benchmark prompts): how many it
// keeps local for nothing, and how many of those the difficulty score would have sent to the cloud.
import { DEFAULT_DIFFICULTY_THRESHOLD, scoreDifficulty } from '../../src-main/router/difficulty.js';
import { detectPrivateData } from '../../src-main/router/privacy.js';
import { LEARNED_PRIVACY_THRESHOLD, learnedPrivacyScore } from '../../src-main/router/privacy-learned.js';
import { BENCHMARKS, loadAll, routerDataDir } from '../router-data.js';
import { privacyReport } from './privacy-report.js';
import { leaveOneSetOutScores, ordinaryPrompts, privacyTrainingPrompts } from './privacy-train.js';

const r4 = (x: number): number => Number(x.toFixed(4));
/** What the learned check would do at the standard level, at this threshold (it does not run there). */
const STANDARD_WHAT_IF = 0.9;

/** Per training set: the rules alone, and the rules with a learned check that never saw the set, at each level. */
export function learnedCheckReport(): Record<string, unknown> {
  const sets = loadAll(routerDataDir());
  const prompts = privacyTrainingPrompts();
  const held = leaveOneSetOutScores(prompts, ordinaryPrompts(Object.values(sets).flat()));
  const leaveOneSetOut: Record<string, unknown> = {};
  for (const set of new Set(prompts.map((p) => p.set))) {
    const idx = prompts.map((p, i) => (p.set === set ? i : -1)).filter((i) => i >= 0);
    const these = idx.map((i) => prompts[i]!);
    const rules = (level: 'standard' | 'strict') => (p: { text: string }) => detectPrivateData(p.text, level, { learned: false }).length > 0;
    const withLearned = (level: 'standard' | 'strict', t: number) => (p: { text: string }, k: number) => held[idx[k]!]! > t || rules(level)(p);
    const strict = privacyReport(these, 'strict', withLearned('strict', LEARNED_PRIVACY_THRESHOLD));
    const row: Record<string, unknown> = {
      rules: privacyReport(these, 'standard', rules('standard')).overall,
      strictRules: privacyReport(these, 'strict', rules('strict')).overall,
      strict: { ...strict.overall, byCategory: strict.byCategory },
      standardIfLearned: privacyReport(these, 'standard', withLearned('standard', STANDARD_WHAT_IF)).overall,
    };
    leaveOneSetOut[set] = row;
  }
  // Ordinary questions; MMLU-Pro, LLMRouter and MT-Bench were never among the training's "not personal" examples.
  const ordinaryTraffic: Record<string, unknown> = {};
  for (const b of BENCHMARKS) {
    const items = sets[b];
    const flagged = items.filter((it) => (learnedPrivacyScore(it.prompt) ?? 0) > LEARNED_PRIVACY_THRESHOLD);
    const movedToLocal = flagged.filter((it) => scoreDifficulty(it.prompt) > DEFAULT_DIFFICULTY_THRESHOLD).length;
    ordinaryTraffic[b] = {
      prompts: items.length,
      flagged: r4(flagged.length / items.length),
      movedToLocal: r4(movedToLocal / items.length),
      inTraining: b === 'mmlu' || b === 'gsm8k' || b === 'zeroeval',
    };
  }
  return { threshold: LEARNED_PRIVACY_THRESHOLD, standardWhatIfThreshold: STANDARD_WHAT_IF, leaveOneSetOut, ordinaryTraffic };
}
