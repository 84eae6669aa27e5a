// Invented prompts for the HR and date-of-birth rule families (test/unit/router-privacy-hr-birth.test.ts):
// each family's sensitive shapes beside the near-misses that must stay clean. None is copied from a holdout.

export const HR_KEPT: Record<string, readonly string[]> = {
  'a tax return under a person’s name': [
    'Form 1040 (2024) draft\nName: Marcus & Delia Okonjo\nWages (line 1a): 78,240\nDelia W-2 wages 33,900 from Riverbend Clinic\nTaxable interest: 145\ncan you check line 11?',
    '1040 worksheet for Henrik Dahl\nLine 1a wages 102,550\nLine 2b taxable interest 390\nLine 9 total income 104,020\nwhy is line 15 lower than I expected?',
    'ITR-2 (AY 2025-26) for Meera Iyengar\nSalary as per Form 16: ₹14,20,000\nEmployer: Brightlane Analytics LLP\nTDS: ₹1,62,300\nshould she pick the new regime?',
    'Self assessment SA100 for Owen Pritchard: employment income £48,310, tax paid £7,902. Am I missing the student loan box?',
    '个人所得税APP 年度汇算\n纳税人：刘晨曦\n工资薪金收入：194,800.00\n已缴税额：9,460.00\n应退税额：820.00\n怎么退税？',
    '1040-SR for my dad Harold Brennan: pensions and annuities 28,400, social security benefits 19,200. Is any of it taxable?',
    '綜所稅試算\n納稅人：林怡君\n薪資收入 842,000\n可以用哪個扣除額？',
    '2025年度个税汇算，纳税人黄志远，全年工资薪金所得 312,000 元，已预缴 24,100 元，还要补多少？',
    '綜合所得稅申報\n納稅義務人：陳俊宏\n薪資所得：1,086,000\n應退稅額：12,400\n幫我看看有沒有填錯',
  ],
  'a letter stating a named person’s final salary': [
    'Draft an experience letter for Tomasz Wiśniewski. He worked in our logistics team from 2019 to 2025. Last drawn salary PLN 14,800 per month.',
    'Need a relieving letter for Anjali Deshpande; notes: joined 2021, left in August, final salary ₹1,12,000 a month, notice period served in full.',
  ],
  'a rating, bonus or PIP decision in a note': [
    'voice note: for the review round ravi gets a three, solid quarter, full bonus',
    'calibration notes (typed on my phone) lucia gets a one this cycle, no bonus and hr wants a pip started next month',
    'memo to self: marek got a 2 again so no bonus and we put him on a PIP in january',
    'note for hr sync: we should put dmitri on a pip after the audit findings',
    'dictated: no bonus for shreya this cycle, her rating is below expectations',
  ],
  'Cantonese and Traditional HR': [
    '陳文耀上個禮拜請咗三日病假，老闆話要扣佢全勤獎 600 蚊，幫我寫封信問人事部。',
    '黃紫晴今年冇花紅，人工介係 18,500，佢想辭職，幫佢寫封辭職信。',
    '公司對劉嘉怡發咗警告信，話佢遲到太多，幫我翻譯成英文。',
    '何志偉俾老闆炒咗魷魚，最後一個月人工都未出，點樣追？',
    '梁浩然上個月俾人炒，公司話唔使補償金，合法咩？',
    '人事部話陳文耀要扣人工，因為佢請咗病假。',
    '老闆話要炒咗張偉明，佢做咗三年，有冇遣散費？',
  ],
};

export const HR_SENT: Record<string, readonly string[]> = {
  'tax and HR questions with no one’s record': [
    'How do US federal tax brackets work? If I earn 95,000 do I pay 22% on all of it?',
    'On a blank Form 1040, what goes on line 1a and where do W-2 wages go?',
    'What is a PIP at work and how long does one usually last?',
    'The average salary for a data analyst in Leeds is about £34,000 according to the ONS.',
    "Apple's proxy statement says Tim Cook's 2024 pay was about $74 million. How is that split between salary and stock?",
    '个人所得税年度汇算是怎么算的？工资薪金所得和劳务报酬有什么区别？',
    '綜合所得稅的稅率級距是怎樣的？薪資所得可以扣除多少？',
    '香港請病假係咪一定要侾醫生紙？公司可唔可以扣全勤獎？',
    'How is a final salary pension calculated in the UK public sector?',
    'Write a template experience letter with placeholders for [Employee Name] and [Last drawn salary].',
    'if an employee gets a two on the rating scale, do they lose their bonus?',
    'Can a manager put someone on a PIP while they are on leave? Is no bonus for the year allowed?',
    '炒咗個飯俾佢食，佢話好食過餐廳，幫我寫返個食譜。',
    '老闆話要炒咗佢，咁樣合唔合法？',
    'the intern gets a two-day induction and a welcome bonus, write the onboarding email',
    'my grandson gets a three star rating from his coach, bonus points!',
    '个税年度汇算示例：纳税人：张三，工资薪金收入：120,000.00，这个怎么填？',
  ],
};

