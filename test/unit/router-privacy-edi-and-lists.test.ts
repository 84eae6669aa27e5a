// What holdout-25's blind run showed of healthcare EDI and lists (stop 31). Missed: an 834's or 837's named member with
// their DMG*D8 date of birth, their SSN after *34* or REF*0F, their HI*ABK diagnosis codes; a swimming class's names
// and dates of birth under "old enough"; a Chinese 名册's names and dates (张德福 1948.05.12). The same segments with no
// named individual, and a list of dates with nobody's name, stay clean.
import { describe, expect, it } from 'vitest';
import { itKeepsLocalAndSends, ruleFindings } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a named member’s segments': [
    'Is this CCYYMMDD?\n\nNM1*IL*1*VASQUEZ*MARISOL*E***34*~\nDMG*D8*19870422*F~',
    'INS*Y*18*021*28*A***FT~\nREF*0F*412683097~\nNM1*IL*1*OYELARAN*TOBI*A***34*412683097~',
    'NM1*IL*1*FENWICK*LAURA****MI*W882190447~\nHI*ABK:F33.1*ABF:F41.1~',
  ],
  'people listed with their dates of birth': [
    'Which of my swimmers are old enough for Stage 4?\n\nFreddie Moss – 03/05/2017\nIsla Grant – 19/11/2016\nReuben Achebe – 28/09/2017',
    '帮我从名册里挑出今年满 70 岁及以上的：\n张德福 1948.05.12\n罗桂英 1953.10.03\n彭永年 1955.01.20',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'segments and lists with no one in them': [
    'What does DMG*D8*CCYYMMDD mean in an 834? And NM1*IL*1*LAST*FIRST?',
    'HI*ABK:F33.1 — which ICD-10 code is F33.1?',
    'How old is each release?\n\nv1.0 – 03/05/2017\nv1.1 – 19/11/2017\nv2.0 – 28/09/2018',
  ],
};

describe('healthcare EDI segments and lists of birthdays (holdout-25)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);

  it('does not read a log’s dates with their times as birthdays', () => {
    // A hotel's check-ins (holdout-13): a birthday read there was taken back as SQL talk, and took the learned check's
    // reading of the guests' rooms with it.
    const text =
      'name   | room_no | checkin_time\n万俊杰 | 1206    | 2024-08-15 14:22:10\n甘露   | 1206    | 2024-08-15 14:22:10\n施卫国 | 0815    | 2024-08-15 23:57:41';
    expect(ruleFindings(text).filter((f) => f.startsWith('birth-date'))).toEqual([]);
  });
});
