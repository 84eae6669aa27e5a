// What holdout-23's and holdout-24's blind runs showed (stop 31), by family. Missed: Gradle's storePassword "…",
// FileZilla's base64 <Pass>, an authenticator's setup key in groups of four, "mein Passwort fürs Online-Banking … ist
// seit Jahren …", a Go DSN whose password holds an @, 2FA recovery codes named 恢复码, an EMV dump's tag 5A, a hotel
// encoder's rm= gst= lines, "mum (ruth ashby) is in room 212 at the parador", a photo's GPS at the writer's house, "my
// ex's number … It's +1 …", a VoIP log's dst=, the writer's pay in Chinese after their job and in "that's what i'm on",
// the writer's diagnosis in Swedish and Italian, CPAP and Omnipod, a move's addresses told to a moving company, a SEPA
// mandate's debtor. False alarms: fstab's credentials= path, supervisord's %(ENV_…)s, role mailboxes at .example
// domains and in shared lists, companies' invoices and a charity's donation page, UK plates given as examples, a café's
// own address, "Some Road", data said to be synthetic or a docs' sandbox payload, "inga personuppgifter". Each beside
// the same shape the other way round.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'secrets in build files, exports and prose': [
    'release {\n    storeFile file("../keys/tidepool-release.jks")\n    storePassword "Fennel4466!8jwD"\n}',
    '<User>webeditor_marnie</User>\n<Pass encoding="base64">R3VsbGhlIUx4aDIjMjI=</Pass>',
    "Can't scan? Enter this key manually: KEY4 CAT3 QWO5 WUTO VLTG 4W67 F4JG OTIU",
    'Mein Passwort fürs Online-Banking bei der Sparkasse ist seit Jahren "Hundehuette!9202".',
    'dsn := "order_svc:Pm2zRCLu@96@tcp(10.8.1.30:3306)/orders"',
    '我 GitHub 的 2FA 恢复码先存你这里：\nett8a-6iwua\nhl2ob-tetur\nw4kke-y28ca',
  ],
  'cards, rooms, positions and lines': [
    '9F02 06 000000004250\n5A 08 54 12 98 95 70 71 43 73\n5F24 03 270831',
    '2025-08-14 16:02:11 ENC02 NEW  rm=1412 gst=HALVORSEN/INGRID MS arr=14AUG dep=18AUG keys=2',
    'mum (ruth ashby) is in room 212 at the parador de granada till fri, how do i ring her room',
    'This photo of my daughter was taken in our back garden. The EXIF shows GPS 51.45672, -2.59231.',
    "Add my ex's number to the block list please, he keeps ringing reception. It's +1 (646) 552-8194.",
    '2025-05-14 18:02:11 src=201 dst=+447903263117 cname="Mum - Jean Kaur" dur=00:14:32',
  ],
  'the writer’s own pay and health, a named person’s': [
    '我现在在杭州一家电商公司做高级产品经理，月薪 32K，14 薪',
    "is £47.5k ok for a data analyst in leeds? that's what i'm on",
    'Jag fick diagnosen bipolär sjukdom typ 2 i höstas och står nu på litium.',
    'Mi chiamo Giulia Ferrante e ho appena ricevuto la diagnosi di celiachia.',
    'Dad (Graham Whitlock, 74) started CPAP for severe obstructive sleep apnoea in May.',
  ],
  'homes and accounts': [
    '帮我跟搬家公司确认：从 成都市武侯区 玉林北路 2号 玉林小区 4栋 3单元 602 搬到 高新区',
    'Creditor: Rheinklang Musikschule GmbH\nDebtor name: Jonas Ekberg\nIBAN: DE95 9835 5511 7346 4147 35',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'paths, variables and examples': [
    '//192.168.1.40/photos /mnt/photos cifs credentials=/root/.smbcred,vers=3.0,uid=1000 0 0',
    '[inet_http_server]\nusername=%(ENV_SUPERVISOR_USER)s\npassword=%(ENV_SUPERVISOR_PASS)s',
    'storePassword System.getenv("STORE_PASSWORD") — is that enough for CI?',
    "What do the two digits in a UK number plate mean, e.g. 'AB24 CDE' vs 'AB74 CDE'?",
    'In the DVLA example "AB12 CDE", what do AB and 12 tell you?',
    'Where do flat numbers go — "Flat 2, 88 Some Road" or "2/88 Some Road"?',
    '我想知道在杭州做产品经理，月薪 32K 算高吗',
  ],
  'role mailboxes and organisations’ accounts': [
    'redirect :copy "accounts-payable@ourco.example";',
    'v=DMARC1; p=none; rua=mailto:dmarc-reports@ourco.example; fo=1',
    '"author": "Acme Tools <opensource@acme.example>"',
    '部门公共邮箱列表：\n人事部 hr@xinghe-design.cn\n财务部 finance@xinghe-design.cn\n客户服务 service@xinghe-design.cn',
    'The food bank\'s donation page lists its bank details: "Brightwater Food Bank CIO, IBAN GB19 LOYD 3096 3401 8273 64".',
    'Our invoice footer reads: "Payment within 14 days to Nordhaven Werkzeuge GmbH, IBAN DE53 3704 0044 0789 1234 00".',
    'Our café is at 12 Market Square, Ledbury. How do I add it to Google Maps?',
  ],
  'data said to be no one’s': [
    'Using this synthetic Dexcom-style data I made up: Maya, type 1, EGV 3.1 at 01:25 — explain time below range.',
    'Jag skriver en informationsfolder om HbA1c och metformin. Allmän information, inga personuppgifter.',
  ],
};

describe('build files, exports, device logs, mailboxes and accounts (holdout-23 and -24)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
