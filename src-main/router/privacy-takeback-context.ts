// What the words around a value say of it, shared by the take-back rules (privacy-takeback*.ts): values
// published for testing (the card networks' 4111…, the IBAN in every tutorial, the SSA's 078-05-1120,
// GB 11643's example id, AWS's …EXAMPLE keys, the phone ranges regulators reserve for drama) in a sentence
// about examples or tests, a value given as the example of a format question, and a claim that makes a
// value someone's ("my card is 4111 1111 1111 1111" still counts).
import { CHINESE_EXAMPLE_WORDS, FOREIGN_EXAMPLE_WORDS } from './privacy-example-words.js';

// Values published for testing, compact (no spaces or dashes), upper case.
const PUBLISHED = new Set([
  // Card networks' and payment providers' test cards.
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4000056655665556',
  '5555555555554444',
  '5105105105105100',
  '2223003122003222',
  '5200828282828210',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '3530111333300000',
  // Stripe's documented outcome cards: declines, fraud, expired, wrong CVC, 3-D Secure.
  '4000000000000002',
  '4000000000009995',
  '4000000000009987',
  '4000000000009979',
  '4000000000000069',
  '4000000000000127',
  '4000000000000119',
  '4100000000000019',
  '4000002500003155',
  '4000000000003220',
  '4000000000000077',
  '6200000000000005',
  // Worldpay's test Visa (its Mastercard is the 5555… above).
  '4444333322221111',
  // Redsys's test card (Spanish acquirers' sandbox).
  '4548812049400004',
  '4000002760003184',
  // IBAN examples from the ECBS/SWIFT registry and tutorials.
  'GB82WEST12345698765432',
  'GB29NWBK60161331926819',
  'DE89370400440532013000',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'BE68539007547034',
  'CH9300762011623852957',
  // Wikipedia's IBAN article.
  'BE71096123456769',
  'FR7630006000011234567890189',
  'DE91100000000123456789',
  'GB98MIDL07009312345678',
  'IE29AIBK93115212345678',
  // The Polish example in bank and tutorial documentation.
  'PL61109010140000071219812874',
  // SSA: the wallet-card number and the number it never issues.
  '078051120',
  '123456789',
  '219099999',
  // The French banks' documentation IBAN, the one every format page shows.
  'FR7630006000011234567890189',
  // Adyen's Visa test card.
  '4111111145551142',
  // UnionPay's test card for its online payment sandbox.
  '6216261000000000018',
  // GB 11643's example resident id.
  '11010519491231002X',
  // Twilio's documentation's number.
  '+14155552671',
  // China Mobile's service number, used as the stock test mobile.
  '13800138000',
  // Stripe's documentation's sample secret key.
  'SK_TEST_4EC39HQLYJWDARJTT1ZDP7DC',
]);

// Phone ranges reserved for fiction and documentation: Ofcom's drama numbers (07700 900xxx, 01632 960xxx, 020 7946 0xxx,
// 0113-0161 496 0xxx, 0191 498 0xxx, 028 9018 0xxx, 029 2018 0xxx, 0808 157 0xxx, 0909 879 0xxx, 0306 999 0xxx),
// NANP 555-0100-0199 (with or without an area code), ACMA's 0491 570 xxx, and Twilio's test "magic" numbers (+1 500 555 000x).
const RESERVED_PHONE =
  /^(?:\+?44|0)(?:7700900\d{3}|1632960\d{3}|2079460\d{3}|1(?:1[3-8]|[2-6]1)4960\d{3}|1914980\d{3}|28901800\d{2}|29201800\d{2}|8081570\d{3}|9098790\d{3}|3069990\d{3})$|^(?:\+?1)?(?:\d{3})?55501\d{2}$|^(?:\+?61|0)491570\d{3}$|^\+?1500555000\d$/;

const FICTIONAL_NUMBER = /\b(?:fictional|fake|test) (?:phone )?numbers?\b/i;
// SSNs no one holds: the voided wallet-insert number, 123-45-6789, and the range kept for advertising (987-65-4320 to -4329).
const NEVER_ISSUED_SSN = /^(?:078051120|123456789|98765432\d)$/;

