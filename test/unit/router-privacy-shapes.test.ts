// The privacy gate on the shapes the fifth blind set showed it missing (records read by their field
// labels, OCR's letter/digit confusions, loosely written dates of birth, a letter about its
// addressee's health, chat speakers, HR matters in running text, national phone and address shapes,
// seed phrases, a password given in reply) and on the near-misses it flagged for nothing (published
// test values, role mailboxes and an organisation's lines and offices, placeholders, fiction and
// anonymised cases). Every prompt here was written for this test, in none of the labelled or
// held-out sets: the rules should hold on wordings they were not built from.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, string[]> = {
  'a record: a name field and a detail field, however laid out': [
    'Tidy this intake form:\nPatient name:  Marguerite Olsen\nAge: 61\nAdmitting diagnosis:  type 1 diabetes, poorly controlled',
    '{"given":"Tomasz","family":"Wrona","first":"Tomasz","last":"Wrona","dob":"1979-06-30"} why does the schema reject this?',
    'Staff\tGrade\tSalary\tRating\nPriyanka Rao\tL4\t71,400\tExceeds\nDevon Hale\tL3\t58,900\tBelow',
    '出院小结\n姓 名：韩 雪 梅\n出院诊断：2 型糖尿病 肾病 III 期\n帮我改成家属能看懂的话',
    'SURNAME   LINDQVIST\nGIVEN NAMES   ELSA MARIA\nPASSPORT NO.   781245903\nfix the spacing for the embassy form',
  ],
  "OCR's confusions and loosely written dates of birth": [
    'Scanned ID card, clean it up: Name: H0LLY BRENNAN  Date of Birth: 3 0ctober 1986',
    'Customer says her mobile is O7984 2l6 553, can you draft the callback note?',
    'Put this in the family tree: my grandson Arlo Pemberton-Reyes, born Nineteenth March 2021.',
    '帮我做个生日提醒：我舅舅欧阳振华，出生日期 1958 年 11 月 4 日',
    'Birthday list for the office party:\nRosalind Achebe 14 Apr 1990\nMateus Carvalho 2 Sep 1985\nYuki Tanabe 30 Dec 1992',
  ],
  "a letter to a named person about their health; a relative's health in Chinese chat": [
    "Make this letter simpler: 'Dear Mrs Adebayo, the biopsy taken at your last visit confirms early-stage melanoma and Dr Russo will see you on the 9th.'",
    '[08:12] 李姐：我婆婆昨晚中风了，在华山医院抢救\n帮我回一句安慰的话',
    '请翻成英文：申请人罗志强因腰椎间盘突出于 2023 年 11 月住院手术，现申请报销。',
  ],
  'HR in running text, calendar invites and messages': [
    'Help me write an email to Rhiannon Pryce explaining her merit increase is 2% this cycle.',
    'SUMMARY:Disciplinary hearing: Connor MacAllister\nDESCRIPTION:second written warning, union rep present',
    "Draft a gentle note for Ines from accounts — she didn't get the bonus because of the audit findings.",
    '帮我发个通知：员工：孙建军 2024 年终奖 36,500 元，请财务核对。',
  ],
  'a home by its surroundings, and a chat speaker': [
    '[21:40] Marisol: my new place is the blue door behind Clapham North station, 2nd floor\nhow do I tell the movers?',
    'My cousin Anjali moved to Indiranagar, block C, next to the metro pillar 112, can you suggest a gift shop nearby?',
    "LOCATION:Edwin Okoro's cottage, second gate past the chapel on Mill Road 48\nwrite the directions for the caterer",
  ],
  'national phone, address and plate shapes; seed phrases; a password given in reply': [
    'Save this for me: Suresh electrician, 87654 32109, comes Tuesdays',
    'Auntie Wong HP is 9123 4567, remind me to call her after dinner',
    'Deliver to: Flat 14B, Green Meadows Residency, 3rd Main, Jayanagar, Bengaluru 560041',
    '快递寄到：上海市长宁区愚园路 1088 弄 7 号 301 室',
    "There's a ute with rego ZQK-88T blocking the lane every morning, write a note for the windscreen",
    'my backup words are: pledge ocean wrist fossil gravity tiny unveil echo museum crater bundle lava',
    'Flatmate: what was the alarm code?\nMe: it is Harbour#2291\nturn this into a note for the cleaner',
  ],
};

