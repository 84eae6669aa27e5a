// The HR and date-of-birth families (privacy-hr-more.ts, privacy-birth-more.ts, the Chinese name and detail words of
// privacy-person-*.ts, the loose birth dates of privacy-loose-shapes.ts) and a programming question's example object
// (privacy-toy-code.ts): each family's sensitive shapes kept local, its near-misses sent.
import { describe, expect, it } from 'vitest';
import { detectPrivateData } from '../../src-main/router/privacy.js';
import { itKeepsLocalAndSends, ruleFindings } from '../support/privacy-shapes.js';
import { BIRTH_KEPT, BIRTH_SENT, HR_KEPT, HR_SENT, REAL_RECORD_KEPT, TOY_CODE_SENT } from '../support/privacy-hr-birth-cases.js';

describe('HR: tax returns, final salaries, rating notes, Cantonese and Traditional HR', () => {
  itKeepsLocalAndSends(HR_KEPT, HR_SENT);
});

describe('dates of birth: table rows, lower-case and manifest DOBs, quoted bios, Chinese, Cantonese and pinyin', () => {
  itKeepsLocalAndSends(BIRTH_KEPT, BIRTH_SENT);
});

describe('example objects in code', () => {
  it('sends a programming question whose example object holds a name and a salary or a birth date', () => {
    for (const text of TOY_CODE_SENT) expect(ruleFindings(text), text).toEqual([]);
  });

  it('keeps a pasted list of such objects local', () => {
    for (const text of REAL_RECORD_KEPT) expect(ruleFindings(text), text).not.toEqual([]);
  });

  it('keeps the example object at the strict level', () => {
    const text = TOY_CODE_SENT[0]!;
    expect(detectPrivateData(text, 'strict', { learned: false })).not.toEqual([]);
  });
});
