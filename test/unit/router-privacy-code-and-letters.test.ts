// What holdout-15's blind run showed, by family. Missed: recovery codes listed under their name, Alibaba and Tencent
// Cloud keys, a pharmacy's message to its patient by name, names with Irish, Māori or Arabic particles, the writer's
// pay as "on $X base", a Chinese name before its department in brackets or opening a review line, a date of birth
// as a JSON timestamp, a run's GPS track from the writer's home, a street with macrons, a letter's HR outcome for its
// addressee. False alarms: a vault path or a credential file named as a secret, a PEM header asked about, UnionPay's
// test card, an example id in 我的函数's test, an HKID specimen beside 员工资料, a form's "Spouse", a template's
// headings, a biography, a novel's character, a fixture at example.com, a placeholder MP's address, a German
// customer-service mailbox, an organisation's "find us at", a chain's locations, a government building's address.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'recovery codes and cloud keys': [
    'Which of my GitHub recovery codes are still unused?\n\n3f9a-7c21\n~~b8e0-4d6f~~\n91cd-2a7e\n5e3b-0f88',
    'cfg := aliyun.Config{AccessKeyId: "LTAI5tQm8WzK3nPrY7dXvE2a", Secret: os.Getenv("ALI_SECRET")}',
    'SecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA" is in the Go test, why does CI fail?',
  ],
  'a pharmacy’s message to its patient by name': ['Boots: DANIEL OKAFOR, your repeat prescription for AMLODIPINE 5MG is ready to collect.'],
  'names with particles, a letter’s HR outcome': [
    'Dear Niamh Ní Bhriain,\nFollowing the disciplinary meeting on 3 March, which you attended, we have decided to issue a written warning.',
    'Khalid bin Rashid starts his performance improvement plan on Monday; draft the kickoff note.',
  ],
  'the writer on their pay': ['I am a staff nurse at St Thomas’ on £38,500 base plus unsocial hours. Should I take the agency offer?'],
  'a Chinese name before its department or opening a review line': [
    '帮我润色：李俊杰（研发中心）本季度绩效C，需进入改进计划。',
    '绩效评语：\n陈晓华：本季度绩效D，多次迟到。\n周明：绩效B。',
  ],
  'a date of birth as a JSON timestamp': ['{"user": {"name": "Tamsin Achterberg", "dateOfBirth": "1988-02-14T00:00:00.000Z"}}'],
  'a track from the writer’s home': [
    'Strip my home from this GPX before I share it:\n<trkpt lat="53.480712" lon="-2.242631"><ele>38</ele></trkpt>\nIt starts at my front door.',
  ],
  'a street with macrons': ['SHIP TO:\nHēmi Walker\n7 Tūī Street\nRotorua 3010'],
};

const SENT: Record<string, readonly string[]> = {
  'where a secret is kept, a PEM header': [
    'export PGPASSWORD="$(vault kv get -field=password secret/billing/db)" — is this safe in a cron job?',
    'LoadCredential=api_token:/etc/credstore/billing.token — what does this systemd line do?',
    'Why does "-----BEGIN OPENSSH PRIVATE KEY-----" fail where "-----BEGIN RSA PRIVATE KEY-----" works?',
  ],
  'published test values, specimens in tests': [
    '银联测试环境的测试卡号 6216 2610 0000 0000 018 要怎么用？',
    '我的函数校验 11010519491231002X 返回 false，这个示例号码的校验位对吗？',
    '政府網站個例子寫 A123456(3)，想做條公式驗證員工資料有冇打錯。',
  ],
  'a form’s labels, a template’s headings': [
    "Check my parents' 1040 line 9 (SSNs masked):\nSpouse's social security number: XXX-XX-XXXX\n9 Total income ........ 96,210",
    'I am designing a clinic letter template with headings for diagnosis, medications and follow-up. What else should it have?',
  ],
  'public figures and fiction': [
    'Write a short bio paragraph on Michael J. Fox covering his Parkinson’s diagnosis and his public disclosure in 1998.',
    'In my novel, Detective Ruth Calloway is diagnosed with multiple sclerosis. How would it affect her work?',
  ],
  'organisations’ and fixtures’ mailboxes': [
    'self.client.post("/signup", {"email": "bob@example.com"}) fails the second time. Why?',
    "What do MPs' addresses look like, something@parliament.uk?",
    'Übersetze: „Bei Fragen wenden Sie sich bitte an kundenservice@stadtwerke-beispiel.de.“',
  ],
  'organisations’ and public buildings’ addresses': [
    'Newsletter: from Monday you will find us in the old library building, 4 Mill Lane.',
    'Tidy this list of Starbucks locations: 1912 pike pl seattle; 2401 utah ave s seattle',
    '例如「臺北市信義區市府路1號」（臺北市政府）翻成英文要怎麼寫？',
  ],
};

describe('code, letters and lists (holdout-15)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
