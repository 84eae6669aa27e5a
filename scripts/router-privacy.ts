// npm run router:privacy: the privacy gate's recall and false-positive rate on the labelled prompts
// (test/fixtures/privacy/labelled.jsonl), per category and overall, against the targets (recall
// at least 0.98, false positives at most 5%), and the same figures for every held-out set
// (scripts/router/privacy-sets.ts; heldOut21 is holdout-21.jsonl), written after the gate to see how it
// does on what it was not shaped on; their provenance and blind first runs are in
// test/fixtures/privacy/README.md. Each held-out set is given at the standard level, with `strict` (with
// the learned check) and each level's rules alone (the learned check off) beside it. `strict` also gives
// strict.jsonl: a name with an age, a family member or a workplace, which only the strict level keeps
// local, and near-misses without a name. learnedCheck: each training set scored by a learned check
// trained without it, next to the rules alone, and what it keeps local among ordinary questions.
// Prints one JSON object; exits 1 when the labelled set misses a target at the standard level.
import { loadLabelledPrompts, privacyReport, rulesFlag, STRICT_PATH, type PrivacyReport } from './router/privacy-report.js';
import { HELD_OUT_SETS, heldOutSet } from './router/privacy-sets.js';
import { learnedCheckReport } from './router/privacy-learned-report.js';

/** Only the figures, for a side table of one more level. */
function figuresOnly({ overall, byLanguage, byCategory }: PrivacyReport): object {
  return { overall, byLanguage, byCategory };
}

/** The figures without the per-prompt lists, for a side table. */
function summary({ prompts, overall, byLanguage, byCategory, missed, falsePositives }: PrivacyReport): object {
  return { prompts, overall, byLanguage, byCategory, missed, falsePositives };
}

const labelled = privacyReport(loadLabelledPrompts());
/** A held-out set's figures at the standard level, with the strict level's and the rules alone beside them. */
function withLevels(file: string): object {
  const prompts = loadLabelledPrompts(file);
  return {
    ...summary(privacyReport(prompts)),
    strict: figuresOnly(privacyReport(prompts, 'strict')),
    standardRulesOnly: privacyReport(prompts, 'standard', rulesFlag('standard')).overall,
    strictRulesOnly: privacyReport(prompts, 'strict', rulesFlag('strict')).overall,
  };
}
/** "holdout" → heldOut, "holdout-21" → heldOut21: the keys the READMEs quote. */
const heldOut = Object.fromEntries(HELD_OUT_SETS.map((s) => [s.name.replace(/^holdout-?/, 'heldOut'), withLevels(s.file)]));
const strict = {
  labelled: summary(privacyReport(loadLabelledPrompts(), 'strict')),
  heldOut: summary(privacyReport(loadLabelledPrompts(heldOutSet('holdout').file), 'strict')),
  strictSet: summary(privacyReport(loadLabelledPrompts(STRICT_PATH), 'strict')),
  /** The same strict-only prompts at the standard level: what the strict level adds. */
  strictSetAtStandard: summary(privacyReport(loadLabelledPrompts(STRICT_PATH), 'standard')),
};
console.log(
  JSON.stringify(
    {
      ...labelled,
      ...heldOut,
      strict,
      learnedCheck: learnedCheckReport(),
    },
    null,
    2,
  ),
);
if (!labelled.overall.recallPass || !labelled.overall.falsePositivePass) process.exitCode = 1;
