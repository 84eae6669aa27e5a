// The privacy gate's structural rules (a person reference and a detail in one clause or record,
// checksum-validated ids in any grouping, secrets by their context) on prompts written for these
// tests, in none of the labelled or held-out sets: each rule should hold on wordings it was not
// built from, and leave the look-alike questions alone.
import { describe, expect, it } from 'vitest';
import { detectPrivateData } from '../../src-main/router/privacy.js';

/** Each finding as "kind:matched text", so a failure shows what was (or was not) found. */
function found(text: string): string[] {
  return detectPrivateData(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

const KEPT_LOCAL: Record<string, string[]> = {
  'a he/she that refers back to a name': [
    'Reza mentioned at lunch that he was diagnosed with epilepsy last year, should I tell our manager?',
    "Pooja's therapist says she has PTSD, how can I support her?",
  ],
  'a single name as subject, possessive or object': [
    "Quick one: Oksana's chemo got pushed to next week, can you reword my message to the team?",
    'Hey, just so you know, Benedikt got let go on Friday, keep it quiet',
    "Ji-woo's bonus this year is 15%, draft the letter",
    'Svetlana was born 2 March 1986, fill in the insurance form for her',
  ],
  'a form or a table keeps the name with its detail': [
    'Employee: Tariq Haddad\nReason for leave: depression\nReturn date: TBC',
    'Name, Salary\nLena Fischer, 54000\nOmar Siddiqui, 61000\ncompute the average',
    'Grace Liu, DOB: 07/09/1975, Policy no. 88213',
    "Please note Dr. Ikeda's patient Mrs. Holloway tested positive for hepatitis C.",
    'Patient list for tomorrow:\n1. A. Okafor - knee replacement\n2. B. Lindqvist - cataract surgery',
    'The new hire, Ayodele, will start on £38k; can you prepare the contract?',
  ],
  'indirect health, in the first person or about a name': [
    "fyi Dmitri is in the psych ward again since Sunday, pls don't mention it at standup",
    "My sister Ingrid's due date is in May, she's having twins!",
    'my GP says my HbA1c is 8.2, is that bad?',
  ],
  'Chinese names after a verb, spaced plates': [
    '我表哥陈浩上个月做了心脏搭桥手术，现在恢复得怎么样算正常？',
    '周五把赵磊的离职证明开一下',
    '老张的车牌是粤B 3F8K2，帮我记下来',
  ],
  'ids and secrets in other groupings': [
    'My Aadhaar 2345-6789-0124 is linked to an old number',
    'db_pass: hunter2_2024!',
    'Here is the staging config: STRIPE_SECRET=9fK2LmQx81vTzR0aBcD4',
    '身份证 1101 0519 9003 0728 3X 的照片要上传吗',
    'Belgian national number 85.07.31-003.28, please check it',
  ],
  'addresses written street-first or ending in a postcode': [
    'Send it to Klaus Weber, Hauptstraße 12, 10115 Berlin',
    'Maria lives at 45 Orchard Road with her two kids',
    'Our landlord Mr. Papadakis lives upstairs at flat 2, 9 Elm Grove',
    'My aunt is at Calle Mayor 14, can you draft directions from the station?',
  ],
};

const SENT_ON: Record<string, string[]> = {
  'general questions on the same subjects': [
    'Explain how epilepsy is diagnosed in adults',
    'What is the average salary of a nurse in Germany?',
    'Is Hauptstraße the most common street name in Germany?',
    'Explain what an IBAN is and how it is validated',
    'Give me a template for a DOB field on a signup form',
    'What does the PIP acronym mean in Python packaging?',
    "What's the format of a Belgian national number?",
    'What is HbA1c and what is a normal range?',
    'What is a good starting salary for a junior developer in London?',
  ],
  'names with nothing private, pets and fiction': [
    'Who was Marie Curie and what did she discover?',
    'Write a limerick about a cat named Whiskers who hates baths',
    'Marco Polo travelled to China; how long did the journey take?',
    'Our CEO Satya said the company will hire more engineers next year',
    'my dog Rufus was diagnosed with arthritis, which food helps his joints?',
  ],
  'unnamed people, exams and word problems': [
    'How should I tell my team that a colleague is pregnant? No names, just general advice.',
    'How many kids in a class of 30 are allergic if 20% are?',
    'Priya earns $12 an hour and works 30 hours a week for 4 weeks; how much does she earn in total?',
    "Which is correct?\nA. Tom's salary is taxed twice\nB. Tom's salary is taxed once\nAnswer:",
    'Send the reset link to name+test@example.com when testing the signup form',
    "What's the history of the house at Prinsengracht 263?",
  ],
};

describe('the privacy gate generalises beyond its sets', () => {
  for (const [rule, texts] of Object.entries(KEPT_LOCAL)) {
    it(`keeps local: ${rule}`, () => {
      for (const text of texts) expect(found(text), text).not.toEqual([]);
    });
  }
  for (const [rule, texts] of Object.entries(SENT_ON)) {
    it(`sends on: ${rule}`, () => {
      for (const text of texts) expect(found(text), text).toEqual([]);
    });
  }
});
