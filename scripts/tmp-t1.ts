import { detectPrivateData } from '../src-main/router/privacy.js';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(detectPrivateData(t, 'standard', { learned: false }).map((f) => [f.kind, f.label, t.slice(f.start, f.end)])), '|', t.slice(0, 80).replace(/\n/g, ' '));
