// Secrets written in prose, as a family: a password or code after any wording (密码是/改成/为, 验证码, PIN,
// "pw for …", "pass:"), a password given in two halves, and a wallet seed phrase in any layout (numbered,
// two columns, comma-separated, one per line). The values below are invented for these tests.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const SEED = 'canyon velvet donkey rapid mirror toast harvest proof salute wreck spice ladder'.split(' ');

describe('secrets in prose, every wording', () => {
  itKeepsLocalAndSends(
    {
      'a Chinese password sentence without a colon': [
        '路由器后台 管理员密码是 hunter 后面加 我的工号 4417',
        '服务器 root 密码 我昨天短信发你了 是 Pl@net9Kx 帮我记一下',
        '家里wifi密码改成了 Orchid#57 记得告诉奶奶',
        '支付密码为 Zx82!mq，别外传',
        '刚收到的验证码是 604317，帮我填一下',
        '门禁暗号是 K7-blue-33',
        '银行卡PIN码改成 520931 了',
      ],
      'an English password in any wording': [
        'pw for the nas is Gravel2031',
        'the office wifi pass: Tern!Lake8',
        'my login password is violet followed by 2207',
        'bank card pin is 5083',
      ],
      'a seed phrase, numbered, in columns, comma-separated or one per line': [
        `is this my ledger backup right? ${SEED.map((w, i) => `${i + 1} ${w}`).join(' ')}`,
        `metamask wallet words:\n${SEED.slice(0, 6)
          .map((w, i) => `${i + 1}. ${w}      ${i + 7}. ${SEED[i + 6]!}`)
          .join('\n')}`,
        `钱包助记词：${SEED.join(', ')}`,
        `trezor recovery sheet\n${SEED.join('\n')}`,
      ],
    },
    {
      'talk about passwords': [
        '密码是什么意思？怎么设置一个安全的密码',
        'what makes a good password, one word followed by digits?',
        'the password is hashed with bcrypt, then stored',
        '忘记密码了怎么办',
        'my boarding pass is on my phone',
      ],
      'a seed-phrase explainer, the word list, the test vector': [
        'A seed phrase is 12 or 24 words from the BIP-39 list, which starts: abandon ability able about above absent absorb abstract absurd abuse access accident account accuse',
        'BIP-39 test vector for the wallet: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
        'never share your recovery phrase with anyone, not even support staff from the wallet company',
      ],
    },
  );
});
