import { describe, expect, it } from 'vitest';
import { describeFindings, detectPrivateData, type PrivacyKind } from '../../src-main/router/privacy.js';

/** Each finding as "kind:matched text", so a failure shows what was (or was not) found. */
function found(text: string): string[] {
  return detectPrivateData(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

interface Case {
  text: string;
  /** The span expected to be found, or null for a text that must be clean. */
  span: string | null;
}

const CASES: Record<PrivacyKind, { positive: Case[]; negative: string[] }> = {
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
    ],
    negative: [
      'SSN 666-12-3456 is never issued',
      'SSN 900-12-3456 is a test range',
      'Call 555-123-4567 for help',
      'The form shows QQ123456C as an example',
      '身份证号 110105194912310021 的校验位不对',
      '编号 990105194912310021',
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

describe('describeFindings', () => {
  it('names each kind once, joined for a sentence', () => {
    const findings = detectPrivateData('a@b.io, c@d.io, +44 20 7946 0958, 4111 1111 1111 1111');
    expect(describeFindings(findings)).toBe('an e-mail address, a phone number and a payment card number');
  });
});

describe('detectPrivateData speed', () => {
  const TEXT =
    'Hello, I am writing to ask about the meeting next Tuesday at 10:30. Could you send the agenda and the ' +
    'list of attendees? The budget is $1,200 for 12 people. 我们下周二开会，请把议程发给我，谢谢！Please ' +
    'reply to anna@example.org or call +1 212 555 0123 before Friday.';

  it('takes well under 0.2 ms for a few hundred characters', () => {
    for (let i = 0; i < 500; i++) detectPrivateData(TEXT);
    const runs = 2000;
    const times = new Float64Array(runs);
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      detectPrivateData(TEXT);
      times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
    times.sort();
    expect(times[runs / 2]!).toBeLessThan(0.2);
  });

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
    ];
    for (const text of nasty) {
      const t0 = performance.now();
      detectPrivateData(text);
      expect(performance.now() - t0, `${text.slice(0, 20)}… (${text.length} chars)`).toBeLessThan(250);
    }
  });
});
