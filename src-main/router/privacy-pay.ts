// The lines of a pay document, in the main countries' forms: a pay item's label and an amount beside it, with a
// colon, a gap or nothing between them. UK payslip, P60, P45, P11D; US pay stub, W-2, 1099, 1040 (box numbers
// first); IN salary slip and Form 16; CN 工资条, 个税APP, 社保缴费记录, 收入证明; DE Lohnabrechnung; FR fiche de
// paie; ES nómina; AU payslip and PAYG summary; CA T4. The record reading (privacy-records.ts) keeps a text
// local when two such lines sit near a person's field whose value is a name: a blank template, a job ad's
// salary band or a note on how a box works has no named person; a public figure's salary has no field.
import { factored } from './privacy-factor.js';
import { firstMatches } from './privacy-match.js';
import { LIMIT } from './privacy-records-common.js';

// A pay item's label (an optional box number in front: "1 Wages, tips, other comp", "12a D"), then up to a
// few words of the label's tail or a currency, then the amount.
const PAY_ITEM = factored(
  /(?<![A-Za-z])(?:gross (?:pay|salary|earnings|wages)|net (?:pay|salary|earnings|wages)|basic (?:pay|salary)|base (?:pay|salary)|take[- ]home(?: pay)?|total (?:earnings|pay|gross|deductions|income|tax)|adjusted gross income|taxable income|total amount from forms?(?:\(s\))? w-2|salary (?:credit|payment)|sal cr|car benefit|cash equivalent|benefits? in kind|deductions|income tax(?: withheld| deducted)?|tax deducted|paye|national insurance|employee'?s? nic|pension(?: contribution)?|student loan|overtime|pay in (?:this|previous) employment|taxable pay|wages,? tips,?(?: and)? other comp(?:ensation)?|federal income tax withheld|social security (?:wages|tax withheld)|medicare (?:wages and tips|wages|tax withheld)|state (?:wages|income tax)|nonemployee compensation|payg (?:withholding|tax withheld)|superannuation|employment income|cpp contributions|ei (?:premiums|insurable earnings)|house rent allowance|hra|dearness allowance|special allowance|provident fund|professional tax|tds|gesamtbrutto|bruttolohn|bruttogehalt|nettolohn|nettogehalt|auszahlungsbetrag|lohnsteuer|solidaritätszuschlag|kirchensteuer|rentenversicherung|krankenversicherung|arbeitslosenversicherung|salaire (?:de base|brut)|net à payer|net payé|net imposable|cotisations salariales|salario base|total devengado|líquido a percibir|total a deducir|irpf|基本工资|岗位工资|绩效工资|绩效奖金|应发工资|实发工资|应发合计|实发合计|扣款合计|个人所得税|养老保险|医疗保险|失业保险|住房公积金|工资薪金所得|收入合计|已申报税额|应纳税额|已缴税额|税前工资|税后工资|缴费基数|个人缴费|单位缴费|加班费|月收入|年收入|税前收入|有关入息|月入息|入息|雇主强制性供款|雇员强制性供款|雇员自愿性供款)(?![A-Za-z])[^\d\n]{0,24}?(-?[£$€¥₹]? ?\d[\d,.' ]{0,14}\d(?: ?(?:元|万|k\b))?)/gi,
);

// A pay amount: grouped thousands, pence or cents, three digits or more, or a 元/万/k amount; not "12h" or "Period 8".
function moneyAmount(written: string): boolean {
  const v = written.trim();
  return /\d[,.' ]\d{3}|[.,]\d{2}$|\d{3}|元|万|k$/.test(v);
}

// A Chinese income certificate (收入证明): 兹证明 王磊 同志系我单位员工 … 月收入 18,000 元.
const ZH_INCOME_CERTIFICATE =
  /兹证明\s?[\u4e00-\u9fff]{2,4}\s?(?:同志|先生|女士)?[^。\n]{0,60}?(?:月收入|年收入|月薪|年薪|工资|税前收入|收入)[^\d\n。]{0,10}(\d[\d,.]{2,12}\s?(?:元|万元|万))/g;

export interface PayLine {
  start: number;
  end: number;
}

/** The pay items of the text with an amount beside them: their amounts' spans, at most one per line position. */
export function payLines(text: string): PayLine[] {
  const out: PayLine[] = [];
  firstMatches(PAY_ITEM, text, LIMIT, (m) => {
    const amount = m[1]!.trimStart();
    if (!moneyAmount(amount)) return;
    const end = m.index + m[0].length;
    out.push({ start: end - amount.length, end });
  });
  return out;
}

/** The income a Chinese income certificate states for the person it names (兹证明 … 月收入 18,000 元): its amounts' spans. */
export function certifiedIncome(text: string): PayLine[] {
  const out: PayLine[] = [];
  if (!text.includes('兹证明')) return out;
  firstMatches(ZH_INCOME_CERTIFICATE, text, LIMIT, (m) => {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end });
  });
  return out;
}

// The words that say a text holds a pay document or its lines, for the record reading's one word scan.
export const PAY_STEMS: readonly string[] = [
  'payslip*',
  'pay slip',
  'paystub',
  'pay stub',
  'p60',
  'p45',
  'p11d',
  'w-2',
  'w2',
  'form 16',
  't4',
  'gross',
  'net pay',
  'wages',
  'income tax',
  'national insurance',
  'payroll',
  'deductions',
  'withheld',
  'lohnabrechnung',
  'brutto*',
  'netto*',
  'lohnsteuer',
  'salaire',
  'fiche de paie',
  'irpf',
  'payg',
  'superannuation',
  'take-home',
  'take home',
  'salary slip',
  'salary',
  'ctc',
];
