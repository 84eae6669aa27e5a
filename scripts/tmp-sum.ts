// ad hoc: per-set summary; args = set names (holdout-15 …) or nothing for all; --list prints misses and FPs
import path from 'node:path';
import { allPrivacySetPaths, loadLabelledPrompts, privacyReport, rulesFlag } from './router/privacy-report.js';
import { learnedPrivacyScore } from '../src-main/router/privacy-learned.js';
import { detectPrivateData } from '../src-main/router/privacy.js';
const args = process.argv.slice(2);
const list = args.includes('--list');
const names = args.filter((a) => !a.startsWith('--'));
for (const file of allPrivacySetPaths()) {
  const name = path.basename(file, '.jsonl');
  if (names.length && !names.includes(name)) continue;
  const set = loadLabelledPrompts(file);
  const std = privacyReport(set);
  const strict = privacyReport(set, 'strict');
  const rules = privacyReport(set, 'standard', rulesFlag('standard'));
  const f = (r: typeof std) => `${r.overall.recall.toFixed(3)}/${(r.overall.falsePositiveRate * 100).toFixed(1)}%`;
  const lang = (r: typeof std, l: string) => (r.byLanguage[l] ? `${l} ${f({ ...r, overall: { ...r.byLanguage[l]!, recallPass: true, falsePositivePass: true } })}` : '');
  console.log(`${name.padEnd(12)} std ${f(std)}  strict ${f(strict)}  rules ${f(rules)}  | ${lang(std, 'en')} ${lang(std, 'zh')}`);
  if (list) {
    for (const p of set) {
      const found = detectPrivateData(p.text, 'standard');
      const flagged = found.length > 0;
      if (flagged === p.sensitive) continue;
      const s = learnedPrivacyScore(p.text);
      console.log(`  ${p.sensitive ? 'MISS' : 'FP  '} [${p.category}/${p.lang}] L=${s?.toFixed(2)} ${flagged ? found.map((x) => x.kind + ':' + x.label).join(',') : ''}\n     ${p.text.replace(/\n/g, ' ⏎ ').slice(0, 400)}`);
    }
  }
}
