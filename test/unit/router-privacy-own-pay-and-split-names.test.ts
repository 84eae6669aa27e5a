// What holdout-31's and -32's blind runs missed (stop 33): the writer's pay said as "I'm on £41,500 now", "on a basic
// salary of", "a band 5 staff nurse on £29,970, been here"; in Chinese after a year (我 2023 年工资薪金收入) and in
// Cantonese (我份人工月薪, 我人工由 … 減到); a payslip of the writer's or a relative's with its gross amount past a question
// (meine Lohnabrechnung erklären? Brutto …, la busta paga di mia madre … Lordo …); and a CSV whose name is split over
// First name and Last name columns beside a date of birth.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the writer’s own pay, in English': [
    "The recruiter offered £52,000 but I'm on £46,800 now with no bonus. How do I counter?",
    "Mortgage form, income section: I'm on a basic salary of £39,400 plus overtime. What will they count?",
    "I'm a band 6 physio on £37,338, been here four years. Help me ask about a band 7 post.",
  ],
  'the writer’s own pay, in Chinese and Cantonese': [
    '我 2024 年工资薪金收入 198,600 元，已预缴个税 9,300 元，汇算要补吗？',
    '我份人工月薪 HK$24,800，老闆話今年唔出雙糧，可唔可以投訴？',
    '老闆話下個月起我人工由 $19,500 減到 $16,000，我要唔要簽？',
  ],
  'a payslip with its gross amount': [
    'Kannst du mir meine Lohnabrechnung erklären? Brutto 3.915,00 €, Steuerklasse IV, Lohnsteuer 488,16 €.',
    'Mi spieghi la busta paga di mio padre, Franco Ruggeri? Lordo 2.104 €, netto 1.561 €.',
  ],
  'a CSV with first and last names beside dates of birth': [
    'Birthday mailing list, please sort by month:\nFirst name,Last name,Date of birth\nCarys,Bellamy,1987-09-22\nOwain,Price,1973-09-04',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'pay in general and artificial intelligence': [
    "Is £46,800 a fair salary for a data analyst in Leeds? That's the advertised band.",
    '我人工智能课的作业要 3000 字，帮我列个提纲。',
    'Was bedeutet Steuerklasse IV auf der Lohnabrechnung, und wie hoch ist der Grundfreibetrag?',
  ],
  'a CSV with first and last names and no detail': ['Dedupe this:\nFirst name,Last name,Team\nCarys,Bellamy,Blue\nOwain,Price,Red'],
};

describe('own pay and names split over columns (holdout-31 and -32)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