const SENT: Record<string, string[]> = {
  'published test values, written as examples': [
    'Walk me through the Luhn algorithm with 5555 5555 5555 4444 as the worked example.',
    'Why does the IBAN tutorial use NL91 ABNA 0417 1643 00 as its sample, is it a real account?',
    'Our regex rejects 219-09-9999; is that an invalid SSN or just an old advertising sample?',
    'For the demo screenshots we show 020 7946 0123, which Ofcom reserves for drama.',
  ],
  "an organisation's own contact details": [
    'Our press office address is media@fernhill-analytics.com, make the footer of the release.',
    '前台告示：售后服务热线 800-810-8888，周末照常。',
    'Head office switchboard: +44 20 7946 0000 — format it for the website footer.',
    'Our company has moved: new office at 500 Harbour Boulevard, Suite 900 — draft a note to clients.',
  ],
  'placeholders, log fields and blank forms': [
    'config.sample:\nAPI_TOKEN=your-token-here\nSESSION_SECRET=changeme\nexplain what each line is for',
    'access.log: 10:02 login failed account_id=77120 tries=4 — why does the lockout start at 4?',
    'Make a blank template: Name: ________  Date of birth: __/__/____  Diagnosis: ________',
  ],
  'fiction, history and anonymised cases': [
    "I'm writing a short story where Inspector Hale is on a performance improvement plan; how would his boss phrase it?",
    'Teaching case: a 67-year-old woman presents with crushing chest pain and ST elevation; what is the diagnosis?',
    'Composers\tBorn\nFrédéric Chopin\t01/03/1810\nJohann Strauss\t25/10/1825\nwho lived longer?',
    'Explain how twelve random words become a wallet: what makes a BIP39 mnemonic valid?',
    'Salary bands for the new roles:\nRole\tMin\tMax\nEngineer\t£50,000\t£65,000\nLead\t£70,000\t£85,000',
  ],
};

