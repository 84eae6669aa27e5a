// The HR and date-of-birth families (privacy-hr-more.ts, the Chinese name and detail words of privacy-person-*.ts,
// the loose birth dates of privacy-loose-shapes.ts): each family's sensitive shapes kept local, its near-misses sent.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';
import { HR_KEPT, HR_SENT } from '../support/privacy-hr-birth-cases.js';

describe('HR: tax returns, final salaries, rating notes, Cantonese and Traditional HR', () => {
  itKeepsLocalAndSends(HR_KEPT, HR_SENT);
});
