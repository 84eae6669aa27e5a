import fs from 'node:fs';
import { detectPrivateData } from '../src-main/router/privacy.js';
for (const t of JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as string[]) console.log(JSON.stringify(detectPrivateData(t, 'standard', { learned: false }).map((f) => [f.kind, f.label, t.slice(f.start, f.end)])), '|', t.slice(0, 60).replace(/\n/g, ' '));
