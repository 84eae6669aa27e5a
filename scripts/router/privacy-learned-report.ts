// What the learned privacy check adds at each level, for router:privacy. Its shipped weights were
// trained on the labelled and held-out sets 1-7, so the gate's figures there flatter it; here each of
// those sets is scored by a model trained without it (leave-one-set-out), next to the rules alone. On
// ordinary text (README excerpts, the router's benchmark prompts): how much it keeps local for nothing
// at each level's threshold, and how much of that the difficulty score would have sent to the cloud.
import { DEFAULT_DIFFICULTY_THRESHOLD, scoreDifficulty } from '../../src-main/router/difficulty.js';
import { LEARNED_PRIVACY_STANDARD_THRESHOLD, LEARNED_PRIVACY_THRESHOLD, learnedPrivacyScore } from '../../src-main/router/privacy-learned.js';
import fs from 'node:fs';
import path from 'node:path';
import { BENCHMARKS, loadAll, repoRoot, routerDataDir } from '../router-data.js';
import { privacyReport, rulesFlag, type LabelledPrompt } from './privacy-report.js';
import { leaveOneSetOutScores, ordinaryPrompts, privacyTrainingPrompts } from './privacy-train.js';

const r4 = (x: number): number => Number(x.toFixed(4));
const THRESHOLDS = { standard: LEARNED_PRIVACY_STANDARD_THRESHOLD, strict: LEARNED_PRIVACY_THRESHOLD } as const;

/**
 * Text nobody trained it on: 600-character excerpts of the README of every installed package
 * (node_modules/*, one every 1,500 characters of the first 20,000), behind "Summarise this:", and
 * the share the learned check reads as personal. No README there is in its training data.
 */
function pastedReadmes(): { excerpts: number; flagged: Record<keyof typeof THRESHOLDS, number> } {
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
  const scores = excerpts.map((t) => learnedPrivacyScore(t) ?? 0);
  const share = (t: number): number => r4(scores.filter((s) => s > t).length / Math.max(1, excerpts.length));
  return { excerpts: excerpts.length, flagged: { standard: share(THRESHOLDS.standard), strict: share(THRESHOLDS.strict) } };
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
    const strict = privacyReport(these, 'strict', withLearned('strict', THRESHOLDS.strict));
    const standard = privacyReport(these, 'standard', withLearned('standard', THRESHOLDS.standard));
    leaveOneSetOut[set] = {
      rules: privacyReport(these, 'standard', rulesFlag('standard')).overall,
      standard: { ...standard.overall, byCategory: standard.byCategory },
      strictRules: privacyReport(these, 'strict', rulesFlag('strict')).overall,
      strict: { ...strict.overall, byCategory: strict.byCategory },
    };
  }
  // Ordinary questions; MMLU-Pro, LLMRouter and MT-Bench were never among the training's "not personal" examples.
  const ordinaryTraffic: Record<string, unknown> = {};
  for (const b of BENCHMARKS) {
    const items = sets[b];
    const scores = items.map((it) => learnedPrivacyScore(it.prompt) ?? 0);
    const atLevel = (t: number) => {
      const flagged = items.filter((_, i) => scores[i]! > t);
      const movedToLocal = flagged.filter((it) => scoreDifficulty(it.prompt) > DEFAULT_DIFFICULTY_THRESHOLD).length;
      return { flagged: r4(flagged.length / items.length), movedToLocal: r4(movedToLocal / items.length) };
    };
    ordinaryTraffic[b] = {
      prompts: items.length,
      standard: atLevel(THRESHOLDS.standard),
      strict: atLevel(THRESHOLDS.strict),
      inTraining: b === 'mmlu' || b === 'gsm8k' || b === 'zeroeval',
    };
  }
  return { thresholds: THRESHOLDS, pastedReadmes: pastedReadmes(), leaveOneSetOut, ordinaryTraffic };
}