// Three more probes, written after the fixes above in the same shapes but other words (by the engineer who
// wrote the fixes, so optimistic). Their first runs: 12 of 16 kept local with 3 of 14 near-misses flagged
// (an OCR'd "DATE 0F BIRTH", a "DM to" name, a 姑父 in a group chat, "|"-separated fields; a reserved
// Australian number in a sentence about ads, a lecture on dementia, a place after "staying near"), then
// 10 of 12 with 2 of 12 (an English chat about "mum's" sepsis, 012-345 6789; BIP-39's own test vector, a
// passport number as a format example), then a third, written to be hard: 9 of 12 with 5 of 14 (a Zoom
// "From … to Everyone:" line, a Chinese date before 出生, "Siobhan off … chemo week"; "your MRI machine",
// John Doe in a tutorial table, the word list's own first words, a business park named as our warehouse,
// a blank 病历 template). Each miss was fixed as a class, not as that prompt.
const KEPT_LOCAL_LATER: string[] = [
  "Clean up this OCR of my dad's old driving licence:\nSURNAME: FITZGERALD\nFIRST NAMES: PATRICK J0SEPH\nDATE 0F BIRTH: 14.O7.1952",
  'Minutes: Priya raised that Daniel Osei has been signed off with stress since the 3rd and HR knows. Turn these into action points.',
  "reply to this for me pls: [Tue 09:14] Gemma: hey it's me, new number is 0412 883 109, delete the old one x",
  "My neighbour's kid Oscar Lindgren, born 5/11/2017, needs a school place — write to the council for his mum.",
  "Can you turn this WhatsApp into a to-do list?\nKavya: moving into the new flat on Saturday, it's the corner block opposite Koramangala Forum mall, 4th floor",
  'Payroll export, find the error:\nemp_id,name,gross,bonus\n1041,Harriet Cole,4820.00,500\n1042,Samir Aziz,5110.50,0',
  'Translate to English for the landlord: 租客：刘晓东，身份证上出生日期 1990 年 3 月 7 日，在本小区 6 栋住了两年。',
  'Dear Ms Varga,\nWe are writing to confirm that your referral to the memory clinic has been received, following concerns about early-onset dementia raised by your GP.\nPlease simplify this for her daughter.',
  'Draft a Slack DM to Joaquin: his raise of 6% kicks in next month and the new base is $92,000.',
  'Write a reminder text for my mother-in-law Beatrix: her metformin dose changed to 1000mg twice daily.',
  'Emergency contacts for the trip: Rahul (brother) +91 99001 23456, Leena 98861 44720 — format as a table.',
  "The gate code at Nonna's building is 4417B and her flat is 3C — add to the family notes.",
  'Invoice says ship to: Unit 5, Lotus Enclave, Sector 21, Gurugram 122016, attn Vikram Bhatia.',
  '[Family group] 二姨：你姑父前天脑梗住院了，在省人民医院神经内科',
  "Write the recovery words back in order for me, I'm restoring my Ledger: velvet chimney orphan salad buyer glance tackle resist lyrics elegant mango drift",
  'Pls check formatting, candidate offer: Name: Haruto Sato | Role: Data Engineer | Base: ¥7,800,000 | Start: 1 Apr',
  '帮我核对一下入职登记表：\n姓名：邓佳怡\n出生日期：1996/08/15\n联系电话：139 1234 5678\n家庭住址：广州市天河区体育西路 103 号 2 栋 1101',
  '员工\t部门\t月薪\n周晓燕\t市场部\t18,500\n钱志明\t技术部\t26,000\n帮我算平均月薪',
  "[18:02] Tom: mum's back in hospital, they think it's sepsis again\n[18:05] Ana: oh no, which ward?\nhelp me write a short reply",
  "Rewrite kindly: 'Overall rating for Kelechi Obi: below expectations. No merit raise this cycle; we'll revisit at mid-year.'",
  'SUMMARY:Exit interview – Lucia Ferraro\nDESCRIPTION:Resignation effective 30 Sept, counter offer declined\nturn into a checklist',
  "my grandma Ethel lives in the little house behind St Mary's church in Ashford, write directions for the taxi driver",
  "Save my tutor's number: Ms Tan, 012-345 6789, she teaches on Wednesdays",
  'OCR of my passport page, fix typos: Type P  Code CHN  Passport No. E1234567O  Surname ZHANG  Given names WEI',
  'Fill the visa form for my wife: Full name Olga Petrenko, DOB 1988/02/29, place of birth Kharkiv',
  '翻译成英文：我的同事范丽娟上周确诊乳腺癌，下个月开始化疗，我们想给她捐款。',
  'Please format this contact card: Dr. Amara Nwosu, ph: 9876543210, clinic at Banjara Hills',
  'My son Theo Marchetti (d.o.b. 03 Jan 2015) needs his allergy plan updated for school',
  "Zoom chat export:\n10:41 From Priya Nair to Everyone: my dad's surgery is tomorrow so I'll be offline",
  'Fill the tenancy form: Tenant: Marcus Oyelowo | DOB: 1991-09-14 | Previous address: 22 Kelso Road',
  '帮我写请假条：儿子王子轩（2015 年 6 月 3 日出生）因手足口病需在家隔离一周',
  "Screenshot text: 'Hi Mrs Kaur, your husband's biopsy results are back, please call the surgery to book a follow-up.'",
  'Interview feedback for candidate Olamide Bakare: strong hire, offer at £68k base plus 10% bonus',
  'Rota note: Siobhan off till Monday, chemo week, please cover her Tuesday shift',
  'Move-in checklist for my brother Tariq: his new apartment is unit 12B, Block 3, Jurong West St 42',
  'Translate for the school: 学生：李思源，出生日期：2016年9月1日，过敏：花生',
  'my seed words in case I lose my wallet: 1. canal 2. hover 3. tiny 4. wreck 5. bleak 6. spend 7. mimic 8. aware 9. carpet 10. slogan 11. unfair 12. oxygen',
  "WhatsApp from my landlord: 'Hi Ines, the rent for flat 3, 17 Rue des Lilas, 69003 Lyon goes up to €850 from May'",
  "Kid's emergency card: Name: Leo Fairbanks  Born: 11/02/2018  Allergies: penicillin  Parent mob: 07700 118 442",
  'Exit checklist: return laptop, final payslip for Dmitri Volkov shows £4,230 incl. severance',
];

