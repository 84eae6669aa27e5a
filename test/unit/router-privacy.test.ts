import { describe, expect, it } from 'vitest';
import { describeFindings, detectPrivateData, type PrivacyKind } from '../../src-main/router/privacy.js';
import { ruleFindings as found } from '../support/privacy-shapes.js';

interface Case {
  text: string;
  /** The span expected to be found, or null for a text that must be clean. */
  span: string | null;
}

// 'personal' is found only at the strict level (its own tests below).
const CASES: Record<Exclude<PrivacyKind, 'personal'>, { positive: Case[]; negative: string[] }> = {
  email: {
    positive: [
      { text: 'Write to jane.doe+duet@example.co.uk about it', span: 'jane.doe+duet@example.co.uk' },
      { text: '我的邮箱是zhang.san@163.com，有事联系', span: 'zhang.san@163.com' },
      { text: '邮箱：ｌｉ＠ｑｑ．ｃｏｍ', span: 'ｌｉ＠ｑｑ．ｃｏｍ' },
    ],
    negative: [
      'Use the @Override annotation in Java',
      'Save it as icon@2x.png in the assets folder',
      'git clone git@github.com:duet/duet.git',
      'ping me at user@localhost',
      '请在微博上@我一下',
    ],
  },
  phone: {
    positive: [
      { text: 'Call me on +44 20 7946 0958 tomorrow', span: '+44 20 7946 0958' },
      { text: 'Our office: (212) 555-0123.', span: '(212) 555-0123' },
      { text: 'Appelez-moi au 06 12 34 56 78', span: '06 12 34 56 78' },
      { text: '我的手机号是13812345678，晚上打', span: '13812345678' },
      { text: '手机 139 1234 5678', span: '139 1234 5678' },
      { text: '办公室电话 010-12345678', span: '010-12345678' },
      { text: '请拨打 +86 138 1234 5678', span: '+86 138 1234 5678' },
    ],
    negative: [
      'Order #: 212-555-0123 was shipped',
      'order number 0301234567 is late',
      '订单号：13812345678，请查询物流',
      '快递单号 0755-12345678',
      'The population grew from 1,234,567 to 2,345,678',
      'The company earned $15000000000 last year',
      'Add +5 to the score, then 7 + 3 = 10',
      'The dates 01-02-2023 and 2023-01-02 are the same day',
    ],
  },
  iban: {
    positive: [
      { text: 'Please pay to GB82 WEST 1234 5698 7654 32 by Friday', span: 'GB82 WEST 1234 5698 7654 32' },
      { text: 'IBAN: DE89370400440532013000', span: 'DE89370400440532013000' },
      { text: '我的德国账户 IBAN 是 DE89 3704 0044 0532 0130 00，请转账', span: 'DE89 3704 0044 0532 0130 00' },
    ],
    negative: [
      'GB82 WEST 1234 5698 7654 33 fails the check',
      'Ask the Iban about the weather',
      'Model XY12 ABCD EFGH IJKL is sold out',
      '型号 DE12 3456 7890 1234 5678 90 已停产',
    ],
  },
  card: {
    positive: [
      { text: 'My card is 4111 1111 1111 1111, exp 12/29', span: '4111 1111 1111 1111' },
      { text: 'Amex 3782 822463 10005 please', span: '3782 822463 10005' },
      { text: 'card: 5555-5555-5555-4444', span: '5555-5555-5555-4444' },
      { text: '我的银行卡号是6222020200001234562，请退款', span: '6222020200001234562' },
    ],
    negative: [
      'Is 4111 1111 1111 1112 a valid number?',
      'Account 1234567890123456 has no check digit',
      'Serial 0000 0000 0000 0000',
      '流水号 6212345678901234 已经处理',
      'The first primes: 2 3 5 7 11 13 17 19 23 29 31 37 41 43 47',
    ],
  },
  'national-id': {
    positive: [
      { text: 'My SSN is 078-05-1120.', span: '078-05-1120' },
      { text: 'NI number AB 12 34 56 C on my payslip', span: 'AB 12 34 56 C' },
      { text: '我的身份证号是11010519491231002X，请核对', span: '11010519491231002X' },
      { text: '身份证：440305199003071236', span: '440305199003071236' },
      { text: 'My passport number is 533380006, check the visa form', span: '533380006' },
      { text: 'passport no. C01X00T47 expires in May', span: 'C01X00T47' },
      { text: '护照号码E12345678，下周去东京', span: 'E12345678' },
      { text: 'My National Insurance number is ab123456c', span: 'ab123456c' },
      { text: 'NI no: AB-12-34-56-C on the form', span: 'AB-12-34-56-C' },
      { text: 'My social security number is 078051120', span: '078051120' },
      { text: 'Aadhaar 2345 6789 0124 linked to my bank', span: '2345 6789 0124' },
      { text: 'my aadhaar number is 498712345679', span: '498712345679' },
      { text: 'PAN ABCPK1234Q for the TDS certificate', span: 'ABCPK1234Q' },
      { text: 'DNI 12345678Z para el contrato', span: '12345678Z' },
      { text: 'NIE X1234567L para el alquiler', span: 'X1234567L' },
      { text: 'Codice fiscale RSSMRA85T10A562S per il contratto', span: 'RSSMRA85T10A562S' },
      { text: 'My BSN is 111222333, the gemeente needs it', span: '111222333' },
      { text: 'PESEL 44051401359 for my employer', span: '44051401359' },
      { text: 'numéro de sécurité sociale 1 85 05 78 006 084 91', span: '1 85 05 78 006 084 91' },
    ],
    negative: [
      'SSN 666-12-3456 is never issued',
      'SSN 900-12-3456 is a test range',
      'Call 555-123-4567 for help',
      'The form shows QQ123456C as an example',
      '身份证号 110105194912310021 的校验位不对',
      '编号 990105194912310021',
      'what does a passport number look like?',
      'my passport expires on 12 March 2027, can I still travel?',
      'passport photo size is 35x45mm',
      'Aadhaar 2345 6789 0125 fails the Verhoeff check',
      'The PAN format is ABCDE1234F or AAAAA9999A in the examples',
      'DNI 12345678A has the wrong letter',
      'My BSN is 111222334, is it valid?',
      '护照号码一般是什么格式？',
    ],
  },
  secret: {
    positive: [
      { text: 'my key is sk-proj-abc123DEF456ghi789JKL012mno, is it leaked?', span: 'sk-proj-abc123DEF456ghi789JKL012mno' },
      { text: 'export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789AB', span: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB' },
      { text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', span: 'AKIAIOSFODNN7EXAMPLE' },
      { text: 'slack xoxb-123456789012-abcdefGHIJ', span: 'xoxb-123456789012-abcdefGHIJ' },
      { text: 'maps key AIzaSyA1234567890abcdefghijklmnopqrstuv', span: 'AIzaSyA1234567890abcdefghijklmnopqrstuv' },
      {
        text: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
        span: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      },
      {
        text: 'fix this:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIB\n-----END RSA PRIVATE KEY-----\nthanks',
        span: '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIB\n-----END RSA PRIVATE KEY-----',
      },
      { text: 'my password is hunter2, can you remember it', span: 'hunter2' },
      { text: 'token: a1b2c3d4e5f6g7h8i9', span: 'a1b2c3d4e5f6g7h8i9' },
      { text: '我的密码是Abc12345，别告诉别人', span: 'Abc12345' },
      { text: '数据库密钥：Zx9-Qw8-Er7-Ty6-Ui5', span: 'Zx9-Qw8-Er7-Ty6-Ui5' },
      { text: 'The wifi password for the guest network is BlueSky2024!', span: 'BlueSky2024' },
      { text: "I set the router's admin password to P@ssw0rd123 yesterday", span: 'P@ssw0rd123' },
      { text: 'the PIN for my debit card is 0937, I keep forgetting it', span: '0937' },
      { text: 'The new door code is 739104#, tell the cleaners', span: '739104#' },
      { text: 'login for staging is deploy / hunter2-Staging', span: 'hunter2-Staging' },
      { text: 'use postgres://app:Xk9vQ2mLr7@db.acme.io:5432/orders', span: 'postgres://app:Xk9vQ2mLr7@db.acme.io:5432' },
      {
        text: 'my seed phrase is witch collapse practice feed shame open despair creek road again ice least',
        span: 'witch collapse practice feed shame open despair creek road again ice least',
      },
      { text: '公司WiFi密码：Duet@2025，直接连', span: 'Duet@2025' },
    ],
    negative: [
      'What does the sk- prefix on OpenAI keys mean?',
      'I use sk-learn and pandas',
      'How do I reset my password?',
      'The file is password-protected',
      'api_key = "<YOUR_API_KEY>"',
      'Set OPENAI_API_KEY=${OPENAI_API_KEY} in the shell',
      'The model has a 4096 token context',
      'The secret to good bread is patience',
      '忘记密码怎么办？',
      '密码长度至少8位',
      'my password manager keeps crashing on startup',
      'my password is too long for this form, it only allows 16 characters',
      'The PIN is printed on the letter the bank sends',
      'The connection string format is postgres://USER:PASSWORD@HOST:5432/DB',
      'What is a seed phrase and why should I never share it?',
    ],
  },
  address: {
    positive: [
      { text: 'I live at 221B Baker Street, London', span: '221B Baker Street' },
      { text: 'Send it to 1600 Pennsylvania Avenue NW', span: '1600 Pennsylvania Avenue' },
      { text: 'We moved to 350 5th Ave last year', span: '350 5th Ave' },
      { text: '我住在北京市朝阳区建国路88号，欢迎来玩', span: '北京市朝阳区建国路88号' },
      { text: '寄到上海市浦东新区世纪大道100号3号楼501室', span: '上海市浦东新区世纪大道100号3号楼501室' },
      { text: '地址：阳光花园3栋2单元501室', span: '阳光花园3栋2单元501室' },
    ],
    negative: [
      'I walked 5 miles down the river road',
      'In 1954 Supreme Court justices ruled unanimously',
      'Route 66 is a famous highway',
      '北京市朝阳区的历史有多长？',
      '这条路有3个红绿灯',
      '第3号选手获胜',
    ],
  },
  health: {
    positive: [
      { text: 'I was diagnosed with depression last year, what should I eat?', span: 'diagnosed' },
      { text: 'My mother has HIV and needs help', span: 'HIV' },
      { text: "my husband's chemo starts Monday", span: 'chemo' },
      { text: 'I am pregnant, is coffee safe?', span: 'pregnant' },
      { text: '我确诊了抑郁症，应该怎么办', span: '确诊' },
      { text: '医生给我开了处方，一天吃几次？', span: '处方' },
      { text: '本人怀孕三个月', span: '怀孕' },
      { text: 'My colleague Priya was diagnosed with breast cancer', span: 'diagnosed' },
      { text: 'Sarah Jenkins was admitted to hospital with pneumonia', span: 'pneumonia' },
      { text: 'Dr. Feldman said Anna Kowalski needs a biopsy', span: 'biopsy' },
      { text: 'Mr Okafor in bed 4 has type 2 diabetes', span: 'diabetes' },
      { text: '张秀英女士因心脏病住院三天', span: '心脏病' },
      { text: '李明患有抑郁症，一直在吃药', span: '抑郁' },
      { text: '老王说他住院了', span: '住院' },
    ],
    negative: [
      'What is chemotherapy?',
      'Summarise the history of cancer research',
      'Explain the causes of the Great Depression in my own words',
      'Type I diabetes is an autoimmune disease',
      'A 45-year-old man presents with chest pain. What is the diagnosis?',
      'It aids digestion',
      '癌症的早期症状有哪些？',
      '我们如何预防糖尿病？',
      'explain how HIV is treated',
      "What does St Mary's Hospital in Paddington specialise in?",
      'What did Florence Nightingale change about hospital hygiene?',
      '住院一般需要准备什么东西？',
      '高血压患者应该注意什么？',
      '石家庄住院费用高吗',
    ],
  },
  employment: {
    positive: [
      { text: 'Mark Thompson earns £48,500 a year, is that fair?', span: 'earns' },
      { text: 'Ms Novak got a written warning for lateness', span: 'written warning' },
      { text: 'Summarise Rachel Green’s performance review', span: 'performance review' },
      { text: 'My colleague Aisha is on a performance improvement plan', span: 'performance improvement plan' },
      { text: '我的同事张强上个月被公司辞退了', span: '辞退' },
      { text: '王芳的月薪是18000元', span: '月薪' },
      { text: "Check James Harris' payslip before Friday", span: 'payslip' },
    ],
    negative: [
      'the salary range for nurses in Leeds',
      'How do I ask my boss for a raise?',
      'Explain how redundancy pay is calculated in the UK.',
      'How much does a senior analyst earn at the Bank of England?',
      '上海程序员的平均工资是多少？',
      '江苏的工资水平怎么样',
      '程序员被辞退怎么办',
    ],
  },
  'birth-date': {
    positive: [
      { text: 'John Smith, date of birth 14/02/1987, needs a quote', span: 'date of birth 14/02/1987' },
      { text: 'Chloe Dupont was born on March 3, 1990', span: 'born on March 3, 1990' },
      { text: 'my daughter Mia’s birthday is 12 January 2019', span: 'birthday is 12 January 2019' },
      { text: '客户王建华，出生日期1972年11月8日', span: '出生日期1972年11月8日' },
    ],
    negative: [
      'When was Einstein born?',
      'Which zodiac sign is someone born on 12 January?',
      'Validate a DOB field so users under 18 are rejected',
      '鲁迅是哪一年出生的？',
    ],
  },
  location: {
    positive: [
      { text: 'Sam Patel lives near the old mill in Hebden Bridge', span: 'lives near' },
      { text: "my neighbour Rob's van, plate LK19 XYZ, blocks my drive", span: 'LK19 XYZ' },
      { text: 'His licence plate is 7ABC123', span: '7ABC123' },
      { text: '车牌号京A12345的车天天堵在门口', span: '京A12345' },
      { text: '我同事张磊住在望京西园三区', span: '住在' },
    ],
    negative: [
      'Where does the Prime Minister live?',
      'How do UK number plates show the year of registration?',
      'How do I read a UK number plate like YX21?',
      "What's it like to live in Leeds on a student budget?",
      '车牌号的第一个汉字代表什么？',
    ],
  },
};

describe('detectPrivateData', () => {
  for (const [kind, { positive, negative }] of Object.entries(CASES)) {
    describe(kind, () => {
      for (const c of positive) {
        it(`finds ${c.span} in ${JSON.stringify(c.text)}`, () => {
          expect(found(c.text)).toContain(`${kind}:${c.span}`);
        });
      }
      for (const text of negative) {
        it(`finds nothing in ${JSON.stringify(text)}`, () => {
          expect(found(text)).toEqual([]);
        });
      }
    });
  }

  it('returns the span and a label, never the value', () => {
    const [finding] = detectPrivateData('mail bob@example.com now');
    expect(finding).toEqual({ kind: 'email', label: 'an e-mail address', start: 5, end: 20 });
    expect(Object.keys(finding!).sort()).toEqual(['end', 'kind', 'label', 'start']);
  });

  it('gives an overlap to the more specific kind and lists findings in text order', () => {
    const text = 'ssn 078-05-1120, mail a@b.io, card 4111111111111111';
    expect(found(text)).toEqual(['national-id:078-05-1120', 'email:a@b.io', 'card:4111111111111111']);
  });

  it('finds nothing in ordinary questions in either language', () => {
    for (const text of [
      'Janet’s ducks lay 16 eggs per day. She sells the remainder for $2 per egg. How much does she make?',
      'Write a haiku about autumn leaves in Kyoto.',
      '请用三句话介绍一下长城的历史。',
      '把这段代码改成 TypeScript：function add(a, b) { return a + b }',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('the strict privacy level', () => {
  const strict = (text: string) => detectPrivateData(text, 'strict', { learned: false }).map((f) => f.kind);

  it('keeps any name with any personal detail, anywhere in the message, that the standard level lets go', () => {
    for (const text of [
      'Anna Keller is 34 years old. Write her a birthday poem.',
      'Draft a note to Tom Baker. By the way, his wife just had twins.',
      'Mark Evans works at Siemens in Munich; summarise his CV for me.',
      '帮我给王建国写封信，他今年45岁。',
      '李娜在招商银行工作，帮她写一份简历。',
    ]) {
      expect(
        detectPrivateData(text, 'standard', { learned: false }).map((f) => f.kind),
        text,
      ).toEqual([]);
      expect(strict(text), text).not.toEqual([]);
    }
  });

  it('keeps the standard finds, and lets through details with no one named, or a name with nothing personal', () => {
    expect(strict('Sam Patel lives near the old mill in Hebden Bridge')).toContain('location');
    for (const text of [
      'Most people are 34 years old or younger when they buy a first home.',
      'Write a poem about Marie Curie and her discoveries.',
      '一个人45岁以后应该注意什么？',
    ]) {
      expect(strict(text), text).toEqual([]);
    }
  });
});

describe('describeFindings', () => {
  it('names each kind once, joined for a sentence', () => {
    const findings = detectPrivateData('a@b.io, c@d.io, +44 20 7946 0958, 4111 1111 1111 1111');
    expect(describeFindings(findings)).toBe('an e-mail address, a phone number and a payment card number');
  });
});

// How long the rules take on ordinary prompts is a benchmark figure (bench:router's
// parts.privacy_rules), not a test: a timed test fails on a loaded machine. What stays here is the
// guard against patterns that backtrack, where the failure is seconds, not microseconds.
describe('detectPrivateData on hostile input', () => {
  it('stays linear on inputs built to make patterns backtrack', () => {
    const nasty = [
      'a'.repeat(50_000),
      `${'a.'.repeat(20_000)}@`,
      `${'a'.repeat(20_000)}@${'b.'.repeat(10_000)}`,
      '1 '.repeat(30_000),
      '1-'.repeat(30_000),
      `+${'1 '.repeat(20_000)}`,
      `${'0'.repeat(40_000)}`,
      `12 ${'Abc '.repeat(20_000)}`,
      `password ${'x'.repeat(50_000)}`,
      '路'.repeat(30_000) + '号',
      `I ${'cancer '.repeat(10_000)}`,
      `I know.\n${'cancer '.repeat(10_000)}`,
      `${'my '.repeat(10_000)}\n${'癌'.repeat(10_000)}`,
      `${'Abc '.repeat(20_000)}salary`,
      `Mr ${'Abc Def salary '.repeat(5_000)}`,
      `password ${'is '.repeat(20_000)}`,
      `seed phrase is ${'abc '.repeat(20_000)}`,
      `passport ${'A1 '.repeat(20_000)}`,
      `${'王伟，'.repeat(10_000)}确诊`,
      `同事${'王'.repeat(30_000)}住院`,
      `born ${'1/'.repeat(20_000)}`,
      `postgres://${'a'.repeat(30_000)}:${'b'.repeat(30_000)}@`,
      `car ${'AB12 '.repeat(20_000)}`,
    ];
    for (const text of nasty) {
      const t0 = performance.now();
      detectPrivateData(text);
      expect(performance.now() - t0, `${text.slice(0, 20)}… (${text.length} chars)`).toBeLessThan(250);
    }
  });
});
