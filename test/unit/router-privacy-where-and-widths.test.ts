// What holdout-16's blind run showed, by family. Missed: fixed-width rows whose layout the text spells out (a BSN, a
// card number run into the next cell), own sick leave in Spanish ("me han diagnosticado … me ha dado la baja"), pay on a
// Hong Kong MPF statement (有關入息 under 成員), a Taiwanese birth date in the Republic's years (民國85年), "you … reside
// at" in a collector's letter, a son's Octopus card taps, a father's phone location, a Norwegian plate, a village
// address, a Czech address. False alarms: a word in brackets read as a password, an issuer's "well-known test
// number", a trainer's clients with diabetes, a dictated help-desk address at Contoso, example.ie in a regex question,
// a funeral director's, a courthouse's and a tower's addresses, Taipei 101's address as the example.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'fixed-width rows read by their layout': [
    'Convert this fixed-width file to CSV. Columns are name (20 chars), BSN (9), start (10).\n\nSanne de Boer       1112223332023-01-09\nPieter Jansen       2345679012024-05-01',
    'Parse this fixed-width batch (name 20 chars, PAN 16, expiry 5):\n\nMARIA LOPEZ         4539578763621486 09/27\nJOHN WEBB           5425233430109903 11/26',
  ],
  'own sick leave in Spanish, a collector’s letter': [
    'Resume este mensaje: me han diagnosticado una tendinitis y el médico me ha dado la baja dos semanas.',
    "Is this letter legit? 'Our agent confirmed that you, Dana Whitfield, currently reside at 18 Orchard Close.'",
  ],
  'pay on an MPF statement, a birth date in the Republic’s years': [
    '幫我睇下份強積金報表：\n成員：黃志明\n有關入息：每月 HK$42,000\n僱主強制性供款：HK$1,500',
    '幫我翻譯報名表：\n姓名：林怡君\n出生日期：民國88年7月2日',
  ],
  'a transit card’s taps, a phone’s location, a plate': [
    '我個女（陳詩穎）話放學即刻返屋企，但八達通紀錄係咁：\n16:10 港鐵 沙田 入閘\n16:32 港鐵 旺角 出閘',
    '帮我发家族群：外公今天走失了，手机定位最后显示在南京市鼓楼区中山路附近。',
    'Skriv høfligere: Bilen din med skilt EK 72911 står foran garasjen min igjen.',
  ],
  'a village address, a Czech address': [
    '录取通知书请寄到：四川省南充市仪陇县马鞍镇朱家村二组 15 号，收件人王磊。',
    'Přelož: bydlím na adrese Korunní 2569/108, 101 00 Praha 10.',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'a word in brackets, a test number, a group with a condition': [
    "Write a password policy: long passphrases (like 'correct horse battery staple', but not that one) and MFA.",
    "Walk me through Skatteverket's well-known test number 19121212-1212: how is its last digit computed?",
    "I'm a swimming coach. What should I know about athletes who have type 1 diabetes and use insulin pumps?",
  ],
  'example and organisations’ mailboxes': [
    "Fix my dictation: 'email the help desk at helpdesk at contoso dot com about the printer'",
    "Write an email regex that accepts apostrophes (o'brien@example.ie) and non-ASCII local parts.",
  ],
  'organisations’ and landmarks’ addresses': [
    "How do I address a card to the funeral directors when I don't know the family's home address: 'c/o Hale & Sons Funeral Directors, 12 Market Street'?",
    'Is the Stanley Mosk Courthouse at 111 N Hill St? Where is small claims?',
    '台湾地址翻译成英文要怎么写？用台北 101 的地址（信义路五段 7 号）举例。',
  ],
  'card layouts and location apps as topics': [
    'What does a fixed-width layout like name (20 chars), PAN (16), expiry (5) mean for PCI scope?',
    'Where do I find my tax file number if I lost it?',
    '八达通的出入闸记录可以保留多久？',
  ],
};

describe('fixed-width rows, whereabouts and first-person health in Spanish (holdout-16)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
