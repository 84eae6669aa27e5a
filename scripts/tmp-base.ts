// ad hoc: every wrong rules-alone verdict (standard and strict) on every labelled and training set, and the router
// prompts the rules and the whole gate flag; one line each, for diffing before/after a change.
import path from 'node:path';
import { allPrivacySetPaths, loadLabelledPrompts } from './router/privacy-report.js';
import { detectPrivateData } from '../src-main/router/privacy.js';
import { loadAll, routerDataDir } from './router-data.js';
const files = [...allPrivacySetPaths(), 'data/privacy/training-1.jsonl', 'data/privacy/training-2.jsonl', 'data/privacy/training-3.jsonl'];
for (const f of files)
  for (const p of loadLabelledPrompts(f))
    for (const level of ['standard', 'strict'] as const) {
      const flagged = detectPrivateData(p.text, level, { learned: false }).length > 0;
      const want = level === 'strict' ? p.sensitive || undefined : p.sensitive;
      if (level === 'strict' && !p.sensitive) { if (flagged) console.log(path.basename(f), level, 'FP', p.text.replace(/\n/g, ' ⏎ ').slice(0, 200)); continue; }
      if (flagged !== want) console.log(path.basename(f), level, p.sensitive ? 'MISS' : 'FP', p.text.replace(/\n/g, ' ⏎ ').slice(0, 200));
    }
for (const it of Object.values(loadAll(routerDataDir())).flat()) {
  if (detectPrivateData(it.prompt, 'standard', { learned: false }).length) console.log('ROUTER rules', it.id);
  else if (detectPrivateData(it.prompt, 'standard').length) console.log('ROUTER learned', it.id);
}
