// What the learned privacy check reads in a prompt (src-main/router/privacy-grams.ts): the same grams
// for the same shape whatever the values, words whatever their case, and no more than its first
// MAX_CHARS characters.
import { describe, expect, it } from 'vitest';
import { MAX_CHARS, privacyGrams } from '../../src-main/router/privacy-grams.js';

const BUCKETS = 65_536;
const grams = (text: string): number[] => [...privacyGrams(text, BUCKETS, 4).hashIdx].sort((a, b) => a - b);

describe('the learned privacy check’s grams', () => {
  it('reads two records of the same shape alike, whatever their numbers, and shares shape grams across names', () => {
    expect(grams('Employee: Ana Lima, DOB 03/04/1988')).toEqual(grams('Employee: Ana Lima, DOB 11/12/1975'));
    const a = grams('Employee: Ana Lima, DOB 03/04/1988');
    const b = grams('Employee: Bob Ngata, DOB 11/12/1975');
    expect(a.filter((g) => b.includes(g)).length).toBeGreaterThan(a.length / 2);
    expect(grams('Employee: Ana Lima, DOB 03/04/1988')).not.toEqual(grams('Employee: Ana Lima, DOB 1988-04-03'));
  });

  it('reads words whatever their case, and Chinese character by character', () => {
    expect(grams('SALARY REVIEW')).not.toEqual(grams('salary review'));
    const shared = (a: string, b: string): number => grams(a).filter((g) => grams(b).includes(g)).length;
    expect(shared('SALARY REVIEW', 'salary review')).toBeGreaterThanOrEqual(3);
    expect(grams('工资条')).toEqual(grams('工资条'));
    expect(grams('工资条').length).toBeGreaterThan(0);
  });

  it('counts each gram once, as a present/absent value, and gives the model its dense slots empty', () => {
    const f = privacyGrams('pay pay pay pay', BUCKETS, 4);
    expect(new Set(f.hashIdx).size).toBe(f.hashIdx.length);
    expect([...f.hashVal].every((v) => v === 1)).toBe(true);
    expect([...f.dense]).toEqual([0, 0, 0, 0]);
  });

  it('reads no further than its first MAX_CHARS characters', () => {
    const head = 'Patient: Jo Bloggs, ward 7. '.repeat(Math.ceil(MAX_CHARS / 28)).slice(0, MAX_CHARS);
    expect(grams(head + 'IBAN GB33BUKB20201555555555, passport 123456789')).toEqual(grams(head));
  });

  it('gives the same grams on every call, across prompts in between', () => {
    const first = grams('my password is hunter2');
    grams('something else entirely 12345');
    expect(grams('my password is hunter2')).toEqual(first);
  });

  it('are pinned to what the shipped privacy-model.json was trained on (change them: npm run router:train-privacy, then these)', () => {
    const pinned: [string, number, number, string][] = [
      ['Employee: Ana Lima, DOB 03/04/1988, net pay £2,310.55', 48, 1_411_445, '52947,32946,12453,49175'],
      ['姓名：周明 实发工资 13,200 元', 34, 1_033_786, '6845,61400,50844,16461'],
      ['pls tidy this: hey sam, your pay goes to 48k from April', 40, 1_249_200, '14584,12371,50155,13489'],
    ];
    for (const [text, count, sum, first] of pinned) {
      const idx = [...privacyGrams(text, BUCKETS, 4).hashIdx];
      expect([idx.length, idx.reduce((a, b) => a + b, 0), idx.slice(0, 4).join(',')], text).toEqual([count, sum, first]);
    }
  });
});
