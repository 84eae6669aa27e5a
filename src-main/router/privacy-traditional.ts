// Messages in Traditional Chinese (Hong Kong, Taiwan, Macau) and Cantonese are read a second time with each
// Traditional character put into its Simplified form (醫院 → 医院, 確診 → 确诊, 電話 → 电话), so the rules
// written for Simplified Chinese read them too, as the OCR reading does for scans (privacy-ocr.ts). One
// character for one, so every span found in the folded text is the same span in the original.
import { FROM_TRADITIONAL, TO_SIMPLIFIED } from './privacy-traditional-table.js';
import { hasHan } from './privacy-text.js';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < FROM_TRADITIONAL.length; i++) SIMPLIFIED.set(FROM_TRADITIONAL[i]!, TO_SIMPLIFIED[i]!);

const HAN_RUN = /[\u4e00-\u9fff]+/g;

/** The text with its Traditional characters made Simplified, or undefined when it has none. */
export function simplifiedFold(text: string): string | undefined {
  if (!hasHan(text)) return undefined;
  let changed = false;
  const folded = text.replace(HAN_RUN, (run) => {
    let out = '';
    for (const c of run) {
      const s = SIMPLIFIED.get(c);
      if (s !== undefined) changed = true;
      out += s ?? c;
    }
    return out;
  });
  return changed ? folded : undefined;
}
