// What holdout-21's and holdout-22's blind runs showed of false alarms (stop 31): Grafana's $__env{…} read as a
// password, Stripe's 4242 card in a question about "a successful charge", an obfuscated name [at] domain [dot] com,
// Portuguese placeholder mailboxes (geral@empresa.pt, nome.apelido@), GitHub's 12345678+yourhandle@users.noreply…, a
// plus-addressing question's name+shop@, an on-call rota's mailbox, an invoice footer whose account is a company's,
// turning off location sharing with a wife, a workplace drama, and a teaching case marked 虚构 / 非真实患者. Each beside
// the same shape when it is someone's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the same shapes, someone’s': [
    'secureJsonData:\n  password: Tq8#mWz4Lr2p\neditable: false',
    'Stripe test mode is off now, so charge it to my card 4242 4242 4242 4242.',
    'my email is jane.kowalski [at] gmail [dot] com, write to me there',
    'O meu email pessoal é rui.tavares@sapo.pt, podes usar esse.',
    '[user]\n    name = Rui Tavares\n    email = rui.tavares@protonmail.com',
    "receivers:\n  - name: db\n    email_configs:\n      - to: 'priya.nair@corvid.io'",
    'Bank: NatWest · Account name: Darren Price\nIBAN GB35 NWBK 8486 2790 3545 23',
    '老婆的实时位置显示在望京SOHO附近，她说在加班，怎么关闭位置共享？',
    'Lorna in HR told me Darren Price is being made redundant next week.',
    '患者：王秀英，67岁　科室：内分泌科\n入院诊断：2型糖尿病伴酮症；高血压3级',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'placeholders, test values and rotas': [
    'secureJsonData:\n  password: $__env{GRAFANA_PG_PASSWORD}\neditable: false',
    'Stripe test mode: is 4242 4242 4242 4242 with any future expiry and any CVC always a successful charge?',
    'Is it a good idea to obfuscate email addresses on a website like "name [at] domain [dot] com" these days?',
    'Um endereço genérico como geral@empresa.pt ou faturacao@empresa.pt é dado pessoal? E nome.apelido@empresa.pt?',
    '[user]\n    name = Your Name\n    email = 12345678+yourhandle@users.noreply.github.com',
    'Does Gmail plus addressing (name+shop@gmail.com) work with Outlook too?',
    "receivers:\n  - name: db-oncall\n    email_configs:\n      - to: 'db-oncall@corvid.io'",
  ],
  'organisations, topics and fiction': [
    'The footer of our sales invoice:\n\nNorthgate Joinery Ltd · Huddersfield\nBank: NatWest · Account name: Northgate Joinery Ltd\nIBAN GB35 NWBK 8486 2790 3545 23',
    '我和老婆之前一直开着位置共享，现在想关掉又怕她多想。微信的实时位置共享怎么关闭？',
    "I'm writing a workplace drama. The HR manager, Lorna, has to tell her best friend he's being made redundant.",
    '把这份虚构的教学病例改写成大白话：患者：某女，67岁（教学病例，非真实患者）入院诊断：2型糖尿病伴酮症；高血压3级',
  ],
};

describe('placeholders, test cards, rotas, company accounts, fiction (holdout-21 and -22)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
