// What the gate still missed on the held-out sets once the learned check trained on holdout-15 to -17 (stop 30), by
// family: an HR table's sick days, ratings and flight risk under the employees' names; a relative called "nan" or "mum"
// with no "my" before her date of birth; a birth time given for a natal chart; the writer's own pay in Chinese; a
// pupil's disability or medical needs in a form. Each beside the same words when they are nobody's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'an employee’s sick days, flight risk or attrition risk, in a table or a form': [
    '| Employee | Sick days 2024 | Rating | Flight risk |\n|---|---|---|---|\n| Devon Clarke | 17 | 3 | high |\n| Mina Haddad | 2 | 5 | low |',
    'Name\tAbsences\tTeam\nJoanna Pike\t11\tSupport\nOwen Marsh\t3\tSupport',
    'Name: Jane Doherty\nFlight risk: high\nTeam: Ops',
  ],
  'a relative by what the family calls her, and a birth time': [
    'planning a surprise for nan, she was born 2 june 1941 so how old is she turning this year? need it for the banner',
    'born 20 may 1990, 11pm, lisbon. taurus or gemini??',
  ],
  'the writer’s own pay in Chinese': [
    '我月薪1.8万，年终奖两个月，跳槽要多少合适？',
    '我被公司裁员了，在职4年3个月，离职前12个月平均月薪2.3万，HR只给3个月补偿。按N+1我应该拿多少？',
  ],
  'a pupil’s disability or medical needs in a form': [
    'IEP notes:\nStudent: Mateo Gonzalez\nDisability: Autism Spectrum Disorder\nAccommodations: extended time',
    'Club registration\nName: Ella Brookes\nMedical needs: cerebral palsy\nKit size: M',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'sick days, ratings and risks with nobody in them': [
    '| Product | Rating |\n|---|---|\n| Kettle | 3 |\n| Toaster | 5 |',
    'How many sick days do employees get in Germany? And what counts as flight risk in HR analytics?',
    'Highlight any row over 8:\nName | Team | Sick days 2026\nEmployee A | Ops | 11\nEmployee B | Sales | 3',
  ],
  'a date of birth that is nobody’s, or a public figure’s with its hour': [
    'Someone born 20 May 1990 is what star sign?',
    'Queen Elizabeth was born 21 April 1926 at 2:40 am in Mayfair. What was the news that day?',
  ],
  'pay in Chinese that is not the writer’s': ['月薪2.3万的人要交多少税？', '我想知道月薪2.3万交多少税', '我们公司的月薪中位数是1.5万'],
  'a form’s fields with no one in them': ['What counts as a disability under the Equality Act? Name: field required.'],
};

describe('HR standing, relatives by their family name, birth times, own pay in Chinese, pupils’ needs (stop 30)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
