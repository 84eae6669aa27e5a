// HR and pay shapes the sentence and record rules miss (read by findRecordsAndShapes in privacy-records.ts):
// - a tax return or a tax app's summary under a person's name: a US 1040, an Indian ITR, a UK self assessment,
//   个人所得税APP 年度汇算 with 纳税人, Taiwan's 綜合所得稅 with 納稅義務人. A tax form's name and a wage line with
//   an amount are both needed: "how do brackets work" and a blank 1040 have neither a person nor an amount.
// - a reference, experience or relieving letter that states a named person's final salary with its amount ("final
//   salary pension" is a kind of pension, and a template's [Last drawn salary] has no amount).
// - a rating or bonus decision typed in lower case, as voice memos and phone notes are ("ravi gets a three … no
//   bonus"): the person is the subject of "gets a two", and the text must speak of bonuses, PIPs or calibration.
// - a named person fired, in Cantonese (炒咗張偉明, 何志偉俾人炒), and wages transferred to a named person (转账给 马春燕
//   ¥6,800 备注「2月工资」).
// Every pattern is bounded and sits behind a cheap test of the text.
import { bip39Words } from './privacy-bip39.js';
import { firstMatches } from './privacy-match.js';
import { findNames, SURNAME_ANY } from './privacy-person-names.js';
import { LIMIT, type RecordFound } from './privacy-records-common.js';
import { PERSON_LABELS } from './privacy-labels.js';

// ---------------------------------------------------------------- tax returns

// The forms, in lower case (the text is read lower-cased), and the Chinese tax apps' and returns' words.
const TAX_FORM_EN =
  /\b(?:form )?1040(?:-sr|-nr)?\b|\bitr-?[1-7]\b|\bsa ?100\b|\bself[- ]assessment\b|\bt1 general\b|\bsteuererkl[äa]rung\b|\bd[ée]claration de revenus\b/;
const TAX_FORM_ZH = /年度[汇匯]算|[综綜]所[税稅]|[个個]税[汇匯]算|[汇匯]算清[缴繳]|[综綜]合所得|[个個]人所得[税稅]|[纳納][税稅](?:[义義][务務])?人/;
// A wage or salary line with its amount (digits with a thousands mark or four or more; "Form 16" on the way is passed over).
const WAGE_LINE_EN =
  /\b(?:wages|salary|salaries|employment income|taxable income|total income|gross income|agi|pensions?(?: and annuities)?|social security benefits|ira distributions|business income)\b[^\n]{0,40}?(?<![\d,.])(\d{1,3}(?:[,.]\d{2,3})+|\d{4,})/g;
const WAGE_LINE_ZH =
  /(?:工[资資]薪金|薪[资資]所得|薪[资資]收入|工[资資]收入|年收入|所得[额額]|已[缴繳][税稅][额額]|已[预預][缴繳])[^\d\n]{0,12}?(\d{1,3}(?:[,.]\d{2,3})+|\d{4,})/g;
// The person of a Chinese return: 纳税人：孙悦, 納稅義務人 陳俊宏, 纳税人黄志远.
const TAXPAYER_ZH = new RegExp(`(?:[纳納][税稅](?:[义義][务務])?人|姓\\s?名)\\s?[：:]?\\s?${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}`);
const TAX_REACH = 400;

/** The wage amounts of a tax return or a tax app's summary that names its person. */
function findTaxReturns(text: string, lower: string, han: boolean, found: RecordFound): void {
  const english = TAX_FORM_EN.test(lower);
  const chinese = han && TAX_FORM_ZH.test(text);
  if (!english && !chinese) return;
  const amounts: { start: number; end: number }[] = [];
  const collect = (m: RegExpExecArray): void => {
    const end = m.index + m[0].length;
    amounts.push({ start: end - m[1]!.length, end });
  };
  if (english) firstMatches(WAGE_LINE_EN, lower, LIMIT, collect);
  if (chinese) firstMatches(WAGE_LINE_ZH, text, LIMIT, collect);
  if (amounts.length === 0) return;
  const person = (chinese && TAXPAYER_ZH.test(text)) || (english && findNames(text.slice(0, amounts[0]!.start + TAX_REACH)).some((n) => n.relative !== true));
  if (!person) return;
  for (const a of amounts) found('employment', PERSON_LABELS.employment, a.start, a.end);
}

