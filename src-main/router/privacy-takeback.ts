// Findings taken back after the rules have run, because the value belongs to nobody:
// - a value published for testing or documentation (the card networks' 4111…, the IBAN in every
//   tutorial, the SSA's 078-05-1120, GB 11643's example id, AWS's …EXAMPLE keys, the phone ranges
//   regulators reserve for drama), in a sentence that treats it as an example, a test or a format
//   question, not as someone's ("my card is 4111 1111 1111 1111" still counts);
// - a placeholder where a secret would go (replace-me, changeme, xxxx, <your-key>), and a log's
//   other fields read as a password's value (user_id=48213 after "login failed");
// - an organisation's own contact details: a role address (support@, press@, noreply@, team-…@), a
//   service number (China's 400/800 numbers) or a number or address introduced as a switchboard,
//   hotline, office or company address, with no person's home or name claimed for it.
// Each test is a few string checks and bounded patterns over a window around the finding.

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
  // SSA: the wallet-card number and the number it never issues.
  '078051120',
  '123456789',
  '219099999',
  // GB 11643's example resident id.
  '11010519491231002X',
  // China Mobile's service number, used as the stock test mobile.
  '13800138000',
]);

// Phone ranges reserved for fiction and documentation: Ofcom's drama numbers (07700 900000-900999,
// 01632 960000-960999, 020 7946 0000-0999), NANP 555-0100-0199, ACMA's 0491 570 xxx.
const RESERVED_PHONE = /^(?:\+?44|0)(?:7700900\d{3}|1632960\d{3}|2079460\d{3})$|^(?:\+?1)?\d{3}55501\d{2}$|^(?:\+?61|0)491570\d{3}$/;

// The sentence treats the value as an example, a test or a question of format.
const EXAMPLE_CONTEXT =
  /\b(?:examples?|samples?|specimen|tests?|testing|tutorials?|docs|documentation|placeholders?|dummy|demo|fake|fictional|drama|reserved|published|valid(?:ate|ation|ator)?|invalid|check ?digits?|checksums?|luhn|mod[- ]?97|regex|unit tests?|real (?:account|number|card|key|person)|ads|adverts?|advertising|films?|movies?|tv|numbering)\b|示例|样例|例子|测试|校验|验证|正则|演示|虚构|格式/i;
// …but a possessive or an instruction to pay or send makes it someone's.
const CLAIMED = /\b(?:my|mine|our account|pay (?:it )?(?:to|into)|wire|transfer|refund to|charge)\b|我的|转账|打到|汇到/i;

const WINDOW = 120;

function around(text: string, start: number, end: number, reach = WINDOW): string {
  return text.slice(Math.max(0, start - reach), Math.min(text.length, end + reach));
}

/** True for a published test value, or a reserved phone number, written in a sentence about examples or tests and claimed by nobody. */
function publishedExample(text: string, kind: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const compact = value.replace(/[\s().-]/g, '').toUpperCase();
  const known = PUBLISHED.has(compact) || (kind === 'phone' && RESERVED_PHONE.test(compact)) || (kind === 'secret' && /EXAMPLE/.test(value));
  if (!known) return false;
  const window = around(text, start, end);
  return EXAMPLE_CONTEXT.test(window) && !CLAIMED.test(window);
}

// A question about what such values look like, with the value as its example ("the format of a
// passport number like E12345678"): an illustration, whoever's number it may be, unless claimed.
const FORMAT_QUESTION =
  /\b(?:format|formats|look like|looks like|pattern|structure|regex|valid(?:ate)?|what (?:is|are) the (?:digits|letters|parts))\b|格式|正则|规则|长什么样/i;
const EXAMPLE_BEFORE = /(?:\blike|\bsuch as|\be\.g\.|\bfor example|\bfor instance|例如|比如|像)[\s:：]{0,2}$/i;

/** True for a value given as the example in a question about the format of such values. */
function formatExample(text: string, start: number, end: number): boolean {
  if (!EXAMPLE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return false;
  const window = around(text, start, end, 100);
  return FORMAT_QUESTION.test(window) && !CLAIMED.test(window);
}

// Values that stand where a secret would go.
const PLACEHOLDER_SECRET =
  /^(?:replace[-_]?me|change[-_]?me|changeit|your[-_][\w-]+|<[^>]*>|\{\{[^}]*\}\}|x{4,}|\*{3,}|todo|tbd|redacted|example[\w-]*|dummy[\w-]*|placeholder[\w-]*|secret|password)$/i;
