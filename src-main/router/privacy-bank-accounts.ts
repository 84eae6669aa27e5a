// Domestic bank accounts, which have no IBAN: a UK sort code and account number, a US routing and account number,
// an Australian BSB, an Indian IFSC, a Chinese 账号/卡号 with its bank (户名马晨，招商银行北京分行，账号 6214…).
// The digits alone are anyone's (an order, a customer number), so a value counts only under an account label and
// with a bank's words within reach: a sort code, routing, a bank, a transfer, 开户行, 户名. Masked values (****1234)
// and placeholders (00000000, 12345678) are no one's; an organisation's published details, a format question and a
// test value are taken back as for IBANs (privacy-takeback.ts, kind "iban").
import { cardNumberValid } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import { lowerCased } from './privacy-text.js';

export type BankAccountFound = (start: number, end: number) => void;

// An account's label, then its number: 6 to 18 digits, in groups or not.
const ACCOUNT_EN = /\b(?:bank )?(?:account|acct|acc|a\/c)(?:\s?(?:number|no\.?|num|nr\.?|#))?\s{0,2}(?:is|was|[:=#-])?\s{0,3}(\d(?:[ -]?\d){5,17})(?![\d-]|[.,]\d)/gi;
// The bank's words that make those digits an account at a bank.
const BANK_EN =
  /\bsort[ -]?codes?\b|\brouting\b|\bABA\b|\bBSB\b|\bIFSC\b|\bSWIFT\b|\bBIC\b|\bbank\b|\bbanking\b|\bpayee\b|\bpay (?:it )?(?:in)?to\b|\btransfer\b|\bwire\b|\bdeposit\b|\bdirect debit\b|\bstanding order\b|\bbeneficiary\b|\bbuilding society\b|\bcredit union\b|\bchecking\b|\bchequing\b|\bsavings\b/i;
// Chinese: a card or account number's label, then 12 to 23 digits.
const ACCOUNT_ZH = /(?:银行卡号|卡号|账号|帐号|账户|帐户|收款账号|收款帐号|卡號|賬號|帳號)\s{0,2}(?:是|为|為|：|:)?\s{0,3}(\d(?:[ -]?\d){11,22})(?!\d)/g;
const BANK_ZH = /银行|銀行|户名|戶名|开户行|開戶行|开户|收款|退款|转账|轉賬|汇款|匯款|工资卡|储蓄卡|借记卡/;
const REACH = 120;
const ACC_WORD = /\bacc\b/;
// Every account number has six digits in a row, or in groups of at least three.
const SIX_DIGITS = /\d{3}[ -]?\d{3}/;

/** True for a value that stands for no one's account (all one digit, counting up), or a card's number, which the card rules read. */
function notAnAccount(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(digits) || cardNumberValid(digits)) return true;
  return '12345678901234567890'.includes(digits) || '98765432109876543210'.includes(digits);
}

/** True when the characters right before the value mask part of it (****1234, XXXX-1234 is caught as its tail). */
function maskedBefore(text: string, start: number): boolean {
  return /[*•xX#]{2,}[ -]?$/.test(text.slice(Math.max(0, start - 6), start));
}

/** Each value `account` finds (group 1) that is someone's account, with `bank`'s words within reach. */
function accountsBy(account: RegExp, bank: RegExp, text: string, found: BankAccountFound): void {
  eachMatch(account, text, (m) => {
    const start = m.index + m[0].length - m[1]!.length;
    if (notAnAccount(m[1]!) || maskedBefore(text, start)) return;
    if (bank.test(text.slice(Math.max(0, m.index - REACH), start + m[1]!.length + REACH))) found(start, start + m[1]!.length);
  });
}

/** Domestic bank account numbers under their label, with a bank's words near. */
export function findBankAccounts(text: string, found: BankAccountFound): void {
  const lower = lowerCased(text);
  if (SIX_DIGITS.test(text) && (lower.includes('account') || lower.includes('acct') || lower.includes('a/c') || ACC_WORD.test(lower))) {
    accountsBy(ACCOUNT_EN, BANK_EN, text, found);
  }
  if (/[号號户戶]/.test(text)) accountsBy(ACCOUNT_ZH, BANK_ZH, text, found);
}
