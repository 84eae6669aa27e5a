// npm run router:privacy: the privacy gate's recall and false-positive rate on the labelled prompts
// (test/fixtures/privacy/labelled.jsonl), per category and overall, against the targets (recall
// at least 0.98, false positives at most 5%), and the same figures for holdout.jsonl, prompts
// written after the detector to see how it does on phrasings it was not shaped on. Prints one JSON
// object; exits 1 when the labelled set misses a target.
import { HOLDOUT_PATH, loadLabelledPrompts, privacyReport } from './router/privacy-report.js';

const labelled = privacyReport(loadLabelledPrompts());
const { missed, falsePositives, byCategory, byLanguage, overall, prompts } = privacyReport(loadLabelledPrompts(HOLDOUT_PATH));
console.log(JSON.stringify({ ...labelled, heldOut: { prompts, overall, byLanguage, byCategory, missed, falsePositives } }, null, 2));
if (!labelled.overall.recallPass || !labelled.overall.falsePositivePass) process.exitCode = 1;