// A key=value field whose key is not a secret's: in a log, user_id=48213 is an id, attempts=3 a count.
const FIELD_BEFORE = /(?<![\w.])([A-Za-z][\w.]{0,30})=["']?$/;
const SECRET_KEY = /pass|pw|secret|token|key|pin|code|credential|auth|cookie|session/i;

/** True for a secret that is a placeholder, or the value of a log field that names no secret. */
function notASecret(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (PLACEHOLDER_SECRET.test(value)) return true;
  const own = /^([A-Za-z][\w.]{0,30})=/.exec(value);
  if (own !== null && !SECRET_KEY.test(own[1]!)) return true;
  const field = FIELD_BEFORE.exec(text.slice(Math.max(0, start - 34), start));
  return field !== null && !SECRET_KEY.test(field[1]!);
}

// Mailboxes that are roles, not people (RFC 2142 and common practice): support@, press@, noreply@, team-x@, room-4b@.
const ROLE_MAILBOX =
  /^(?:help|support|info|hello|contact|enquiries|inquiries|press|media|pr|sales|billing|accounts|invoices|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|privacy|legal|compliance|jobs|careers|recruiting|hr|marketing|newsletter|news|noreply|no-reply|donotreply|do-not-reply|notifications?|alerts?|feedback|service|customerservice|office|reception|team|test|testing|demo|example|bookings|reservations|orders|shop|store|events|partners|investors|ir|dev|devops|ops|it|helpdesk|servicedesk)$|^(?:team|room|group|list|dept|ops)[-_.]/i;
// A person's name or a personal claim next to the address makes even a role mailbox theirs ("my personal one is info@…").
const PERSONAL_CLAIM = /\b(?:my (?:personal|private|own|home)|personal (?:e-?mail|address))\b/i;

// The text presents the mailbox as an organisation's or as an example: "our support address", a
// press release, a calendar's organiser, a demo sender. A role mailbox alone ("why does noreply@… land
// in spam?") may still be someone's own domain, so it stays.
const ORGANISATION_CONTEXT =
  /\b(?:our|support|press|contact|team|company|organi[sz]er|release|auto-?reply|sender|from address|demo|examples?|tests?|unit tests?|reserved|rfc ?\d+)\b|发件人|演示|示例|测试|公司/i;

/** True for a role mailbox (support@, press@, team-…@) presented as an organisation's or an example, not claimed as someone's own. */
function roleAddress(text: string, start: number, end: number): boolean {
  const local = text.slice(start, end).split('@')[0]!;
  if (!ROLE_MAILBOX.test(local)) return false;
  // The words around the address, not the address itself (shop.example.net is no sign of an example).
  const window = `${text.slice(Math.max(0, start - 80), start)} ${text.slice(end, end + 80)}`;
  return ORGANISATION_CONTEXT.test(window) && !PERSONAL_CLAIM.test(window);
}

// A number introduced as an organisation's line. "Our office number" is left alone: a small office's line may be a person's.
const ORG_LINE_BEFORE =
  /\b(?:switchboard|hotline|helpline|help line|service line|support line|customer (?:service|care|support)(?: line| number)?|reception|front desk|head office|headquarters|HQ|toll[- ]free|freephone)\b[^\n?!]{0,40}$|(?:客服|热线|总机|前台|服务电话|服务热线|投诉电话|总部)[^\n。！？]{0,16}$/i;
// An address introduced as an organisation's premises, or as a building that is not a home.
const ORG_PLACE_BEFORE =
  /\b(?:office|offices|headquarters|HQ|head office|branch|store|shop|showroom|warehouse|factory|clinic|firehouse|museum|gallery|theatre|theater|restaurant|cafe|café|hotel|church|stadium|library|campus|company|studio)\b[^\n.?!]{0,40}$|(?:公司|办公|总部|门店|分店|营业部|办事处|工厂|仓库)[^\n。！？]{0,24}$/i;
const HOME_CLAIM = /\b(?:home|house|flat|apartment|live|lives|living|my place|moved in)\b|我家|住在|住址|家住|收件人|收货人/i;
// The writer asks whether the value is real: a place from fiction or a film.
const DOUBTED_REAL = /\b(?:is (?:that|it|this) a real|a real (?:street|address|place|house)|actually (?:go|visit|exist))\b/i;

/** True for a phone number that is an organisation's line, not a person's. */
function organisationLine(text: string, start: number, end: number): boolean {
  const compact = text.slice(start, end).replace(/[\s().-]/g, '');
  // China's 400 and 800 numbers are only ever issued to businesses.
  if (/^(?:\+?86)?[48]00\d{7}$/.test(compact)) return true;
  return ORG_LINE_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

// …or named as one after it ("… 560066 is our new warehouse"), or a business address by its own words.
const ORG_PLACE_AFTER =
  /^[^\n.?!]{0,24}?\b(?:is|are|will be) (?:our|the company['’]s|the firm['’]s) (?:new )?(?:office|offices|headquarters|HQ|head office|branch|store|shop|showroom|warehouse|factory|clinic|studio|site|premises|campus)\b/i;
const BUSINESS_ADDRESS = /\b(?:Business|Industrial|Tech|Technology|Science|Office|Retail) (?:Park|Estate|Centre|Center)\b|\bTrading Estate\b/;

/** True for an address introduced as an organisation's premises or a non-home building, or doubted as real. */
function organisationPlace(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 70), start);
  if (DOUBTED_REAL.test(around(text, start, end, 80))) return true;
  if (HOME_CLAIM.test(around(text, start, end, 60))) return false;
  return ORG_PLACE_BEFORE.test(before) || ORG_PLACE_AFTER.test(text.slice(end, end + 80)) || BUSINESS_ADDRESS.test(text.slice(start, end));
}

