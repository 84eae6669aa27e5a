// The privacy gate's structural rules (a person reference and a detail in one clause or record,
// checksum-validated ids in any grouping, secrets by their context) on prompts written for these
// tests, in none of the labelled or held-out sets: each rule should hold on wordings it was not
// built from, and leave the look-alike questions alone.
import { describe, expect, it } from 'vitest';
import { detectPrivateData } from '../../src-main/router/privacy.js';
import { itKeepsLocalAndSends, ruleFindings as found } from '../support/privacy-shapes.js';

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

// Written after holdout-4's first run, in its shapes but none of its words. Their own first runs, before
// the fixes they led to: 25 of 28 and 13 of 20 kept local, 1 of 20 and 1 of 15 near-misses flagged.
const KEPT_LOCAL_SPOKEN: Record<string, string[]> = {
  'numbers and e-mail addresses said aloud': [
    "for the form, I'll read the card: my card is four five three two, zero one five one, one two eight three, zero three six six",
    'text me back on zero two zero, seven nine four six, double oh nine eight',
    'her email is priya underscore nair at gmail dot com, add her to the invite',
    'dictating: date of birth for Anika Sorensen is the twelfth of march nineteen ninety one',
    "my ssn? sure, it's zero seven eight, zero five, one one two zero",
    '我的手机号是一三九一二三四五六七八，有快递帮我收一下',
    'reading it off the letter: national insurance a b one two three four five six c',
    "my email's j dot okafor at outlook dot com btw",
    "the pin for the garage is seven three one nine, don't tell anyone",
  ],
  'lower-case names and nicknames with health, pay or HR': [
    'my sister-in-law rosa just got diagnosed with lupus, what should we cook for her',
    "my flatmate kwame was made redundant yesterday and he's on 38k, how long will savings last",
    "we're laying marcus off next week, help me write the email to him",
    'salary review for okonkwo please: bump him from 54k to 60k',
    'my nan doris is in the ward at the royal infirmary with pneumonia, what do i bring',
    "uncle ray (he's 70) had a bypass op monday and is in cardiac ICU, what can we bring",
    "kev's been signed off with stress for 6 weeks, how do I cover his shifts",
    "we're letting go of sam next week after the investigation",
  ],
  'a home by its landmarks, or a relative with a close home or a full birth date': [
    'ok so bex moved into the flat above the chippy on Leeds Road, what should I get her',
    "my brother tom is staying at his girlfriend's in Didsbury till the lease sorts itself out",
    'aunt bev lives in the bungalow behind the post office in Tiverton, send the card there',
    '我爸一个人住在成都武侯区玉林路那边，冬天太冷了，有什么取暖建议',
    "my wife's birthday is the third of june nineteen eighty five, remind me a week before",
  ],
  'Chinese nicknames and relatives, mixed with English': [
    '老周的年终奖被扣了一半，他想去仲裁，怎么写申请',
    '表妹小敏最近查出来甲状腺结节，要不要做手术',
    '小何下周就要被辞退了，我作为组长怎么跟他说',
    'my colleague 王芳 的月薪是 18k，我想问她是怎么谈下来的',
    '弟弟小军上个月被公司辞退了，劳动仲裁怎么申请',
  ],
  'typos, code and config, lower-case addresses and ids': [
    'my pasword for the router is Gr33nTea!! pls remember',
    "why doesn't this connect?\nDB_PASS=Qm7vX2pLr9aZ\nDB_HOST=localhost",
    "const patient = { name: 'Oskar Lindgren', diagnosis: 'type 2 diabetes' };",
    'post the parcel to 27 ashgrove road, sheffield s10 3ba for me',
    'my address: ul. Długa 7/12, 80-831 Gdańsk',
    '我住在上海市浦东新区锦绣路1500弄 12 号楼 3 单元 501',
    'his personnummer is 811218-9876, need it for the rental form in Sweden',
    'iban for the rent: de89 3704 0044 0532 0130 00',
  ],
};

const SENT_ON_SPOKEN: Record<string, string[]> = {
  'talk about dictation, fiction, famous places and published test values': [
    'how do you say phone numbers out loud in british english, like double oh',
    "what's the difference between 'at' and 'dot' when reading an email address aloud?",
    'who was the first person to live at 10 Downing Street?',
    'In the docs they use jane.doe@example.com as the sample address',
    "Write a test that uses Stripe's 4000 0566 5566 5556 test card in sandbox",
    "Hermione Granger's birthday is 19 September 1979 in the books, right?",
    'Mickey Mouse lives in Toontown, what else is there?',
    'count from one to ten in french: un deux trois',
    "the lyrics go 'one two three four, tell me that you love me more'",
    'explain what DB_PASSWORD_FILE does in the postgres docker image',
  ],
  'the same subjects with nobody in them': [
    'what does a Swedish personnummer look like and how is the check digit computed?',
    'lupus symptoms in women, what to look for',
    'how do you tell someone they are being let go kindly',
    '年终奖一般什么时候发',
    '成都武侯区哪里好吃的多',
    "what's a normal salary band for a senior engineer, like L5?",
    'how much does a redundancy payout usually come to in the UK',
    'what floor is the bakery on in most shopping centres?',
    '弟弟被辞退了能拿多少赔偿，一般怎么算',
    'how should managers handle staff signed off with stress',
    'Captain Ahab loses his leg to Moby Dick; what year was the book published?',
    'Lorie earns $10 per hour. Karen earns twice what Lorie earns. How much does Karen earn in 5 hours?',
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
  itKeepsLocalAndSends(KEPT_LOCAL, SENT_ON);
});

describe('the privacy gate reads chat and dictation by structure', () => {
  itKeepsLocalAndSends(KEPT_LOCAL_SPOKEN, SENT_ON_SPOKEN);

  it('points a finding in dictated numbers at the spoken words, not at the digits it read them as', () => {
    const text = 'ok my card is four five three two, zero one five one, one two eight three, zero three six six thanks';
    const card = detectPrivateData(text).find((f) => f.kind === 'card');
    expect(card).toBeDefined();
    expect(text.slice(card!.start, card!.end)).toBe('four five three two, zero one five one, one two eight three, zero three six six');
  });

  it('reads a spoken e-mail address as one, with its span on the words', () => {
    const text = 'write to bernadette dot ng at fastmail dot fm please';
    expect(found(text)).toEqual(['email:bernadette dot ng at fastmail dot fm']);
  });
});
