import { describe, expect, it } from 'vitest';
import { factored } from '../../src-main/router/privacy-factor.js';

/** Every match of a global regex with its index and captures, as one comparable list. */
function matches(re: RegExp, text: string): string[] {
  return [...text.matchAll(re)].map((m) => `${m.index}:${m.join('|')}`);
}

const TEXT =
  'Dr. Okafor was admitted in hospital with diabetes; in the ICU since May. The password for wifi is Blue42! ' +
  'My pin code: 7391. Ink and inks in the intray, on the ward, to the hospice. Oh one two, Nought nine. ' +
  'self-harm, self harm, selfish. Expecting a baby, expecting twins; expected. burnout burn-out. Xanax Zoloft.';

describe('privacy patterns joined by first letter', () => {
  const cases: Array<[string, RegExp]> = [
    ['a keyword list', /\b(?:diabetes|diagnosis|admitted|alzheimer'?s|hospital|hospice|in hospital|ICU|ink|inks)\b/g],
    ['a group that may start where a later keyword does', /\b(?:(?:in|on|to) the \w+|ink|inks|intray|ward|hospice)\b/g],
    ['an optional group before a keyword', /\b(?:(?:nervous )?breakdown|burn-?out|burnout|baby|bipolar)\b/g],
    ['case-insensitive, with captures', /(password|passcode|pin code|pin|phrase|pass)[^.\n]{0,20}?(?:is|:)\s*(\S+)/gi],
    ['case pairs', /\b(?:[oO]h|[oO]ne|[nN]ought|[nN]ine|[tT]wo|[tT]en)[ ,-]{1,3}(?:oh|one|nought|nine|two|ten)\b/g],
    ['upper and lower case of one letter, written apart', /\b(?:expecting a baby|Expecting twins|expected|Expecting a baby|xanax|Xanax|Zoloft)\b/g],
    ['alternatives in a look-behind stay as written', /(?<!(?:self|selfish|sell)[- ])harm|self(?:ish)?|sea|shingles/g],
  ];
  for (const [name, re] of cases) {
    it(`finds the same matches and captures: ${name}`, () => {
      const joined = factored(re);
      expect(joined.flags).toBe(re.flags);
      expect(matches(joined, TEXT)).toEqual(matches(re, TEXT));
    });
  }

  it('reads each first letter once', () => {
    expect(factored(/\b(?:diabetes|diagnosis|admitted|alzheimer)\b/g).source).toBe('\\b(?:d(?:iabetes|iagnosis)|a(?:dmitted|lzheimer))\\b');
  });

  it('moves no keyword past a group that may start with its letter', () => {
    // "ink" may not move ahead of "(?:in|on|to) the": both can start with "i"; "ward" may.
    expect(factored(/(?:in|on|to) the|ward|ink|whole/g).source).toBe('(?:in|on|to) the|w(?:ard|hole)|ink');
  });
});
