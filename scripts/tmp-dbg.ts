import { takenBack } from '../src-main/router/privacy-takeback.js';
import { detectPrivateData } from '../src-main/router/privacy.js';
const t = "Add my ex's number to the block list on our office phone system please — he keeps ringing reception asking for me. It's +1 (646) 552-8194. How do I do that in the 3CX admin panel?";
const v = '+1 (646) 552-8194';
const s = t.indexOf(v);
console.log(takenBack(t, 'phone', s, s + v.length), detectPrivateData(t, 'standard', { learned: false }));
