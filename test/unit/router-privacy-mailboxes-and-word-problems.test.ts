// What holdout-29's and -30's blind runs showed (stop 32): false alarms on role mailboxes in short templates and posts
// (bookings@, accounts@, a class's reps@), a service account (svc-backup@), a Chinese finance mailbox (caiwu@) in a
// company-mail question, an ACME contact in Traefik config, a medicine's brand in brackets read as a nickname, German
// nouns read as names (Thema Homeoffice); misses: a daughter's birthday in a "how many days old" question read as a word
// problem, a husband's thyroid nodule (甲状腺结节, 穿刺), a Redis requirepass said changed in Chinese.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a relative’s birthday in a date question': ['my son Theo Marsh was born on 12 May 2020 at 06:40. how many days old is he today?'],
  'a relative’s thyroid and a changed Redis password, in Chinese': [
    '帮我老公郑国栋约了复查，备注写“甲状腺结节，已预约穿刺”。',
    '通知运维：Redis 的 requirepass 我已经改成 Qx7!pr0d_Lm2vT9 了，旧的作废。',
  ],
  'a person’s own mailbox in a short note': ['my personal one is bookings@harrietsmith.co.uk, please use that instead of the shop address'],
};

const SENT: Record<string, readonly string[]> = {
  'role and service mailboxes of organisations': [
    'My cleaning business needs a welcome email template for new clients: explain the cancellation policy and say replies go to bookings@sparkleclean.co.uk.',
    'Reword the class WhatsApp note: parents can email the class reps at year5reps@hillsideprimary.org.uk and the school office forwards it.',
    'Okta log: actor.alternateId: svc-reports@northfold.io, outcome FAILURE. What happened?',
    'Foxmail 配置企业邮箱报错，账号 caiwu@hengrun-trade.cn，客户端专用密码在哪里生成？',
    'traefik:\n  command:\n    - --certificatesresolvers.le.acme.email=ops@bramblefield.io\nwhy no cert?',
  ],
  'medicines and German nouns with no one in them': [
    'Was ist Morbus Crohn und wie wirkt Adalimumab (Humira)? Muss man dem Arbeitgeber die Diagnose mitteilen?',
    'Welche Rechte haben Beschäftigte mit Morbus Crohn beim Thema Homeoffice?',
  ],
  'a word problem about invented people': ['Ava was born on 3 March 2019. If today is 3 March 2025, how many days old is she, counting leap years?'],
};

describe('mailboxes, brands and word problems (holdout-29 and -30)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
