// A message addressed to a person about their own pay, HR record or health: "Tunde, your bonus this year is
// zero", "Hi Priya, you are being placed on a PIP", "赵磊同志，因你…与你解除劳动合同", "亲爱的王芳：你本月绩效…".
// The vocative names the person (a name and a comma opening the message, a line, a salutation or what follows
// an instruction's colon) and "your"/"you"/你/您 ties the detail to them, however far into the message it is.
// Generic salutations (Dear Employee, Hi team) and templates ([Employee Name]) name nobody.

export type AddressedFound = (kind: 'employment' | 'health', start: number, end: number) => void;

const VOCATIVE_EN =
  /(?:\b(Hi|Hello|Hey|Dear|Morning|Afternoon|Evening)|^|[:\n])[ \t]{0,3}['"“‘]?(?:(?:Mr|Mrs|Ms|Dr)\.? )?([A-Z][a-z]{1,20})(?: ([A-Z][a-z'-]{1,20}))?[ \t]*,/g;
const NOT_VOCATIVE = new Set(
  (
    'Team All Everyone Everybody Folks Guys Sir Sirs Madam Colleagues Friends Employee Employees Candidate Candidates Customer Customers Manager Managers Applicant Student ' +
    'Students Parents Members Staff There Yes No Thanks Please Note Also Then However Sorry Well Ok Okay So Now First Second Third Finally Again Hiring Recruiter Reader ' +
    'Dear Hi Hello Hey Morning Afternoon Evening Good ' +
    'Subject Re Fw Summary Answer Question Example Output Input Text Email Message Draft Reply Translation Result Context Background Update Reminder Agenda Date Time From To'
  ).split(' '),
);
// Case-sensitive (the "i" flag makes it several times slower): "Your" may open a sentence, PIP is written in capitals.
const YOUR_DETAIL_EN =
  /\b[Yy]our (?:\w+ ){0,2}?(?:bonus|salary|pay (?:cut|rise|raise)|raise|rating|appraisal|annual review|performance (?:review|rating|improvement plan)|pip|PIP|employment|probation(?:ary period)?|sick (?:leave|days|record)|absences|attendance record|(?:final |formal |written )?warning|dismissal|termination|redundancy|severance|promotion|increment)\b|\b[Yy]ou(?: are|['’]re| were| have been|['’]ve been| will be| would be| may be)? (?:being |now )?(?:dismissed|terminated|suspended|fired|sacked|let go|laid off|made redundant|placed on (?:a )?(?:pip|PIP|performance improvement plan|probation)|given (?:a |your )?(?:final |formal |written )?warning)\b|\b(?:moving|putting|placing|move|put|place) you on(?:to)? (?:a )?(?:pip|PIP|performance improvement plan|probation)\b|\b[Yy]our (?:\w+ ){0,2}?(?:diagnosis|biopsy|scan results|test results|blood (?:test|results|sugar|pressure)|prescription|medication|treatment|chemo|surgery|operation)\b/g;
const HEALTH_WORD = /diagnosis|biopsy|scan|test results|blood|prescription|medication|treatment|chemo|surgery|operation/i;

const SURNAMES_ZH =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳';
const VOCATIVE_ZH = new RegExp(
  `(?:^|[：:\\n])\\s{0,2}(?:亲爱的|尊敬的)?[小老]?[${SURNAMES_ZH}][\\u4e00-\\u9fff]{1,2}?(?:同志|同学|先生|女士|老师|经理|总|主任|师傅)?[，,：:]`,
  'g',
);
const YOUR_DETAIL_ZH =
  /[你您][^\n]{0,40}?(?:绩效|考核|年终奖|奖金|调薪|降薪|加薪|工资|薪资|警告|处分|记过|辞退|开除|解雇|解除劳动合同|劳动合同|病假|旷工|试用期|转正|降职|诊断|确诊|病情|住院|体检|血压|血糖|化验)/g;
const ZH_HEALTH = /诊断|确诊|病情|住院|体检|血压|血糖|化验/;

// How far into the message a vocative reaches: a long letter is still to the same person, a new paragraph after a blank line may not be.
const REACH = 600;

/** Details of pay, HR matters or health said to the person a message is addressed to. */
export function findAddressed(text: string, found: AddressedFound): void {
  // The second-person detail first: it is rare, a vocative's comma is not.
  if (text.includes('your') || text.includes('Your') || text.includes('you ') || text.includes('You ')) {
    scan(text, YOUR_DETAIL_EN, VOCATIVE_EN, (m) => !NOT_VOCATIVE.has(m[2]!) && !NOT_VOCATIVE.has(m[3] ?? ''), HEALTH_WORD, found);
  }
  if (text.includes('你') || text.includes('您')) scan(text, YOUR_DETAIL_ZH, VOCATIVE_ZH, () => true, ZH_HEALTH, found);
}

/** Each detail with a vocative before it, at most REACH back (a bare vocative's reach ends at a blank line). */
function scan(text: string, detail: RegExp, vocative: RegExp, accept: (m: RegExpExecArray) => boolean, health: RegExp, found: AddressedFound): void {
  detail.lastIndex = 0;
  for (let m = detail.exec(text); m !== null; m = detail.exec(text)) {
    const from = Math.max(0, m.index - REACH);
    const before = text.slice(from, m.index);
    vocative.lastIndex = 0;
    let addressed = false;
    for (let v = vocative.exec(before); v !== null && !addressed; v = vocative.exec(before)) {
      // A letter's salutation (Dear Marcus,) covers the whole letter; a bare vocative its paragraph.
      // A window that starts mid-text has no true "^": a vocative there must follow a colon or a line break.
      if (v.index === 0 && from > 0 && v[1] === undefined && !/[:\n：]/.test(v[0][0]!)) continue;
      addressed = accept(v) && (v[1] !== undefined || !before.includes('\n\n', v.index));
      // A line break read as the vocative's start ("\nDear,") hides the salutation right after it: look again from there.
      if (!addressed) vocative.lastIndex = v.index + 1;
    }
    if (addressed) found(health.test(m[0]) ? 'health' : 'employment', m.index, m.index + m[0].length);
  }
}
