// ad hoc: per-category JSON (std, strict, rules) for one set; lang groups en→English, zh→Chinese, else other European
import { loadLabelledPrompts, privacyReport, rulesFlag } from './router/privacy-report.js';
const file = process.argv[2]!;
const set = loadLabelledPrompts(file).map((p) => ({ ...p, lang: p.lang === 'en' ? 'English' : p.lang === 'zh' ? 'Chinese' : 'other European' }));
const out: Record<string, unknown> = {};
for (const [name, r] of [
  ['rules', privacyReport(set, 'standard', rulesFlag('standard'))],
  ['standard', privacyReport(set)],
  ['strict', privacyReport(set, 'strict')],
] as const)
  out[name] = { overall: r.overall, byCategory: r.byCategory, byLanguage: r.byLanguage };
console.log(JSON.stringify(out));