// ---------------------------------------------------------------- a letter's final salary

// "final salary KES 380,000", "last drawn salary: ₹1,12,000", "closing base pay $88,500": the amount must follow.
const FINAL_SALARY =
  /\b(?:final|last[- ]drawn|last|closing|leaving) (?:monthly |annual |gross |basic |base )?(?:salary|pay|ctc|package|compensation)\b(?!\s*(?:pension|scheme|plan))[^\d\n.]{0,16}?(?:[A-Za-z]{3} ?|[£$€¥₹] ?)?\d[\d,.]{2,12}/g;
const FINAL_SALARY_HINT = /(?:final|last|closing|leaving)[- ](?:drawn |monthly |annual |gross |basic |base )?(?:salary|pay|ctc|package|compensation)/;
const LETTER_REACH = 600;

/** A named person's final salary, with its amount, in the text that names them. */
function findFinalSalary(text: string, lower: string, found: RecordFound): void {
  if (!FINAL_SALARY_HINT.test(lower)) return;
  firstMatches(FINAL_SALARY, lower, LIMIT, (m) => {
    const from = Math.max(0, m.index - LETTER_REACH);
    if (findNames(text.slice(from, m.index)).some((n) => n.relative !== true)) found('employment', PERSON_LABELS.employment, m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- a rating decision in lower case

// "ravi gets a three", "marek got a 2", "lucia should get a one": a word as the subject, then a rating with its article
// ("she had received two A's" is grades). Not after "my", "the" (my grandson, the intern: no one named), nor before a
// unit ("a two-day induction", "a three star rating").
const RATING_DECISION =
  /\b(?<!\b(?:my|our|his|her|their|your|the|a|an|this|that|each|every|any|no) )([a-z][a-z'-]{2,15}) (?:gets|got|get|is getting|should get|will get|deserves|receives|received|lands|ends up with) (?:an? |a rating of )(?:one|two|three|four|five|[1-5](?:\.\d)?|meets|exceeds|below|partially meets|needs improvement)\b(?![-%]| (?:stars?|days?|weeks?|months?|years?|hours?|minutes?|points?|percent|per cent|times|pages?|courses?|bedrooms?)\b)/g;
// The decision is HR's only beside its other words: a bonus, a PIP, calibration, a review round.
const HR_CONTEXT = /\b(?:bonus|pip|calibration|review (?:round|cycle)|performance review|increment|merit|promotion|appraisal)\b/;
// Subjects that are no one in particular.
const NOT_A_SUBJECT = new Set(
  (
    'she he they who everyone everybody nobody someone somebody anyone anybody each whoever one team employee employees staff person people ' +
    'candidate manager worker user player student that this which what it and but also only just still then rest else had has have was were ' +
    'would could did does not never him her them the his their your my our'
  ).split(' '),
);

// The same decision said another way: "put dmitri on a pip", "no bonus for shreya", "raj's rating is a 2".
const HR_DECISION =
  /\b(?:put|putting|place|placing) ([a-z][a-z'-]{2,15}) on (?:a |an |the )?(?:pip|performance improvement plan|final warning)\b|\bno (?:bonus|raise|increment) for ([a-z][a-z'-]{2,15})\b|\b([a-z][a-z-]{2,15})['’]s (?:rating|score) (?:is|was|will be) (?:an? )?(?:one|two|three|four|five|[1-5])\b/g;

/** A rating with a bonus or PIP decision about someone named in lower case, in a note or a voice memo. */
function findRatingNotes(lower: string, found: RecordFound): void {
  if (!HR_CONTEXT.test(lower)) return;
  const common = bip39Words();
  for (const re of [RATING_DECISION, HR_DECISION]) {
    firstMatches(re, lower, LIMIT, (m) => {
      const subject = m[1] ?? m[2] ?? m[3]!;
      if (NOT_A_SUBJECT.has(subject) || common.has(subject)) return;
      found('employment', PERSON_LABELS.employment, m.index, m.index + m[0].length);
    });
  }
}

// ---------------------------------------------------------------- Cantonese: someone fired

// The verb and its person: 炒咗張偉明, 開除咗陳大文; or the person and the passive: 何志偉俾人炒.
const FIRED_ZH = new RegExp(
  `(?:炒咗|炒左|開除咗|解僱咗|辭退咗)\\s?(?:阿[\\u4e00-\\u9fff][（(])?${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}|${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}(?:俾人|畀人|被公司|俾公司|畀公司)炒`,
  'g',
);

/** A named person fired, in Cantonese. */
function findFiredZh(text: string, found: RecordFound): void {
  if (!text.includes('炒') && !text.includes('開除') && !text.includes('解僱') && !text.includes('辭退')) return;
  firstMatches(FIRED_ZH, text, LIMIT, (m) => found('employment', PERSON_LABELS.employment, m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------- a Chinese layoff or bonus list

// A list whose lines open with a person's name and a space, under a layoff's or a bonus round's words: 第一批优化名单
// … 张伟 测试组 司龄6年 N+1 约 11.2万.
const HR_LIST_ZH = /优化名单|裁员名单|裁员|N\+1|司龄|补偿金|经济补偿|年终奖分配|绩效名单|劝退名单/;
const LIST_NAME_LINE = new RegExp(`(?<=^|\\n)[ \\t]*${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}(?=[ \\t])`, 'g');

/** Two or more lines opened by a name, in a layoff or bonus list. */
function findHrListZh(text: string, found: RecordFound): void {
  if (!HR_LIST_ZH.test(text)) return;
  const names: [number, number][] = [];
  firstMatches(LIST_NAME_LINE, text, LIMIT, (m) => names.push([m.index, m.index + m[0].length]));
  if (names.length >= 2) for (const [start, end] of names) found('employment', PERSON_LABELS.employment, start, end);
}

// ---------------------------------------------------------------- wages paid to a named person

// A transfer to a named person whose note says it is pay: 3月5日 转账给 马春燕 ¥6,800 备注「2月工资」.
const WAGE_TRANSFER_ZH = new RegExp(
  `(?:转账给|轉賬給|转给|轉給|发给|發給|付给|付給)\\s?${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}[^\\n]{0,24}?\\d[\\d,.]*[^\\n]{0,24}?(?:工资|工資|薪水|奖金|獎金|全勤奖|加班费|加班費|提成|年终奖|年終獎|底薪)`,
  'g',
);

/** A payment of wages to a named person, in Chinese. */
function findWageTransfersZh(text: string, found: RecordFound): void {
  if (!text.includes('给') && !text.includes('給')) return;
  firstMatches(WAGE_TRANSFER_ZH, text, LIMIT, (m) => found('employment', PERSON_LABELS.employment, m.index, m.index + m[0].length));
}

/** Tax returns under a name, a letter's final salary, lower-case rating decisions, Cantonese firings, Chinese layoff lists and wage transfers. `lower` is the text lower-cased. */
export function findMoreHr(text: string, lower: string, han: boolean, found: RecordFound): void {
  findTaxReturns(text, lower, han, found);
  findFinalSalary(text, lower, found);
  findRatingNotes(lower, found);
  if (han) {
    findFiredZh(text, found);
    findHrListZh(text, found);
    findWageTransfersZh(text, found);
  }
}
