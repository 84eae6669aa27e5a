// What holdout-14's blind run showed: records said to be generated or made up (Faker, "all fake", "no individual
// cases"), published test values anywhere in a text about tests or docs, organisations' accounts (a charity's
// donation account, HMRC's, a company's 对公账户), a maker's default password, a revoked token, museums, 的家庭; and
// the misses: Polish and Czech mobiles in a message, a Romanian CNP, an Italian child's diabetes, a lock's history,
// a form's child's name, routines in Chinese, a mother alone on given days, a home left empty while the writer is
// away; each beside the same shape when it is someone's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'mobiles in Polish and Czech messages': [
    'Napisz uprzejmego SMS-a do pani Krystyny (601 238 447), że jutro nie przyjdę sprzątać klatki.',
    'ať mu dnes ještě zavolá zpátky na 604 318 927, je k zastižení do pěti',
  ],
  'a Romanian CNP': ['„Subsemnata Ioana Popescu, CNP 2900315401239, declar pe propria răspundere că nu am datorii.”'],
  'a child’s diabetes in Italian': ['Mia figlia Giulia (9 anni) ha il diabete di tipo 1 e porta un microinfusore.'],
  'a smart lock’s history with its codes': ['Sat 09 Mar 21:07  Unlocked via keypad – user "Dog walker – Bea" (code 719364)'],
  'form responses counted by age': ["Count how many kids are in each age group:\n\nChild's name: Ibrahim Haddad | Date of birth: 2014-07-30 | T-shirt: YM"],
  'where someone will be: routines, days alone, a home left empty': [
    '帮我改改这条朋友圈：“这周和老公在大理躲清静，每天早上八点去洱海边骑车，下周二回杭州”',
    '幫我寫個提示俾新嚟嘅姐姐：阿嫲逢星期二同四朝早九點去觀塘街市買餸，十一點前返屋企。',
    'Mi madre, Rosa Jiménez, se queda sola en su piso de Valencia del 3 al 10 de agosto porque yo estaré en Menorca.',
    "I'll be in Lisbon 12–19 May and the house will be empty the whole week - write a note to my neighbour Dave.",
  ],
  'real records, a live token, a person’s account': [
    'I copied these rows from prod to reproduce the bug: 209-92-5641, Dana Whitlock, 1984-03-02',
    'the deploy token is ghp_Z8mQ2rT5vX1nB7kL4wP9yH3cF6dJ0sA2eG5u, paste it into the CI settings',
    '帮我写封邮件催款，收款信息：户名 陈晓东，开户行 招商银行上海分行，账号 6214 8312 0913 5610',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'records said to be generated or made up': [
    "I seeded our staging DB with Faker and QA says the SSNs \"look real\":\n>>> fake.ssn()\n'209-92-5641'\n>>> fake.ssn()\n'458-32-1097'",
    'Geocoding fails for all of these Faker addresses: 55865 Bennett Ranch, Lake Jessica, NV 11932',
    'This address parser test fails. Fixture data is made up.\nassert parse("123 Main St, Apt 4, Springfield, IL 62701").street == "123 Main St"',
    'Summarise our parental leave policy for the FAQ. It is the policy text only, no individual cases: 7.1 … salary is paid at 90% for six weeks.',
  ],
  'published test values far from the word "test"': [
    'From the Stripe testing docs, turn this into a table of scenario → card → result:\n' + 'success (Visa) ... '.repeat(8) + '4242 4242 4242 4242',
    'This is from the AWS SDK docs, why do they pass keys explicitly?\n\nimport boto3\n' +
      '# …\n'.repeat(30) +
      'session = boto3.Session(aws_access_key_id="AKIAIOSFODNN7EXAMPLE")',
  ],
  'organisations’ accounts': [
    'The DRK website lists its donation account as DE63 3702 0500 0005 0233 07 (Bank für Sozialwirtschaft). Write an intranet post.',
    "HMRC's page says to pay Self Assessment to sort code 08 32 10, account 12001039 (HMRC Cumbernauld).",
    '帮我写封邮件催客户付款，我们公司的对公账户：户名 上海禾木文化传播有限公司，开户行 招商银行上海分行营业部，账号 1219 0913 5610 901。',
  ],
  'routines and empty places with no one in them': [
    '每天早上8点去跑步对身体好吗？',
    'The museum will be empty on Monday morning, is that a good day to visit?',
    'Si mi madre se queda sola, ¿qué ayudas hay para mayores en Valencia?',
  ],
  'defaults, revoked tokens, museums and families': [
    '智能门锁说明书上写着：“出厂默认管理密码为 12345678，首次使用前请务必修改。”帮我翻译成英文。',
    'Timeline: 14:05 a personal access token ghp_Z8mQ2rT5vX1nB7kL4wP9yH3cF6dJ0sA2eG5u was pushed to a fork; 14:23 token revoked.',
    'Venue for the Year 8 trip: Natural History Museum, Cromwell Road, London SW7 5BD. No pupils’ names please.',
    '我在给公众号写上海迪士尼交通攻略，面向带老人小孩的家庭，帮我整理一下。',
  ],
};

describe('fake data, published values and organisations; European mobiles and ids (holdout-14)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
