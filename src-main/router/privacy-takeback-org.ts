// An organisation speaking for itself: a shop's notice, an invoice footer, a customer reply, a donation appeal,
// a company's payment details. Its address, phone line, mailbox and account are published to be used, and
// name no private person: "Thanks for contacting Hollybrook Books. Our store is at 14 Market Street",
// 本店订餐电话 0571-8702 5566, "Please pay to Hollybrook Books Ltd, IBAN GB57 …", 公司收款资讯 … IBAN LU30 ….
// A claim of one's own (my account, my home, 我的, 住在) near the value keeps it a person's. Chinese is read in
// Simplified characters (privacy-traditional.ts folds Traditional before the take-back rules run).

// A business's or a charity's name by its legal form: Hollybrook Books Ltd, Acme GmbH, Fondation Soleil asbl, 蓝山茶业有限公司.
const LEGAL_NAME =
  /[A-ZÀ-Þ][\wÀ-ÿ&'’.-]*(?: [A-ZÀ-Þ&][\wÀ-ÿ&'’.-]*){0,4},? (?:Ltd|Limited|LLC|Inc|Corp|Corporation|GmbH|AG|plc|PLC|asbl|vzw|S\.A\.|SAS|SARL|S\.r\.l\.|Srl|SpA|B\.V\.|BV|N\.V\.|Pty|Oy|AB|A\/S|ApS|KG|e\.V\.|CLG|DAC|CIC|CIO|gGmbH|eG|SPRL|SRL|S\.L\.|SL|Lda|Ltda\.?|Kft|s\.r\.o\.|sp\. z o\.o\.|AS|Pte Ltd)(?!\w)|\b(?:Fondation|Foundation|Stiftung|Stichting|Fundación|Fondazione|Association|Charity|Trust) [A-Z]|有限公司|股份公司|有限责任公司|集团|基金会|协会/;