export const BIRTH_KEPT: Record<string, readonly string[]> = {
  'a table row with a name and a birth date': [
    '<tr><td>Lucas Ferreira Lima</td><td>2012-03-17</td><td>Grade 8</td></tr>\n<tr><td>Bianca Ferreira Lima</td><td>2015-11-02</td><td>Grade 5</td></tr>\nour enrolment form renders these rows wrong, why?',
    '| Rowan Castellanos | 14/06/2010 | Year 9 |\n| Ines Castellanos | 02/02/2013 | Year 6 |\nclean up this student list markdown',
    'Freya Lindgren,1988-07-30,Gold\nOscar Lindgren,1991-02-14,Silver\nwhy does the club import fail on this members file?',
  ],
  'a lower-case dob after a lower-case name': [
    'confirming the booking: guest tomas novak, dob 21 feb 1989, arriving friday. make this sound professional',
    'applicant noor haddad d.o.b. 03/11/1994, currently at kpmg dubai - pls rewrite as a formal line',
    'hi, this is oskar lindqvist, dob 04 jun 1993, pls make my cover note sound formal',
    'patient maria lopez date of birth 12.03.1988, referred by gp - turn this into a formal referral line',
  ],
  'a passenger list': [
    'PNR QX7T2L: KOWALSKA/ANNA MRS DOB 1987-03-22, seat 14C. Is the name order right for the airline?',
    'Manifest: passenger 2 ELENA PETROVA DOB 1985-09-14, passenger 3 IVAN PETROV DOB 1983-01-27. Any field missing for the airline?',
  ],
  'born on a date after a name': ["Tidy up this bio for the reunion booklet: 'Margit Olsen, born 12 September 1961 in Aarhus, retired teacher and keen sailor.'"],
  'Chinese, Cantonese and pinyin': [
    '请翻译：本人张雨桐，2001年9月12日出生在山东烟台，目前在南京工作。',
    '我叫黃詠琳，2003年2月8號出世，幫我用英文寫個自我介紹。',
    '寿宴名单\n主桌：爷爷 吴永福（1941年生，生日是3月28号）\n帮我排一下座位',
    '我叫陳大文，1988年5月3日生於香港，而家喺倫敦做會計。幫我改好啲。',
    '| 王小明 | 2012-05-06 | 三年级 |\n| 李思雨 | 2013-09-21 | 二年级 |\n学生名单表格对不齐，怎么改？',
    'Wo laopo Chen Jing de shengri shi 1991 nian 10 yue 3 hao, bang wo xiang ge liwu',
    '黃太個仔黃子軒 2010年3月8號出世，幫我寫張生日卡。',
    '我阿爸陳國強係1962年出世嘅，佢生日係5月20號，幫我諗下點慶祝。',
    'Wo erzi Zhou Haoran shi 2016 nian 7 yue 21 hao chusheng de, xiang gei ta ban ge shengri hui',
    'Ta jiao Xu Mingyue, chusheng yu 1995 nian 4 yue 2 ri, qing bang wo fanyi cheng yingwen',
  ],
};

export const BIRTH_SENT: Record<string, readonly string[]> = {
  'birthdays and dates that are no one’s private birth date': [
    'Ada Lovelace was born on 10 December 1815 in London. Why is she called the first programmer?',
    "What's the format of the DOB field on a UK passport?",
    'please confirm the date, dob 01/01/1990 is the default value in our signup form',
    'Template: Name: ____  DOB: DD/MM/YYYY  Passenger no.: __ — make the spacing even',
    '<tr><td>Quarterly review</td><td>2025-03-31</td><td>Room 4</td></tr>\n<tr><td>Budget sign-off</td><td>2025-04-14</td><td>Room 2</td></tr>\nwhy is this table misaligned?',
    'name,joined\nPriya Raman,2019-05-06\nTom Ashby,2021-10-11\nsort this members file by join date',
    'Kenji Watanabe will present the roadmap on 2025-06-12 in Osaka. Write a reminder email.',
    '出生日期一般怎么写？比如 YYYY年MM月DD日 还是 YYYY-MM-DD？',
    'shengri paidui you shenme hao wanr de zhuyi ma? xiaohai liu sui',
  ],
};

export const TOY_CODE_SENT: readonly string[] = [
  'Why does my constructor ignore the default? Employee(name="Alice", salary=50000) prints salary 0.',
  'In Java, new Person("Bob", 1990) fails to compile because the constructor takes a LocalDate. How do I fix the class?',
  'Why does my dataclass print wrong? Patient(name="Alice Smith", diagnosis="diabetes", dob="1985-02-03")',
  'In C#, new Employee("Bob Jones", salary: 72000) throws in the constructor, why?',
  'const p = new Person({ name: "Dana Cruz", birthDate: "1992-07-14" }); // class Person has a getter for age, how?',
  'class Student { constructor(name, dob) {} }\nconst s = new Student("Carol Smith", "2001-04-05");\nhow do I add a getter for age?',
];

export const REAL_RECORD_KEPT: readonly string[] = [
  'payroll export (prod):\nEmployee(name="Hannelore Brandt", salary=87400, iban_last4=2231)\nEmployee(name="Yusuf Demir", salary=61900, iban_last4=9910)\nwhy are the salaries rounded?',
];