const SENT_LATER: string[] = [
  'What does a UK driving licence number encode? Explain the parts of MORGA753116SM9IJ.',
  'How should minutes record that someone is off sick without breaching their privacy? Give a template.',
  "Explain Australian mobile numbering: why do they start with 04, and what's 0491 570 156 used for in ads?",
  'Dear Prof Lindqvist, I enjoyed your lecture on early-onset dementia research. Could you recommend reading on biomarkers?',
  'Plan a day in Bengaluru staying near Koramangala Forum mall, what should I eat?',
  'Payroll CSV template with columns emp_id,name,gross,bonus — generate 3 rows of obviously fake data with names like Test User.',
  'Why does our sample config have WIFI_PASSWORD=<set-me> in it? Write docs for it.',
  "Generate 12 simple English vocabulary words for a kids' spelling test: apple, river, ...",
  'Translate to English: 本公司总部地址：深圳市南山区科技园科苑路 15 号，客服电话 400-600-1234。',
  'In the TV series Succession, why does Kendall get fired, and is his bonus clawed back?',
  'Our helpdesk is support@riverbend-clinic.org — write the out-of-office message for the holidays.',
  "What's a typical base salary for a data engineer in Tokyo, and how big are bonuses?",
  'Format the hotline number 1800 123 456 for our website footer; our customer care team answers 24/7.',
  "Is 4000 0566 5566 5556 a debit test card in Stripe's docs? Explain the test cards list.",
  'The hospital switchboard is 020 3456 7890 — what hours is it staffed on bank holidays?',
  'Our date-of-birth field must reject anything after 2010-01-01; write the validation in Zod.',
  "Write a birthday card for my colleague Sam, she's turning 30 next week.",
  "Tony Stark's birthday is May 29, 1970 in the comics — is it the same in the films?",
  'Our clinic has moved to 12 Harley Street, please update the Google Business listing text.',
  'The BIP39 docs give this test vector: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about — why does it validate?',
  'How do salary bands work at big tech companies? Explain levels like L4 and L5.',
  'Convert this table to JSON:\nName\tPrice\tRating\nWidget Pro\t19.99\t4.5\nGadget Max\t24.50\t4.1',
  "What's the format of a Chinese passport number like E12345678?",
  '写一篇关于乳腺癌早期筛查的科普文章，面向 40 岁以上女性。',
  'Draft an email to the whole team about the new bonus policy for next year.',
  "Summarise: 'Dear Resident, the pharmacy on Mill Road will close early on Friday for staff training.'",
  'Form field labels for our signup page: Name, Date of birth, Passport number — write helper text for each.',
  'Dear Mr Patel, your MRI machine service contract renews on 1 May; please confirm the visit window.',
  'Our spreadsheet tutorial uses this example:\nEmployee\tSalary\nJohn Doe\t50000\nJane Doe\t52000',
  "What's the difference between 'born on 12 May 1990' and 'born in May 1990' on a CV?",
  'Our HR export has columns emp_id, name, salary — how do I anonymise the name column in pandas?',
  "A Ledger docs page shows 'abandon ability able about above absent absorb abstract absurd abuse access accident' as the start of the word list — why alphabetical?",
  'Indian mobile numbers look like 98765 43210 — write a regex that accepts the space.',
  'Unit 4, Riverside Business Park, Whitefield, Bengaluru 560066 is our new warehouse — draft the notice for suppliers.',
  'Explain Singapore handphone numbers: why do they start with 8 or 9?',
  "What's the PIN for the Zoom meeting? it's in the invite, I think.",
  'SUMMARY:Team offsite\nLOCATION:Lakeside Lodge, gate 3 past the boathouse on Route 9\nwrite a packing list',
  '[10:02] Bot: Your appointment at the hospital is confirmed for Tuesday.\nWhy does our bot sound so robotic?',
  '患者姓名：______ 出生日期：____年__月__日 诊断：______ 这是空白病历模板，帮我排版。',
  '张伟是中国最常见的名字之一，1990 年出生的人里叫张伟的有多少？',
];

describe('privacy gate: the shapes the fifth blind set found', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
  itKeepsLocalAndSends({ 'the later probes in the same shapes': KEPT_LOCAL_LATER }, { "the later probes' near-misses": SENT_LATER });
});