// Words only an organisation writes about itself, or a customer about the organisation.
const ORGANISATION_SPEAKS =
  /\b(?:call us|contact us|e-?mail us|write to us|reach us|visit us|our (?:store|shop|showroom|returns (?:centre|center|department|dept)|warehouse|restaurant|caf[eé]|bakery|salon|studio|branch|premises|customers?|invoices?|company|firm|charity|foundation|bank details|payment details|opening hours|hq)|registered office|company (?:no|number|reg(?:istration)?)|vat (?:no|number|reg)|invoice footer|opening hours|registered charity|charity (?:no|number)|(?:as )?(?:published|listed) on (?:our|the|their|its) (?:[\w-]+ )?(?:website|site|web ?page)|(?:website|site|page) (?:lists|gives|says)|(?:its|their|the (?:council|charity|school|club|society|church|practice|university|nursery)['’]s) (?:bank details|IBAN|account number)|donation (?:account|page)|(?:HMRC|IRS|Finanzamt|DVLA|council tax|Self Assessment)|(?:Borough|County|City|District|Town|Parish) Council|annual report|customer (?:reply|service|query|queries|e-?mail|notice)|order queries|thanks for contacting|thank you for contacting|dear customers?|returns dept)\b|本店|本公司|我司|敝公司|我们公司|公司收款|公司账户|公司的账户|对公账户|对公账号|收款资讯|收款信息|营业时间|欢迎来电|订餐电话|预订电话|订位电话|客服|亲爱的顾客|店铺|门店/i;
// The value is someone's own all the same: a claim, or a person named as the payee, the account's holder, a party
// or the customer on file (a freelancer's invoice, a claim form's defendant, a reminder's contact, 户名 Chen Yue). The
// pattern is read without case, so "pay within 30 days to our business account" must not pass for a payee's name.
const OWN_CLAIM =
  /\b(?:my (?:own |personal |private |home )?(?:iban|account|bank|number|phone|mobile|cell|address|e-?mail|home|flat|house|place)|I live|lives at|home address|personal (?:account|number|phone|mobile|address|e-?mail)|(?<!as an? (?:new )?)(?:payee|beneficiary)|account (?:holder|name)|Kontoinhaber(?:in)?|titulaire du compte|intestatario|titular de la cuenta|rekeninghouder|debtor(?: name)?|Zahlungspflichtige[rn]?|defendant|respondent|claimant|tenant|on file|freelancer?|sole trader|self-employed|days to:?\s+(?!(?:our|the|your|their|its|an?)\b)(?:Mr|Mrs|Ms|Dr)?\.?\s?[A-Z][a-z]+ [A-Z][a-z]+(?![\wÀ-ÿ&'’. -]{0,30}\b(?:GmbH|Ltd|Limited|LLC|Inc|AG|plc|SARL|SAS|BV|SPRL|Srl|SpA)\b)|(?:for|to) (?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+)\b|我的|我家|(?:姐|妹|哥|弟|妈|爸|老婆|老公|女儿|儿子|朋友|同事)[^，。\n]{0,6}的(?:邮箱|电话|手机|地址|账户|账号|卡号)|住在|家住|住址|收件人|收货人|户名|收款人|账户名|开户名|紧急联系人|緊急聯絡人/i;

// A text short enough to be one notice, footer or reply as a whole (also the bar for a short biography).
export const ONE_NOTICE = 600;
// Near enough to be the value's own sentence or notice: a long note's other items say nothing of it.
const REACH = 80;
// Where one item of a note or list ends: a line, a Chinese full stop, a list dash, a numbered item (七、).
const ITEM_BREAK = /\n|[。！？；]| - |[一二三四五六七八九十]、/g;

/** The value's own line, sentence or list item, at most REACH characters either side of it. */
function ownItem(text: string, start: number, end: number): string {
  const from = Math.max(0, start - REACH);
  let itemStart = from;
  for (const m of text.slice(from, start).matchAll(ITEM_BREAK)) itemStart = from + m.index + m[0].length;
  const after = text.slice(end, end + REACH);
  ITEM_BREAK.lastIndex = 0;
  const next = ITEM_BREAK.exec(after);
  return text.slice(itemStart, next === null ? end + after.length : end + next.index);
}

// An account's holder or payee that is an institution or a company, not a person: "Account holder: Rijksuniversiteit Groningen",
// "Account name: Northgate Joinery Ltd",
// 户名 上海禾木文化传播有限公司.
const INSTITUTION_HOLDER =
  /\b(?:[Aa]ccount (?:[Hh]older|[Nn]ame)|[Pp]ayee|[Bb]eneficiary|Kontoinhaber|Begünstigter|titulaire|intestatario|beneficiario|tenaamstelling)\s*[:：]?\s*[^\n]{0,40}?(?:[Uu]niversit(?:y|eit|ät|é|à|at|ad)|Hogeschool|Hochschule|College|School|Council|Municipality|Gemeente|Stadt|Hospital|Ministry|Foundation|Fondazione|Stiftung|Charity|Church|HMRC|IRS|DVLA|Finanzamt|Association|Society|Verein|Onlus|Ltd|Limited|LLC|Inc|GmbH|plc|PLC|SARL|Srl|SpA|B\.V|N\.V|Pty|ApS)\b|(?:户名|账户名|开户名|收款人)\s*[:：]?\s*[^\n，,。]{0,30}?(?:有限公司|公司|集团|基金会|协会|大学|学院|学校|医院)/;

/** True when `words` are an organisation's about itself and claim nothing for a person. */
function speaksForItself(words: string): boolean {
  const institution = INSTITUTION_HOLDER.test(words);
  const claims = institution ? words.replace(INSTITUTION_HOLDER, '') : words;
  return (institution || ORGANISATION_SPEAKS.test(words) || LEGAL_NAME.test(words)) && !OWN_CLAIM.test(claims);
}

// A value on a labelled line of its own ("IBAN: IT48 X050 …", "Bank: Crédit Coopératif — IBAN FR76 …"): the block of
// lines it stands in says whose it is (the payee's name above it, "Our bank details:" before the block).
const LABEL_LINE = /(?:^|\n)[ \t]*[\p{L}][\p{L} ./()-]{0,30}[:：][ \t]*$|\bIBAN[:：]?[ \t]*$/u;
const BLOCK_REACH = 300;

/**
 * The value's block: the lines around it up to a blank line, at most BLOCK_REACH characters either side, with the
 * line that leads into the block when it ends in a colon ("Our bank details, as printed on every invoice:").
 */
function ownBlock(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - BLOCK_REACH), start);
  const after = text.slice(end, end + BLOCK_REACH);
  const blank = before.lastIndexOf('\n\n');
  const next = after.indexOf('\n\n');
  const block = `${blank < 0 ? before : before.slice(blank)}${text.slice(start, end)}${next < 0 ? after : after.slice(0, next)}`;
  if (blank <= 0) return block;
  const leadLine = before.slice(before.lastIndexOf('\n', blank - 1) + 1, blank);
  return leadLine.trimEnd().endsWith(':') ? `${leadLine}\n${block}` : block;
}

/** True for an address, a phone line, a mailbox or an account that an organisation publishes as its own, claimed by no person. */
export function organisationVoice(text: string, start: number, end: number): boolean {
  if (speaksForItself(ownItem(text, start, end))) return true;
  return LABEL_LINE.test(text.slice(Math.max(0, start - 40), start)) && speaksForItself(ownBlock(text, start, end));
}
