// scanCharacters (src-main/router/feature-chars.ts) counts in one pass what regexes used to count
// one pass each; every count must equal its regex's on any text, whitespace and line ends included.
import { describe, expect, it } from 'vitest';
import { isRegexSpace, scanCharacters } from '../../src-main/router/feature-chars.js';
import { mulberry32 } from '../support/seeded-random.js';

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

/** What the regexes say (the definitions in CharScan). */
function byRegex(text: string): Record<string, number> {
  return {
    questionMarks: count(/\?/g, text),
    sentenceEnds: count(/[.?!](?=\s|$)/g, text),
    lines: count(/\S[^\n]*/g, text),
    numericSentences: (text.match(/[^.?!\n]+[.?!\n]?/g) ?? []).filter((s) => /\d/.test(s)).length,
    digits: count(/\d/g, text),
    cjk: count(/[\u4e00-\u9fff]/g, text),
    optionLinesAD: count(/^[ \t]*\(?[A-Da-d][.)][ \t]+\S/gm, text),
    optionLinesAJ: count(/^[ \t]*\(?[A-Ja-j][.)][ \t]+\S/gm, text),
    optionLinesAJColon: count(/^[ \t]*\(?[A-Ja-j][.):][ \t]+\S/gm, text),
    listLines: count(/^[ \t]*(?:[-*•]|\d+[.)])[ \t]+\S/gm, text),
  };
}

const PIECES = [
  'A. ',
  'b) ',
  '(C) ',
  '(d. ',
  'E: ',
  'J.',
  'K. ',
  '@. ',
  '(',
  '- ',
  '* ',
  '•\t',
  '12. ',
  '3)',
  '\r',
  '\u2029',
  'x',
  'a',
  'Z',
  '7',
  '_',
  '.',
  '?',
  '!',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u200b',
  '{',
  '}',
  '好',
  'é',
  '...',
  '?!',
  '1.5',
  'end.',
];

describe('scanCharacters', () => {
  it('counts what each replaced regex matches, on generated texts', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const n = Math.floor(rand() * 30);
      for (let j = 0; j < n; j++) text += PIECES[Math.floor(rand() * PIECES.length)]!;
      const s = scanCharacters(text);
      const { questionMarks, sentenceEnds, lines, numericSentences, digits, cjk, optionLinesAD, optionLinesAJ, optionLinesAJColon, listLines } = s;
      const got = { questionMarks, sentenceEnds, lines, numericSentences, digits, cjk, optionLinesAD, optionLinesAJ, optionLinesAJColon, listLines };
      expect(got, JSON.stringify(text)).toEqual(byRegex(text));
    }
  });

  it('reports which ASCII characters occur, with nothing left from the previous text', () => {
    scanCharacters('a{b}?');
    const s = scanCharacters('x=1');
    expect([s.seen['='.charCodeAt(0)], s.seen['{'.charCodeAt(0)], s.seen['?'.charCodeAt(0)]]).toEqual([1, 0, 0]);
  });

  it('knows the regex whitespace class', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });
});