// The sentence treats the value as an example, a test or a question of format.
export const EXAMPLE_CONTEXT = new RegExp(
  `(?<![\\p{L}\\d_])(?:examples?|samples?|specimen|tests?|testing|tutorials?|docs|documentation|placeholders?|dummy|demo|fake|fictional|drama|reserved|published|valid(?:ate|ation|ator)?|invalid|check ?digits?|checksums?|luhn|mod[- ]?97|regex|unit tests?|real (?:account|number|card|key|person)|ads|adverts?|advertising|films?|movies?|tv|numbering|sandbox|stripe|wikipedia|${FOREIGN_EXAMPLE_WORDS})(?![\\p{L}])|${CHINESE_EXAMPLE_WORDS}|校验|验证|正则|格式`,
  'iu',
);
// …but a possessive or an instruction to pay or send makes it someone's. "My" claims the value when it
// owns a card, an account or a number ("my card is …", "my mobile"), not when it owns a test or a validator
// ("my test card", "my IBAN validator").
export const CLAIMED =
  /\b(?:my|our) (?:(?!test|example|sample|dummy|fake|demo|validator|code|unit)[a-z-]+(?:['’]s)? )?(?:card|account|iban|bank|number|phone|mobile|cell|key|ssn|id|passport|details|address|email)\b(?! (?:validator|validation|checker|parser|regex|library|code|tests?|field|format|column|generator|module|function|script))|\b(?:mine|pay (?:it )?(?:to|into)|wire|transfer|refund to|charge(?= (?:it|this|that|them|my|our|to|the (?:card|account))))\b|我的(?!函数|代码|程序|测试|单测|单元测试|正则|脚本|校验|项目|接口|公式|表格|系统)|转账|打到|汇到/i;

const WINDOW = 120;

export function around(text: string, start: number, end: number, reach = WINDOW): string {
  return text.slice(Math.max(0, start - reach), Math.min(text.length, end + reach));
}

// Source code: a reserved number in a call or an assertion is a fixture.
const CODE_CONTEXT = /\b(?:const|let|var|def|import|function|return|assert\w*|expect|console\.log|print)\b|\w\((?:["'`]|$)/;
const RESERVED_REACH = 2000;

/** True for a published test value, or a reserved phone number, written in a sentence about examples or tests and claimed by nobody. */
export function publishedExample(text: string, kind: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const compact = value.replace(/[\s().-]/g, '').toUpperCase();
  // …and any NANP 555 number called fictional or a test number (+1 650-555-3434 "// fictional number"), as films use them.
  const reserved = kind === 'phone' && (RESERVED_PHONE.test(compact) || (/^(?:\+?1)?\d{3}555\d{4}$/.test(compact) && FICTIONAL_NUMBER.test(around(text, start, end))));
  const neverIssued = kind === 'national-id' && NEVER_ISSUED_SSN.test(compact);
  const awsExample = kind === 'secret' && /EXAMPLE/.test(value);
  const known = reserved || PUBLISHED.has(compact) || awsExample;
  if (!known) return false;
  const window = around(text, start, end);
  if (CLAIMED.test(window)) return false;
  // A number no one can be given (555-01xx, Ofcom's drama ranges) is fiction anywhere in a text about tests or in code;
  // an SSN the SSA never issues, a card network's test card or a key that says EXAMPLE, anywhere in a text about tests
  // or docs (a validator's list of values to reject, a table of Stripe's test cards, a snippet from the SDK docs).
  const wide = reserved || neverIssued || awsExample || kind === 'card';
  const context = wide ? around(text, start, end, RESERVED_REACH) : window;
  if (reserved && (TEMPLATE_TALK.test(context) || CONFIG_KEY_BEFORE.test(text.slice(Math.max(0, start - 40), start)))) return true;
  return EXAMPLE_CONTEXT.test(context) || (reserved && CODE_CONTEXT.test(context)) || (!reserved && PUBLISHED_STORY.test(window));
}

// …and in a template or a config's KEY = value (ALERT_SMS_FROM = +441632960002), which reserved numbers fill.
const TEMPLATE_TALK = /\btemplates?\b|模板|模版/i;
const CONFIG_KEY_BEFORE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\s*[=:]\s*["']?$/;

// A published value's own history: the SSN printed on a 1938 wallet insert is a famous story, not an id.
const PUBLISHED_STORY = /\b(?:famous(?:ly)?|story|histor(?:y|ic|ical)|printed|wallet insert)\b/i;

// A question about what such values look like, with the value as its example ("the format of a
// passport number like E12345678"): an illustration, whoever's number it may be, unless claimed.
// What an id's letters encode and why one is what it is ("why is the fourth letter P?") asks about the format too.
export const FORMAT_QUESTION =
  /\b(?:format|formats|form[áa]t\w*|formato|formaat|formatet|look like|computed|calculated|calculation|worked out|looks like|pattern|structure|regex|valid(?:ate)?|encod(?:e|es|ed|ing)|decod(?:e|es|ed|ing)|check (?:digit|letter|character)s?|what (?:is|are) the (?:digits|letters|parts)|how (?:do|does|are) [^.?!\n]{1,40}? (?:work|made up|built|read|issued)|what (?:do|does) (?:the )?[^.?!\n]{1,80}? (?:mean|tell you|stand for|show|signify|indicate|represent)|(?:pass|fail)(?:es|s)? (?:the |an? )?[\w-]{0,12}(?:test|check)|elfproef|luhn|mod(?:ulo)? ?\d{2}|why (?:is|are|does|do) (?:the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d{1,2}(?:st|nd|rd|th)) (?:letter|digit|character|char|number|part|two|three|block|group)s?)\b|格式|正则|规则|长什么样|怎么读|什么意思|代表什么|含义|第[一二三四五六七八九十\d]{1,2}[位码]|每一位|校验码|编码规则|检查码|最后一码|怎么算|点计|如何计算|计算方法/i;
const EXAMPLE_BEFORE =
  /(?:\bif an? [A-Za-z ]{1,20}? (?:is|reads|says)|\blike|\bsuch as|\be\.g\.|\bfor example|\bfor instance|\bexample|\bnap[řr][íi]klad|\bnapř\.|\bzum Beispiel|\bz\. ?B\.|\bpar exemple|\bpor ejemplo|\bper esempio|\bbijvoorbeeld|\btill exempel|\besimerkiksi|\bna przykład|\bpor exemplo|\bfor eksempel|例如|比如|像|范例|示例|样例|例子是?|举例|用)[\s:："'“‘「『]{0,3}$/i;
// …or named as the example after it: "uses 12345678Z as the example", 用 A123456(3) 做例子, ABC-1234 這種格式.
const EXAMPLE_AFTER =
  /^[\s'"’”」）)]{0,3}(?:(?:is )?(?:as|is) (?:the|an|a|their|its) (?:\w+ )?(?:example|sample|specimen)|做例子|作例子|为例|作为例子|做示范|当例子|(?:这种|這種|这样的|這樣的|这类|這類)(?:格式|写法|寫法))/i;

// …or the second of two examples that one opens: "比如粤B·D12345 和 粤B·12345D", "such as AB123456C or QQ123456C" (a list
// of many, 比如 13816624479、15900718836、…, is data).
const EXAMPLE_CHAIN = /(?:\blike|\bsuch as|\be\.g\.|\bfor example|例如|比如)[\s:：]{0,2}[^\n。？?!]{1,30}?(?:和|与|\band|\bor|\bvs\.?|\bversus|或)[\s"'“‘]{0,2}$/i;

/** True for a value given as the example in a question about the format of such values. */
export function formatExample(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  if (!EXAMPLE_BEFORE.test(before) && !EXAMPLE_AFTER.test(text.slice(end, end + 40)) && !EXAMPLE_CHAIN.test(text.slice(Math.max(0, start - 48), start))) return false;
  const window = around(text, start, end, 100);
  return FORMAT_QUESTION.test(window) && !CLAIMED.test(window);
}
