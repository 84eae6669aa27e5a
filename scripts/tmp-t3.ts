import { detectPrivateData } from '../src-main/router/privacy.js';
import { findNames } from '../src-main/router/privacy-person-names.js';
const t = process.argv[2]!;
console.log(JSON.stringify(detectPrivateData(t, 'strict', { learned: false }).map((f) => [f.kind, f.label, t.slice(f.start, f.end)])));
console.log(findNames(t).map((n) => t.slice(n.start, n.end)));
