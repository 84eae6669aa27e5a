// npm run router:privacy: the privacy gate's recall and false-positive rate on the labelled prompts
// (test/fixtures/privacy/labelled.jsonl), per category and overall, against the targets (recall
// at least 0.98, false positives at most 5%), and the same figures for holdout.jsonl, prompts
// written after the detector to see how it does on phrasings it was not shaped on, and holdout-2.jsonl,
// written later still, holdout-3.jsonl (forms, tables, names in other scripts), and holdout-4.jsonl (chat,
// dictation, code and config, mixed English/Chinese; written without reading the gate's rules). `strict` gives the sets at the strict level (Settings → Routing), plus
// strict.jsonl: a name with an age, a family member or a workplace, which only the strict level keeps
// local, and near-misses without a name.
// heldOut5 (transcripts, OCR, logs, forms; written without reading the gate): blind on its first run,
// the rules were then generalised for it (records, OCR, chat speakers, published values), so it is no
// longer blind. heldOut6 (pasted records, config, chat exports; written by someone who read neither the
// rules nor the sets) was blind on its first run, then fixed; heldOut7 (config, tickets, transcripts,
// health and money records, forms and OCR'd ids of twenty countries) likewise, in stop 24; heldOut8 (chat,
// pasted records and forms, the four weakest kinds weighted up) likewise, in stop 25; heldOut9 (Traditional and
// Cantonese, other European languages, organisations' own details) was blind on its first run in stop 25, then
// fixed for; heldOut10 likewise, in stop 26; both are trained on since; heldOut11 likewise (stop 26, trained on since
// stop 27); heldOut12 likewise (stop 27, trained on since stop 28); heldOut13 and heldOut14 likewise (stop 28, trained
// on since stop 29); heldOut15, heldOut16 and heldOut17 likewise (stop 29, trained on since stop 30); heldOut18,
// heldOut19 and heldOut20 likewise (stop 30, trained on since stop 31); heldOut21 and heldOut22 were blind on their
// first runs in stop 31, then fixed for, and are not trained on; heldOut23 and heldOut24 likewise, written while the
// twenty-first's and twenty-second's families were fixed; heldOut25 and heldOut26 likewise, after the twenty-third's and
// twenty-fourth's. Beside each: `strict` (with the learned
// check), and each level's rules alone (the learned check off). learnedCheck: each training set scored by a learned
// check trained without it, next to the rules alone, and what it keeps local among ordinary questions.
// Prints one JSON object; exits 1 when the labelled set misses a target at the standard level.
import {
  HOLDOUT_2_PATH,
  HOLDOUT_3_PATH,
  HOLDOUT_4_PATH,
  HOLDOUT_5_PATH,
  HOLDOUT_6_PATH,
  HOLDOUT_7_PATH,
  HOLDOUT_8_PATH,
  HOLDOUT_9_PATH,
  HOLDOUT_10_PATH,
  HOLDOUT_11_PATH,
  HOLDOUT_12_PATH,
  HOLDOUT_13_PATH,
  HOLDOUT_14_PATH,
  HOLDOUT_15_PATH,
  HOLDOUT_16_PATH,
  HOLDOUT_17_PATH,
  HOLDOUT_18_PATH,
  HOLDOUT_19_PATH,
  HOLDOUT_20_PATH,
  HOLDOUT_21_PATH,
  HOLDOUT_22_PATH,
  HOLDOUT_23_PATH,
  HOLDOUT_24_PATH,
  HOLDOUT_25_PATH,
  HOLDOUT_26_PATH,
  HOLDOUT_PATH,
  STRICT_PATH,
  loadLabelledPrompts,
  privacyReport,
  rulesFlag,
  type PrivacyReport,
} from './router/privacy-report.js';
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
const heldOut = privacyReport(loadLabelledPrompts(HOLDOUT_PATH));
const heldOut2 = privacyReport(loadLabelledPrompts(HOLDOUT_2_PATH));
const heldOut3 = privacyReport(loadLabelledPrompts(HOLDOUT_3_PATH));
const heldOut4 = privacyReport(loadLabelledPrompts(HOLDOUT_4_PATH));
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
// Blind on its first run (README); the rules have since been fixed for it.
const heldOut5 = withLevels(HOLDOUT_5_PATH);
// Blind on its first run (README); the rules were then fixed for it and the learned check trains on it.
const heldOut6 = withLevels(HOLDOUT_6_PATH);
// Blind for stop 23 (README); the rules were then fixed for it and the learned check trains on it.
const heldOut7 = withLevels(HOLDOUT_7_PATH);
// Blind for stop 24 (README); the rules were then fixed for it and the learned check trains on it.
const heldOut8 = withLevels(HOLDOUT_8_PATH);
// Blind on its first run in stop 25 (README); the rules were then fixed for its families, and the learned check trains on it.
const heldOut9 = withLevels(HOLDOUT_9_PATH);
// Blind for stop 25's gate (README); fixed for in stop 26, and trained on.
const heldOut10 = withLevels(HOLDOUT_10_PATH);
// Blind for stop 26's and 27's gates (README); fixed for and trained on since.
const heldOut11 = withLevels(HOLDOUT_11_PATH);
const heldOut12 = withLevels(HOLDOUT_12_PATH);
// Blind for stop 27's and 28's gates, fixed for in stop 28 (and 29), trained on since stop 29.
const heldOut13 = withLevels(HOLDOUT_13_PATH);
const heldOut14 = withLevels(HOLDOUT_14_PATH);
// Blind for stop 29's gate: written after holdout-14's fixes and committed before its first run; fixed for, trained on since stop 30.
const heldOut15 = withLevels(HOLDOUT_15_PATH);
// Blind for the gate after holdout-15's fixes (stop 29); fixed for, trained on since stop 30.
const heldOut16 = withLevels(HOLDOUT_16_PATH);
// Blind for stop 29's last gate (after holdout-16's fixes); fixed for, trained on since stop 30.
const heldOut17 = withLevels(HOLDOUT_17_PATH);
// Blind for stop 30's gate (after training on holdout-15 to -17); fixed for, trained on since stop 31.
const heldOut18 = withLevels(HOLDOUT_18_PATH);
// Blind for the gate after holdout-18's fixes (stop 30); fixed for, trained on since stop 31.
const heldOut19 = withLevels(HOLDOUT_19_PATH);
// Blind for the gate after holdout-19's fixes (stop 30); fixed for, trained on since stop 31.
const heldOut20 = withLevels(HOLDOUT_20_PATH);
// Blind for stop 31's gate (after training on holdout-18 to -20); fixed for, never trained on.
const heldOut21 = withLevels(HOLDOUT_21_PATH);
const heldOut22 = withLevels(HOLDOUT_22_PATH);
// Blind for the gate after holdout-21's and -22's fixes (stop 31); fixed for, never trained on.
const heldOut23 = withLevels(HOLDOUT_23_PATH);
const heldOut24 = withLevels(HOLDOUT_24_PATH);
// Blind for the gate after holdout-23's and -24's fixes (stop 31); fixed for, never trained on.
const heldOut25 = withLevels(HOLDOUT_25_PATH);
const heldOut26 = withLevels(HOLDOUT_26_PATH);
const strict = {
  labelled: summary(privacyReport(loadLabelledPrompts(), 'strict')),
  heldOut: summary(privacyReport(loadLabelledPrompts(HOLDOUT_PATH), 'strict')),
  strictSet: summary(privacyReport(loadLabelledPrompts(STRICT_PATH), 'strict')),
  /** The same strict-only prompts at the standard level: what the strict level adds. */
  strictSetAtStandard: summary(privacyReport(loadLabelledPrompts(STRICT_PATH), 'standard')),
};
console.log(
  JSON.stringify(
    {
      ...labelled,
      heldOut: summary(heldOut),
      heldOut2: summary(heldOut2),
      heldOut3: summary(heldOut3),
      heldOut4: summary(heldOut4),
      heldOut5,
      heldOut6,
      heldOut7,
      heldOut8,
      heldOut9,
      heldOut10,
      heldOut11,
      heldOut12,
      heldOut13,
      heldOut14,
      heldOut15,
      heldOut16,
      heldOut17,
      heldOut18,
      heldOut19,
      heldOut20,
      heldOut21,
      heldOut22,
      heldOut23,
      heldOut24,
      heldOut25,
      heldOut26,
      strict,
      learnedCheck: learnedCheckReport(),
    },
    null,
    2,
  ),
);
if (!labelled.overall.recallPass || !labelled.overall.falsePositivePass) process.exitCode = 1;
