// Numbers and dates said in words, as a family: a phone number dictated digit by digit with no separators
// (run into the words around it, with "double"/"triple", after "plus"), a date of birth with an ordinal day
// and a year in words ("the twenty first of may two thousand and nine"), and Chinese dates and numbers in
// characters. Counting, lyrics and word problems with numbers in words stay clean. Values are invented.
import { describe, expect, it } from 'vitest';
import { spokenShadow } from '../../src-main/router/privacy-spoken.js';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

describe('the shadow text of dictated dates', () => {
  it('writes an ordinal day, a year with "thousand" and a Chinese month and day as digits', () => {
    expect(spokenShadow('on the twenty third of june nineteen eighty two')?.text).toBe('on the 23rd of june 1982');
    expect(spokenShadow('the thirty-first of may two thousand and nine')?.text).toBe('the 31st of may 2009');
    expect(spokenShadow('二〇一一年十月三十一日')?.text).toBe('2011年10月31日');
  });
});

describe('numbers and dates dictated in words', () => {
  itKeepsLocalAndSends(
    {
      'a phone number dictated with no separators': [
        'whatsapp bola on oh eight oh three five five two seven one four six and say i said hi',
        'ring my brother on oh double seven four one triple two nine eight six before noon',
        'her mobile is plus three four six one two five five oh eight nine seven',
        '把电话 幺五九 二六八三 四七一零 记下来',
        'call me on zero seven seven double four one two three nine five six',
      ],
      'a date of birth said in words': [
        'note that my son was born on the twenty third of june twenty nineteen',
        'my daughter was born on march thirty first two thousand and twelve',
        '我女儿是二〇一六年七月二十九日出生的，帮我记到备忘录',
      ],
    },
    {
      'counting, lyrics and word problems in words': [
        'one two three four five six seven eight nine ten, a big fat hen',
        'nine eight seven six five four three two one, lift off!',
        'if tom has twenty one apples and gives away seven, how many are left?',
        'five six seven eight, everybody on the floor',
        '一二三四五，上山打老虎',
      ],
      'a year or a date with nobody’s birth': ['the treaty was signed on the twenty eighth of june nineteen nineteen', '二〇二四年十月一日是国庆节'],
    },
  );
});
