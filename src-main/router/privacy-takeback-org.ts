// An organisation speaking for itself: a shop's notice, an invoice footer, a customer reply, a donation appeal,
// a company's payment details. Its address, phone line, mailbox and account are published to be used, and
// name no private person: "Thanks for contacting Hollybrook Books. Our store is at 14 Market Street",
// 本店订餐电话 0571-8702 5566, "Please pay to Hollybrook Books Ltd, IBAN GB57 …", 公司收款资讯 … IBAN LU30 ….
// A claim of one's own (my account, my home, 我的, 住在) near the value keeps it a person's. Chinese is read in
// Simplified characters (privacy-traditional.ts folds Traditional before the take-back rules run).
import { around } from './privacy-takeback-context.js';

// A business's or a charity's name by its legal form: Hollybrook Books Ltd, Acme GmbH, Fondation Soleil asbl, 蓝山茶业有限公司.
const LEGAL_NAME =
  /[A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,4},? (?:Ltd|Limited|LLC|Inc|Corp|Corporation|GmbH|AG|plc|PLC|asbl|vzw|S\.A\.|SAS|SARL|S\.r\.l\.|Srl|SpA|B\.V\.|BV|N\.V\.|Pty|Oy|AB|A\/S|ApS|KG|e\.V\.)\b|\b(?:Fondation|Foundation|Stiftung|Fundación|Fondazione|Association|Charity|Trust) [A-Z]|有限公司|股份公司|有限责任公司|集团|基金会|协会/;
// Words only an organisation writes about itself, or a customer about the organisation.
const ORGANISATION_SPEAKS =
  /\b(?:call us|contact us|e-?mail us|write to us|reach us|visit us|our (?:store|shop|showroom|returns (?:centre|center|department|dept)|warehouse|restaurant|caf[eé]|bakery|salon|studio|branch|premises|customers?|invoices?|company|firm|charity|foundation|bank details|payment details|opening hours|hq)|registered office|company (?:no|number|reg(?:istration)?)|vat (?:no|number|reg)|invoice footer|opening hours|customer (?:reply|service|query|queries|e-?mail|notice)|order queries|thanks for contacting|thank you for contacting|dear customers?|returns dept)\b|本店|本公司|我司|敝公司|我们公司|公司收款|收款资讯|收款信息|营业时间|欢迎来电|订餐电话|预订电话|订位电话|客服|亲爱的顾客|店铺|门店/i;
// The value is someone's own all the same.
const OWN_CLAIM =
  /\b(?:my (?:own |personal |private |home )?(?:iban|account|bank|number|phone|mobile|cell|address|e-?mail|home|flat|house|place)|I live|lives at|home address|personal (?:account|number|phone|mobile|address|e-?mail))\b|我的|我家|住在|家住|住址|收件人|收货人/i;

/** True for an address, a phone line, a mailbox or an account that an organisation publishes as its own, claimed by no person. */
export function organisationVoice(text: string, start: number, end: number): boolean {
  const window = around(text, start, end, 160);
  return (ORGANISATION_SPEAKS.test(window) || LEGAL_NAME.test(window)) && !OWN_CLAIM.test(window);
}
