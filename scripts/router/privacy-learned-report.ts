// What the learned privacy check adds at the strict level, for router:privacy. Its shipped weights
// were trained on the labelled and held-out sets 1-4, so the gate's figures there flatter it; here
// each of those sets is scored by a model trained without it (leave-one-set-out), next to the rules
// alone (standard and strict), and what the standard level would give with it (standardIfLearned,
// at 0.9: the option not taken). On ordinary questions (the router's benchmark prompts): how many it
// keeps local for nothing, and how many of those the difficulty score would have sent to the cloud.
import { DEFAULT_DIFFICULTY_THRESHOLD, scoreDifficulty } from '../../src-main/router/difficulty.js';
import { LEARNED_PRIVACY_THRESHOLD, learnedPrivacyScore } from '../../src-main/router/privacy-learned.js';
import fs from 'node:fs';
import path from 'node:path';
import { BENCHMARKS, loadAll, repoRoot, routerDataDir } from '../router-data.js';
import { privacyReport, rulesFlag, type LabelledPrompt } from './privacy-report.js';
import { leaveOneSetOutScores, ordinaryPrompts, privacyTrainingPrompts } from './privacy-train.js';

const r4 = (x: number): number => Number(x.toFixed(4));
/** What the learned check would do at the standard level, at this threshold (it does not run there). */
export const STANDARD_WHAT_IF = 0.9;

/**
 * Text nobody trained it on: 600-character excerpts of the README of every installed package
 * (node_modules/*, one every 1,500 characters of the first 20,000), behind "Summarise this:", and
 * the share the learned check reads as personal. No README there is in its training data.
 */
function pastedReadmes(): { excerpts: number; flagged: number } {
  const root = path.join(repoRoot(), 'node_modules');
  const excerpts: string[] = [];
  for (const entry of fs.readdirSync(root).sort()) {
    const packages = entry.startsWith('@')
      ? fs
          .readdirSync(path.join(root, entry))
          .sort()
          .map((x) => path.join(entry, x))
      : [entry];
    for (const pkg of packages) {
      const file = path.join(root, pkg, 'README.md');
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (let i = 0; i + 200 < text.length && i < 20_000; i += 1500) excerpts.push(`Summarise this:\n${text.slice(i, i + 600)}`);
    }
  }
  const flagged = excerpts.filter((t) => (learnedPrivacyScore(t) ?? 0) > LEARNED_PRIVACY_THRESHOLD).length;
  return { excerpts: excerpts.length, flagged: r4(flagged / Math.max(1, excerpts.length)) };
}

/** Per training set: the rules alone, and the rules with a learned check that never saw the set, at each level. */
export function learnedCheckReport(): Record<string, unknown> {
  const sets = loadAll(routerDataDir());
  const prompts = privacyTrainingPrompts();
  const held = leaveOneSetOutScores(prompts, ordinaryPrompts(Object.values(sets).flat()));
  const leaveOneSetOut: Record<string, unknown> = {};
  for (const set of new Set(prompts.map((p) => p.set))) {
    const idx = prompts.map((p, i) => (p.set === set ? i : -1)).filter((i) => i >= 0);
    const these = idx.map((i) => prompts[i]!);
    const withLearned = (level: 'standard' | 'strict', t: number) => (p: LabelledPrompt, k: number) => held[idx[k]!]! > t || rulesFlag(level)(p);
    const strict = privacyReport(these, 'strict', withLearned('strict', LEARNED_PRIVACY_THRESHOLD));
    const row: Record<string, unknown> = {
      rules: privacyReport(these, 'standard', rulesFlag('standard')).overall,
      strictRules: privacyReport(these, 'strict', rulesFlag('strict')).overall,
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
  return { threshold: LEARNED_PRIVACY_THRESHOLD, pastedReadmes: pastedReadmes(), standardWhatIfThreshold: STANDARD_WHAT_IF, leaveOneSetOut, ordinaryTraffic };
}
