// The writer's own pay and sick leave, said in the first person (read by privacy.ts's detectors):
// - pay with its amount: "my bonus this year will be €2,400", "mi bonus … será de 2.400 €", "min lön är 33 080 kr",
//   "I earn $84,000", "I'm a consultant … on $92,000 base". Without an amount it stays a topic ("my salary went up 5%,
//   is that above inflation?"), as does anyone's pay in general ("a salary of £40k is typical").
//   Also a pay document of theirs ("first paycheck at the new hospital: $2,911.46"), their pay in Chinese (我月薪1.8万),
//   and their own rating ("my boss rated me 'below expectations'").
// - sick leave and illness in the main European languages, in a sentence of the first person: "der Hausarzt hat mich
//   … krankgeschrieben", "je suis en arrêt maladie", "estoy de baja". English has its own rule (privacy-health.ts).
// - a health finding in the export of the writer's own wearable or meter ("Export from my Fitbit app … signs of atrial
//   fibrillation detected"): the lines under it are theirs, though no sentence says "I".
// All sit behind a cheap test of the text.
import { firstMatches } from './privacy-match.js';
import { HEALTH_DETAIL_EN, HEALTH_DETAIL_EU, looksEuropean } from './privacy-person-details.js';

type Found = (start: number, end: number) => void;

const LIMIT = 16;

// ---------------------------------------------------------------- own pay

