// What holdout-27's and -28's blind runs showed of misses (stop 32): a UK mobile written solid in a call log, a
// call-forwarding code's number, a named person's new mobile told to a practice's reception; a safe's combination and
// a key safe's code given after the lock, a passphrase asked about as a candidate; lunar birthdays (1945 年农历正月初八,
// 农历八月十五，1962 年); a Chinese name after its role (收货人, 候选人, 激励对象) and a form's fields on the lines below it;
// share options and 限制性股票 as pay; a payroll journal's Gross and Net columns; "we're paying him $142,000"; a
// rupture conventionnelle, and Laurence read as a word for its ending. The same shapes with nobody's value stay clean.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'phone numbers in logs, codes and messages to a practice': [
    'Which number does Priya (ext 210) ring most?\ntime,src,dst,secs\n2024-05-02 10:01:11,210,07531886204,95\n2024-05-02 15:40:02,210,07531886204,610',
    'I forwarded my calls to my wife’s phone with **21*+447531886204# but nothing rings. Wrong code?',
    'note for the surgery reception: Callum Reid’s new mobile is 07531 886 204, please update his record',
  ],
  'lock codes and candidate passwords': [
    'Leaving notes for the cleaner: the safe in the study stays shut; combination is 18-42-07, don’t share it.',
    'Guest notes: the key safe is by the garden gate, code 5829 – scramble the dial after.',
    'Would "Lantern-4471-meadow-Fox" be strong enough as the passphrase for my password manager?',
  ],
  'lunar birthdays with a person': ['外婆周桂兰是 1940 年农历三月初六出生的，帮我算算今年公历是哪天。', '群里说：公公生日是农历九月初九，1958 年的，要办寿宴。'],
  'Chinese names after their role, and forms read across lines': [
    '下单备注：收货人王德顺，他有2型糖尿病，麻烦放门口。',
    '推荐一下这位：候选人郑可欣，5年经验，现月薪30k，期望36k。',
    '帮我核对这份通知：\n激励对象：梁志远（产品部经理）\n授予方式：限制性股票\n授予数量：20,000 股',
  ],
  'pay said in tables, options and sentences': [
    'Can you total this?\nStaff | Gross | Tax | Net\nOwen Pryce | 3,900.00 | 512.40 | 3,387.60\nLeah Morton | 4,120.00 | 566.10 | 3,553.90',
    'Notice: I, Daniel Okafor, wish to exercise 8,000 options granted to me under the company plan.',
    'The visa officer asked about our analyst Rafael Costa. We are paying him $96,500 in Denver; is that Level II?',
    'Compte rendu : rupture conventionnelle de Mme Florence Marchal, 9 ans d’ancienneté, indemnité spécifique 14 000 €.',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'numbers and codes with no one behind them': [
    'What does **21* do on a UK network, and how is it different from **61*?',
    'What is the format of a UK mobile number, e.g. 07xxx xxxxxx, and can it be written without spaces?',
    'How long should a safe’s combination be, and is a 4-digit key safe code secure enough?',
    'Is a four-word passphrase strong enough for a password manager, or should I add digits?',
  ],
  'lunar dates and roles with no one named': [
    '农历八月十五是中秋节，1962 年的中秋是公历哪天？',
    '股权激励协议通常包括哪些条款：激励对象范围、授予数量、授予价格、归属安排？',
    '候选人推荐报告一般写哪些部分？现月薪和期望薪资要不要写？',
  ],
  'pay talk with no person': [
    'What is the difference between gross and net pay on a UK payslip?\nGross | Tax | NI | Net',
    'How are share options taxed when employees exercise options granted under an EMI plan?',
    'Qu’est-ce qu’une rupture conventionnelle et comment se calcule l’indemnité spécifique ?',
  ],
};

describe('codes, forms and pay (holdout-27 and -28)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
