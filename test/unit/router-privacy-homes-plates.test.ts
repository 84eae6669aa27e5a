// Homes by landmark and neighbourhood, plates beside their resident, OCR-misread and keyed IBANs, eight-digit Hong
// Kong, Macau and Singapore mobiles; each family beside its near-misses (a format question, a hotline, a district
// asked about, the published specimen). Every value here is invented.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the writer’s own house picked out by order or colour': [
    "We're the last house before the roundabout on Pond Lane in Wantage, the one with the blue door — tell Fergal",
    'ours is the third cottage past the chapel on Mill Hill, text Oona the way',
    "I'm the white bungalow after the bridge on Ferry Road, tell the plumber",
    "we're the house with the green door opposite the Spar on Mill Road, tell Niamh to knock",
  ],
  'a named person or a relative in a neighbourhood': [
    'our nanny Lupita lives out in Coyoacán, colonia Santa Úrsula, so she leaves at 5',
    'my ex Declan lives in the Glenview estate now, near the school',
    'our cleaner lives in Tondo, Barangay 118, so she leaves early',
    'my mother-in-law Teodora lives in Barangay Malanday, Marikina; write her an invite',
    'Our driver Budi lives in Kampung Rambutan, kelurahan Ciracas, help me with his leave letter',
  ],
  'Chinese, Cantonese, Taiwanese and pinyin: an estate or a lane': [
    '我前夫现在住在武汉光谷附近的那个小区，叫“金地格林”，帮我写给律师',
    '前妻搬到了南山区那边的海岸花园，孩子周末在她那',
    '阿嫲而家搬咗去元朗，住喺朗屏邨嗰邊，幫我通知親戚',
    '我老豆住喺大埔富亨邨，你送嘢就去嗰度',
    '阿爺屋企喺黃大仙竹園邨，星期日去飲茶',
    '我外婆住在台中市北屯區的松竹社區，幫我寫封信',
    '我阿姨住在永康街 18 巷裡面，幫我寫邀請卡',
    '佢住喺將軍澳嘅新都城，你送嘢就去嗰度',
    '我阿嬤住在台南安平區的億載社區，幫我寫張卡片',
    'Wo de qianfu zhu zai Wuhan Guanggu de Jindi xiaoqu, bang wo xie xin',
  ],
  'a plate on the same line as its resident or owner': [
    'Parking log\n2026-10-02 07:55 bay 6 KA 03 MR 5521 (resident permit for Flat 2A, Mrs Leela Menon) – expired',
    'Visitor log: 18:10 TN09BX4417 – guest of Mr Arul Das, flat 9',
    'space 12 LM62 KTR (resident, Ms Ruth Dale, flat 3) clamped',
    'Permit register: Flat 4D – Dr Jonas Keller – HH-KL 482',
    'HOA: the Delgado residence (lot 14) keeps a trailer, plate 6MRT903 (CA)',
    '停車場記錄：車牌 KT 318，住客 李家明先生，C座 9樓，逾時泊車',
    '09:05 | bay 2 | TN22CK7310 | Flat 6C | Meera Iyer | permit expired',
    'Car park permits\nGH-417-TR  Mme Lucie Perrin  appt 14',
    'Resident parking register\nBay | Plate | Resident | Flat\n7 | MH 14 DX 6620 | Mr Anand Kulkarni | 2B',
  ],
  'IBANs read back by OCR, and keyed values typed a digit off': [
    'SEPA mandate – OCR\nDebtor name: Cathal Byrne\nDebtor IBAN: IE29 A1BK 9311 5212 3456 78',
    'scanned form: Account holder Maeve Doyle, IBAN GB29 NWBK 6016 1331 9268 I9',
    'rent goes to: IBAN NL55 RAB0 0312 8761 54, Sanne Visser',
    'Debtor IBAN (scanned): DE05 43O5 0001 0012 3456 78, Debtor: Lukas Brandt',
    '{"name": "Ewa Kowalczyk", "iban": "PL27 1140 2004 0000 3602 7658 3841 66"}',
    'payees.yaml\n- name: Ewa Kowalczyk\n  iban: PL27 1140 2004 0000 3602 7658 3841 66\n  amount: 900',
  ],
  'eight-digit mobiles of Hong Kong, Macau and Singapore after a phone word': [
    '阿Ling新電話係 6873 2914，幫我通知舊同學',
    '我表姐嘅手機號碼係 6612 0458，係澳門號碼',
    "my colleague Hui Min's number in Singapore is 9127 6604, text her the venue",
    'call Uncle Kwok on 5327 8846 tonight',
    "call me on 9641 2287 after six, it's Wing",
  ],
};

const SENT: Record<string, readonly string[]> = {
  'districts and estates asked about, businesses by a landmark': [
    'Is Coyoacán a safe neighbourhood to rent in? Is colonia Del Carmen nice?',
    '元朗朗屏邨係公屋定居屋？附近交通方唔方便？',
    '武汉光谷哪个小区比较好？',
    '台中北屯區有哪些社區比較安靜？',
    'The bakery is the last shop before the roundabout on Pond Lane, the one with the blue door.',
    "We're the last team to submit, the one with the yellow logo.",
    'Where do snow leopards live in the wild?',
    'Which London boroughs have the most council estates? Is the Aylesbury estate still there?',
  ],
  'plates in a question about their format': [
    'What do the letters on an Indian plate like KA 03 MR 5521 mean?',
    'German plates like HH-KL 482 start with the city code; what is HH for?',
    'Parking log schema:\ntimestamp | bay | plate | permit | status',
  ],
  'IBAN questions and templates': [
    'What does the IE in an IBAN like IE29 AIBI … mean, and why 22 characters?',
    'payees.yaml\n- name: <payee>\n  iban: ${PAYEE_IBAN}\n  amount: 0',
    'OCR keeps reading O as 0 in IBANs; how do I fix that in Python?',
  ],
  'hotlines, amounts and the NHS specimen': [
    '匯豐客服熱線係 2233 3000，幾點收工？',
    '香港手提電話號碼係幾多位？點解有啲係 5 字頭？',
    '今年收入 9438 2716 元',
    'The NHS specimen number 943 476 5919 is used in the docs; why does it pass the check?',
  ],
};

describe('homes, plates, IBANs and mobiles beside a person', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