// A sum of money: a currency sign before, a currency or "k" after.
const MONEY = String.raw`(?:[£$€¥₹] ?\d[\d,.' ]{0,12}\d(?: ?[kK](?![\p{L}]))?|[£$€] ?\d ?[kK]|\d[\d,.' ]{0,12}\d ?(?:€|EUR|USD|GBP|CHF|kr|SEK|NOK|DKK|zł|PLN|Kč|CZK|euros?|dollars|pounds|[kK])(?![\p{L}]))`;
// The writer's possessive, then a word or two ("current base", "de este año" comes after), then the pay word.
const OWN_PAY = new RegExp(
  String.raw`(?<![\p{L}])(?:my|mi|mon|ma|mein(?:e|en)?|mijn|min|mitt|il mio|la mia|o meu|a minha|mój|moja|moje)\s(?:[\p{L}'’-]+\s){0,2}?` +
    String.raw`(?:salary|bonus|pay ?rise|raise|base pay|payslip|pay ?slip|pay ?stub|paycheck|paie|bulletin de salaire|Gehaltsabrechnung|Lohnabrechnung|loonstrook|busta paga|l[öo]nebesked|l[öo]nespecifikation|base salary|wage|hourly rate|day rate|compensation|take-home(?: pay)?|sueldo|salario|aumento|n[óo]mina|salaire|augmentation|prime|Gehalt|Lohn|Gehaltserh[öo]hung|salaris|loon|bruto ?loon|netto ?loon|Brutto(?:lohn|gehalt)|Netto(?:lohn|gehalt)|loonsverhoging|l[öo]n|l[öo]neh[öo]jning|l[öo]ne[öo]kning|stipendio|sal[áa]rio|pensja|wynagrodzenie|podwy[żz]ka|premia)(?![\p{L}])` +
    String.raw`[^.\n?!]{0,48}?${MONEY}`,
  'giu',
);
// …or the writer earns it: "I earn $84,000", "I make about 120k", "I'm paid £19 an hour", "ich verdiene 4.800 € brutto".
const I_EARN = new RegExp(
  String.raw`(?<![\p{L}])(?:I(?:['’]m| am)? (?:earn|make|get paid|am paid|paid|take home)|ich verdiene|je gagne|gano|guadagno|ik verdien|jag tjänar|zarabiam)\s(?:now |currently |nu |jetzt |aktuell |momentan |derzeit |zurzeit |actuellement |ahora |actualmente |ora |attualmente |teraz |obecnie |agora |momenteel )?(?:about |around |roughly |only |just |ungefähr |environ |unos |circa |ongeveer |cirka |około )?${MONEY}` +
    // …or is on it: "I'm a senior consultant at Deloitte on $92,000 base".
    String.raw`|(?<![\p{L}])I(?:['’]m| am) [^.\n?!]{0,80}?\bon (?:about |around |roughly )?${MONEY}(?: ?(?:RMB|CNY|yuan|HKD|USD|EUR|GBP))?(?= ?(?:base|salary|a (?:year|month)|per (?:year|month|annum)|monthly|p\.a\.|an hour|per hour|plus|\+|OTE|gross|before tax|with|as an? |now\b|currently|at the moment|,? been (?:here|there|in)))` +
    // …or on a named salary: "I'm on a basic salary of £48,250".
    String.raw`|(?<![\p{L}])I(?:['’]m| am) on an? (?:basic |base |gross |starting |current )?(?:salary|wage|package) of ${MONEY}`,
  // Case-blind for the other languages' sentence starts ("Jag tjänar"), so the first person's "I" is matched at a word start only.
  'giu',
);
// In Chinese the writer's pay follows 我 directly ("我月薪1.8万", "我的工资是每月12000元", "我现在税前年薪40万"), or comes in
// the same sentence as the writer's own layoff or resignation ("我被公司裁员了，在职4年，离职前平均月薪2.3万"). "月薪2.3万的人"
// and "我想知道月薪2.3万交多少税" ask about a sum, not the writer's own.
// 人工 is pay in Cantonese (我人工由 $22,000 減到 $18,000), not 人工智能.
const PAY_ZH = String.raw`(?:税前|稅前|税后|稅後)?(?:月薪|年薪|工资|工資|底薪|薪水|薪资|薪資|到手|年终奖|年終獎|人工(?!智能|智慧|成本|费|費|湖))`;
const AMOUNT_ZH = String.raw`[^，。！？,!?\n\d]{0,8}?\d[\d,.]*\s?(?:万|萬|千|k|K|元|块|蚊)?`;
const OWN_PAY_ZH = new RegExp(
  String.raw`我(?:的|份|现在的?|現在的?|目前的?|今年的?|去年的?|每个月的?|每個月的?|\s?\d{4}\s?年度?的?)?${PAY_ZH}${AMOUNT_ZH}` +
    String.raw`|我[^。！？!?\n]{0,6}?(?:被(?:公司)?(?:裁员|裁員|辞退|辭退|开除|開除|解雇|解僱)|离职|離職)[^。！？!?\n]{0,40}?${PAY_ZH}${AMOUNT_ZH}` +
    // …or after the writer's own job in the same sentence: 我现在在杭州一家电商公司做高级产品经理，月薪 32K; 我（陳彥廷）在…當製程工程師第三年，月薪 5.6 萬.
    // …or opens the message with the writer's pay now, set against an offer: 现在税前月薪 23k，一年 14 薪 … 新 offer 是 28k.
    String.raw`|(?:^|[。！？\n])\s{0,2}(?:现在|現在|目前)${PAY_ZH}${AMOUNT_ZH}(?=[^\n]{0,80}(?:offer|跳槽|新工作|到手))` +
    String.raw`|我(?:[（(][^）)\n]{1,8}[）)])?(?:现在|現在|目前)?在[^。！？!?\n]{1,30}?(?:做|当|當|任|干|幹)[^。！？!?\n]{1,20}?[，,、]\s?${PAY_ZH}${AMOUNT_ZH}`,
  'g',
);
// …or the sum comes first and the writer owns it after: "is £47.5k ok for a data analyst? that's what i'm on".
const THATS_WHAT_IM_ON = /\bthat['’]?s what i['’]?m (?:on|paid|earning|making)\b/g;
const MONEY_BEFORE = new RegExp(`${MONEY}[^\\n]{0,60}$`, 'u');
const PAY_HINT =
  /\dk\b|salary|payslip|pay slip|pay stub|paycheck|paie|bulletin de salaire|abrechnung|loonstrook|busta paga|lönebesked|lönespec|bonus|base|raise|rise|wage|rate|compensation|take-home|sueldo|salario|aumento|mina|salaire|augmentation|prime|gehalt|lohn|salaris|loon|l[öo]n|stipendio|sal[áa]rio|pensja|wynagrodzenie|podwy|premia|earn|make|paid|verdien|gagne|gano|guadagno|tjänar|zarabiam|i['’]m on|i am on| on [£$€]/;

// …or a pay document of the writer's with its amount, without "my": "first paycheck at the new hospital: $2,911.46 net".
const OWN_PAY_DOCUMENT = new RegExp(
  String.raw`(?<![\p{L}])(?:first|last|latest|this month['’]s|this week['’]s) (?:pay ?check|pay ?slip|pay ?stub|wage slip)(?![\p{L}])[^.\n?!]{0,48}?${MONEY}`,
  'giu',
);
// …or the writer's (or a relative's) payslip with its gross or net amount, a question between them: "meine
// Lohnabrechnung erklären? Brutto 4.280,00 €", "la busta paga di mia madre, Rosa Ferrante? Lordo 1.842 €".
const PAY_DOC = String.raw`(?:payslip|pay slip|Lohnabrechnung|Gehaltsabrechnung|loonstrook|busta paga|bulletin de salaire|fiche de paie|n[óo]mina|l[öo]nespecifikation)`;
const OWN_PAYSLIP_AMOUNT = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:my|meine|mijn|mia|la mia|ma|mi) ${PAY_DOC}|${PAY_DOC} (?:of|von|van|di|de) (?:my|meiner|meines|meinem|mijn|mia|mio|ma|mon|mi) \p{L}+)` +
    String.raw`[^\n]{0,80}?(?<![\p{L}])(?:gross|net|brutto|netto|lordo|bruto|brut|neto)\s*:?\s*${MONEY}`,
  'giu',
);
// …and the writer's own rating ("my boss rated me 'below expectations'", "I got a 2 in my review").
const OWN_RATING =
  /\b(?:rated me|gave me an?|I got an?) ['"‘“]?(?:below expectations|meets expectations|needs improvement|partially meets|unsatisfactory|[1-5](?:\/5| out of 5)?)['"’”]?(?=[ ,.;]| in my| this year| on my)/gi;

/** The writer's own pay, stated with its amount, and the writer's own rating. `lower` is the text lower-cased. */
export function findOwnPay(text: string, lower: string, found: Found): void {
  // A rating may be a word ("needs improvement"): read before the amounts' test for a digit.
  if (lower.includes('rated me') || lower.includes('gave me') || lower.includes('i got'))
    firstMatches(OWN_RATING, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
  if (!/\d/.test(text)) return;
  if (text.includes('我') || text.includes('现在') || text.includes('現在') || text.includes('目前'))
    firstMatches(OWN_PAY_ZH, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
  if (!PAY_HINT.test(lower)) return;
  for (const re of [OWN_PAY, I_EARN]) firstMatches(re, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
  if (lower.includes('what i')) {
    firstMatches(THATS_WHAT_IM_ON, lower, LIMIT, (m) => {
      const sum = MONEY_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index));
      if (sum !== null) found(m.index - (Math.min(m.index, 80) - sum.index), m.index + m[0].length);
    });
  }
  if (/\bI\b|\bmy\b/i.test(text)) firstMatches(OWN_PAY_DOCUMENT, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
  firstMatches(OWN_PAYSLIP_AMOUNT, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------- own sick leave, in European languages

// Sick leave and its certificate, in the words of each country's notes to a boss.
const SICK_LEAVE_EU =
  /(?<![\p{L}])(?:krankgeschrieben|krankgemeldet|Krankmeldung|Krankschreibung|arbeitsunf[äa]hig|arr[êe]t (?:maladie|de travail)|de baja|baja (?:m[ée]dica|laboral)|(?:dado|dio|dar) la baja|in malattia|certificato medico|ziekgemeld|ziek thuis|sjukskriven|sjukskrivning|sygemeldt|sykmeldt|zwolnienie lekarskie|na zwolnieniu|atestado m[ée]dico|baixa m[ée]dica|pracovn[íi] neschopnost|sairauslom\p{L}*|sairausp[äa]iv[äa]rah\p{L}*)(?![\p{L}])/giu;
// …and the illnesses that may come with no accented letter in the text ("sono incinta", "ho la celiachia").
const SICK_LEAVE_HINT =
  /krank|malad|baja|malatt|ziek|sjuk|syge|sykm|zwoln|neschop|incinta|schwanger|embarazada|zwanger|enceinte|tiroid|morbus|morbo di|epiless|diagnosi di|celiach|litium|sairaus|todettiin|diagnosticeerd/;
// The writer, in those languages, in words English does not use ("me", "eu" are English text too: "tell me about
// depression", the EU); Italian "sono" only as "I have been / am ill" ("quali sono i segnali" is "which are the signs").
// The verbs of taking and suffering in their first person (prendo, sufro, nehme, souffre …) say it too.
const FIRST_PERSON_EU =
  /(?<![\p{L}])(?:ich|mich|mir|mein(?:e[nmrs]?)?|je|j['’]|moi|yo|estoy|io (?:sono|ho|mi)|sono (?:stat[oa]|ricoverat[oa]|malat[oa]|in malattia|incinta|operat[oa])|ik|mij|mijn|jag|mig|estou|mnie|jestem|jsem|me (?:han|ha|dieron|diagnosticaron|operaron)|mi (?:hanno|ha)|m['’](?:a|ont)|on m['’]a|prendo|soffro|sufro|padezco|nehme|leide|prends|souffre|neem|lijd|mi chiamo|ho (?:appena |da poco )?(?:ricevuto|avuto|scoperto)|jag (?:fick|har|heter|står)|jeg (?:fik|har|hedder)|me llamo|je m['’]appelle|ich hei(?:ß|ss)e|minulla|minulle|minun|minua|olen)(?![\p{L}])/iu;
const SENTENCE_END = /[.!?\n]/;

/** The sentence around [start, end), at most 240 characters each way. */
function sentenceOf(text: string, start: number, end: number): string {
  let from = start;
  while (from > Math.max(0, start - 240) && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < Math.min(text.length, end + 240) && !SENTENCE_END.test(text[to]!)) to++;
  return text.slice(from, to);
}

// A sick note in general, not the writer's: "bei einer Krankmeldung", "en cas d'arrêt maladie".
const ANY_CASE_BEFORE = /(?:\bbei einer|\bim Falle einer|\bfür eine|\ben cas d['’]|\ben caso de|\bin caso di|\bbij een|\bvid en|\bw przypadku)\s*$/iu;

/** Sick leave or an illness in a European language, in a sentence where the writer speaks of themself. */
export function findOwnHealthEu(text: string, lower: string, found: Found): void {
  if (!SICK_LEAVE_HINT.test(lower) && !looksEuropean(text)) return;
  for (const re of [SICK_LEAVE_EU, HEALTH_DETAIL_EU]) {
    firstMatches(re, text, LIMIT, (m) => {
      const sentence = sentenceOf(text, m.index, m.index + m[0].length);
      // "bei einer Krankmeldung", "en cas d'arrêt maladie": any sick note, a question of rules, not the writer's own.
      if (FIRST_PERSON_EU.test(sentence) && !ANY_CASE_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) found(m.index, m.index + m[0].length);
    });
  }
}

// ---------------------------------------------------------------- own dismissal, in European languages

// The writer dismissed, in the first person: "mi jefe me ha comunicado que me despiden", "mir wurde gekündigt", "on m'a
// licenciée", "ik ben ontslagen". Not "si me despiden" / "wenn mir gekündigt wird": a what-if is a general question.
const OWN_DISMISSAL_EU =
  /(?<![\p{L}])(?:me (?:despiden|han despedido|van a despedir|echan)|ich (?:wurde|bin) (?:\p{L}+ ){0,4}(?:gekündigt|entlassen)|mir wurde (?:\p{L}+ ){0,4}gekündigt|je (?:suis|viens d['’]être|vais être) licenci[ée]e?|on m['’]a licenci[ée]e?|mi hanno licenziat[oa]|sono stat[oa] licenziat[oa]|ik ben ontslagen|jag (?:har blivit|blev|är) uppsagd|fui despedid[oa]|zosta[łl](?:em|am) zwolnion[ya])(?![\p{L}])/giu;
const WHAT_IF_BEFORE = /(?:\bsi|\bif|\bwenn|\bfalls|\bse|\bals|\bom|\bjeśli|\bgdyby|\bquand|\bcuando)\s(?:[\p{L}'’]+\s){0,3}$/iu;
// indexOf tests: one pattern of alternatives over every prompt costs more than all of them.
const DISMISSAL_STEMS = ['despid', 'echan', 'gekündigt', 'entlassen', 'licenci', 'ontslagen', 'uppsagd', 'zwolnion'] as const;

/** The writer's own dismissal said in a European language, not as a what-if. */
export function findOwnDismissalEu(text: string, lower: string, found: Found): void {
  if (!DISMISSAL_STEMS.some((w) => lower.includes(w))) return;
  firstMatches(OWN_DISMISSAL_EU, text, LIMIT, (m) => {
    if (!WHAT_IF_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) found(m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- own wearable's findings

const WEARABLE =
  /\b(?:my|our|account|user|profile|owner)\b[^\n.?!]{0,30}?\b(?:Fitbit|Apple (?:Watch|Health)|Garmin(?: Connect)?|Oura|Whoop|Withings|Samsung Health|Google Fit|Health Connect|Dexcom|FreeStyle Libre|LibreLink|Kardia(?:Mobile)?|Omron|Polar|Amazfit|Zepp)\b/i;
const WEARABLE_HINT = /fitbit|apple|garmin|oura|whoop|withings|samsung|google fit|health connect|dexcom|libre|kardia|omron|polar|amazfit|zepp/;

/** A health finding in the text of a wearable the writer owns (or a named account's). `lower` is the text lower-cased. */
export function findWearableHealth(text: string, lower: string, found: Found): void {
  if (!WEARABLE_HINT.test(lower) || !WEARABLE.test(text)) return;
  // Read in lower case (same offsets): an app writes "Atrial Fibrillation" with capitals.
  firstMatches(HEALTH_DETAIL_EN, lower, LIMIT, (m) => found(m.index, m.index + m[0].length));
}