// The text says it is fiction or a teaching case: a character's or an anonymised patient's details are nobody's.
const FICTION =
  /\b(?:(?:writing|write|wrote|drafting|plotting) (?:a|an|my|the) (?:\w+ )?(?:novel|story|screenplay|script|play|fan ?fic(?:tion)?|short story|sitcom|comic|game)|(?:my|the|a) (?:main )?(?:character|protagonist|villain)|in the (?:novel|film|movie|show|series|sitcom|episode)|fictional)\b|小说里|小说中|剧中|剧里/i;
// An anonymised case (患者，男，54 岁; a 54-year-old man) with nobody of the writer's own in it.
const ANONYMISED_CASE = /患者[，,]\s?[男女]|[男女][，,]\s?\d{1,3}\s?岁|\ba \d{1,3}[- ]year[- ]old (?:man|woman|male|female|boy|girl|patient|child)\b/;
const OWN_PERSON = /\b(?:my|our|I|I'm)\b|我|姓\s?名|\bname:/i;

// A condition as the topic of someone's work ("your lecture on early-onset dementia"), not anyone's health.
const TOPIC_BEFORE =
  /\b(?:research|lecture|paper|talk|article|study|studies|book|course|seminar|documentary|thesis|conference|webinar|podcast) (?:on|about|into|of)(?: [\w-]+){0,3} $/i;

// Documentation's stock people (John Doe, Jane Doe, Joe Bloggs, Max Mustermann, 张三) in an example or a template.
const PLACEHOLDER_PERSON = /\b(?:John|Jane|Joe|Richard|Baby) (?:Doe|Roe|Bloggs)\b|\b(?:Max|Erika) Mustermann\b|张三|李四|王五/;
const EXAMPLE_WORDS = /\b(?:examples?|sample|tutorial|template|dummy|fake|test (?:data|fixtures?)|placeholder|demo)\b|示例|样例|模板|测试/i;
// A blank form: two or more fields left as underscores (姓名：______ 出生日期：____).
const BLANK_FIELD = /[:：]\s*_{3,}/g;

/** True when a form's fields are blanks (a template), two or more of them. */
function blankForm(text: string): boolean {
  if (!text.includes('___')) return false;
  BLANK_FIELD.lastIndex = 0;
  let n = 0;
  while (BLANK_FIELD.exec(text) !== null && n < 2) n++;
  return n >= 2;
}

let lastText: string | undefined;
let lastAnswer = false;

/** True when the text is fiction, an anonymised teaching case, an example about stock people or a blank template: a person's details in it belong to no one. Kept for the last text: every finding of a message asks it. */
function nobodysDetails(text: string): boolean {
  if (text !== lastText) {
    lastAnswer = nobodysDetailsOf(text);
    lastText = text;
  }
  return lastAnswer;
}

function nobodysDetailsOf(text: string): boolean {
  return FICTION.test(text) || (ANONYMISED_CASE.test(text) && !OWN_PERSON.test(text)) || (PLACEHOLDER_PERSON.test(text) && EXAMPLE_WORDS.test(text)) || blankForm(text);
}

/** True when a finding of `kind` at [start, end) of `text` is a published example, a placeholder or an organisation's own contact detail. */
export function takenBack(text: string, kind: string, start: number, end: number): boolean {
  switch (kind) {
    case 'secret':
      return notASecret(text, start, end) || publishedExample(text, kind, start, end);
    case 'national-id':
    case 'iban':
    case 'card':
      return publishedExample(text, kind, start, end) || formatExample(text, start, end);
    case 'email':
      return roleAddress(text, start, end);
    case 'phone':
      return publishedExample(text, kind, start, end) || formatExample(text, start, end) || organisationLine(text, start, end);
    case 'address':
      return organisationPlace(text, start, end);
    case 'health':
      return nobodysDetails(text) || TOPIC_BEFORE.test(text.slice(Math.max(0, start - 48), start));
    case 'employment':
    case 'birth-date':
    case 'location':
      return nobodysDetails(text);
    default:
      return false;
  }
}
