// What holdout-17's blind run showed, by family. Missed: a Wi-Fi QR payload's password, tests for an infection under a
// patient's name on a bill, a Chinese layoff list, "I'm on 18k RMB a month", 考績 in Traditional Chinese, "Jag tjänar …"
// at a sentence's start, an airline's SSR DOCS line, a birth announced with 降生, a regular lift's pick-up point,
// German streets named with a preposition, an estate in 苏州工业园区. False alarms: a router page's masked passphrase,
// the DVLA's specimen licence, a glasses prescription, what a singer "said publicly", a comp dashboard's medians
// ("Senior Engineer" is a title), a MECARD example with a 555-0100 number, a venue's events office, a webhook test
// payload of {{placeholders}}.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a Wi-Fi QR payload, an infection test under a patient’s name': [
    'Print this for the guest room: WIFI:T:WPA;S:Haddad-Guest;P:Olive$Tree2019;H:false;;',
    '这张缴费单的项目要空腹吗？\n患者姓名：许嘉宁 性别：女\n项目：梅毒螺旋体特异抗体测定 1项\n乙肝五项 1项',
  ],
  'layoff lists, own pay, 考績, a Swedish first person': [
    '按补偿金额排一下：\n优化名单\n李强 研发组 司龄5年 N+1\n王芳 行政 司龄3年 协商中',
    "I'm on 22k RMB a month and HR wants to extend my probation. How should I reply?",
    '我是業務部的林志豪，今年考績被打丙等，想寫信問人資。',
    'Jag tjänar 38 500 kr i månaden och fick ingen löneökning i år. Hjälp mig skriva ett mejl.',
  ],
  'a passenger’s birth date, a birth announced': [
    'Check this PNR line for typos: SSR DOCS BA HK1/P/GBR/[on file]/GBR/04JUL81/F/09SEP30/OKONKWO/ADAEZE',
    '满月酒请柬润色：小女陈语桐于2024年5月2日清晨6时平安降生，兹定于6月1日设宴。',
  ],
  'a lift’s pick-up point, a street with a preposition, an estate in an industrial park': [
    '顺风车拼车公告：\n乘客：吴倩（女）\n上车点：杭州市拱墅区 大关路 地铁站B口\n时间：每周一至周五 早上8:00',
    'Format this sender for a letter: Gisela Nowak, Am Lindenhof 12b, 79098 Freiburg — it is my grandmother.',
    '不动产权证：权利人：周敏\n坐落：江苏省苏州市工业园区 金鸡湖大道 湖畔花园 8幢 602室',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'masked values, specimens, a QR format': [
    'My router page says:\nSecurity mode: WPA2-PSK\nPassphrase: ••••••••••\nChannel: 36. How do I boost range?',
    "OCR'd the specimen licence from the DVLA guidance page:\n5. MORGA753116SM9IJ 35\n8. 122 BURNS CRESCENT, EDINBURGH, EH1 9GP",
    'Is MECARD:N:Doe,Jane;TEL:+1-555-0100;; for example, the right QR syntax for iPhone?',
  ],
  'glasses, public statements, aggregates': [
    'How do I read a glasses prescription like "R: -2.50 / -0.50 x 90"?',
    'What has Céline Dion said publicly about her diagnosis? Give me a timeline.',
    'Summarise this tooltip:\nGrade: L4 – Senior Engineer\nMedian base salary: $128,000\nMedian bonus: 90% of target',
  ],
  'a venue’s office, a test payload of placeholders': [
    "Word the RSVP card: replies go to the venue's events office:\n\nThe Grand Hotel, 97 King's Road, Brighton BN1 2FW",
    'My test payload for the webhook: {"first":"{{first}}","last":"{{last}}","email":"{{email}}"}. Why is the name empty?',
  ],
  'lists and lifts as topics': ['裁员补偿 N+1 怎么算？司龄不满一年怎么办？', '顺风车的上车点可以改吗？平台规则是什么？'],
};

describe('QR payloads, layoff lists, PNR lines and lifts (holdout-17)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
