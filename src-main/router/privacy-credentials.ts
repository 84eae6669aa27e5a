// Credentials written in prose, which the name-then-value rule in privacy.ts misses: "the wifi
// password for the guest network is BlueSky2024!", "I set the admin password to P@ssw0rd1", "the
// door code is 739104#", "WiFi密码：Duet@2025", connection strings with a password in them, and
// wallet seed phrases. Bounded windows and one look-behind per pattern, like the rest.
import { looksLikeSecretValue } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import { factored } from './privacy-factor.js';
import { findCodeSecrets } from './privacy-credentials-code.js';
import { findConfigSecrets } from './privacy-credentials-config.js';
import { findSaidSecrets } from './privacy-credentials-said.js';
import { findSeedPhrasesAnyLayout } from './privacy-seed.js';
import { hasHan, lowerCased } from './privacy-text.js';

export type SecretFound = (label: string, start: number, end: number) => void;

// A credential's name, up to 40 characters of the same sentence ("for the guest network"), then
// "is"/"to"/":"/"=", then a value with no spaces (or "user / password"). Not across a placeholder or a host
// (redis://:<password>@<host>:6379/0 holds no password).
const PROSE_SECRET = factored(
  /\b(pas{1,2}(?:wor|wro|owr)ds?|passcode|passphrase|pin(?: code| number)?|(?:door|alarm|gate|entry|access|safe|lock|keypad|garage|disarm|lockbox|key ?safe) code|key ?safe|lock ?box|(?:safe|lock|locker|padlock) combination|combination(?= (?:for|to|of) (?:the |my |our )?(?:safe|lock|locker|padlock))|(?:pre-?shared|shared|wi-?fi|vpn|encryption|licen[cs]e|product|recovery) key|login|credentials)(?![A-Za-z_])[^\n.?!<>@]{0,40}?(?:\bis\b|\bwas\b|\bto\b|\bit['’]?s\b|:|=)[ \t"'`]{0,3}((?:\d ){3,11}\d(?![\w])|[!#-&(-~]{3,64})(?:[ \t]+\/[ \t]+([!#-&(-~]{3,64}))?/gi,
);
// Chinese: 密码/口令 after any qualifier (WiFi密码, 支付密码), then 是/为/：, then the value.
// The words between may be a whole clause (root 密码 我微信上发你了 是 …).
// The words are the pattern's own first test, written once so the two cannot drift apart.
const SECRET_WORD_ZH = /密码|口令|密钥|秘钥|PIN码|验证码|暗号|requirepass|masterauth/;
const PROSE_SECRET_ZH = new RegExp(`(${SECRET_WORD_ZH.source})[^\\n。！？]{0,16}?(?:改成了?|改为|设成|设为|换成|是|为|：|:|=)\\s{0,2}([!#-&(-~]{4,64})`, 'g');
// A password built from parts: "密码是 admin 后面加 我生日 0915", "password is admin followed by 0915". A plain word
// alone is no secret; a word and then digits or symbols is the password given in two halves. Read with a sticky
// pattern right after a value the rules above rejected, so it costs no scan of its own.
const COMPOSED_REST = /\s{0,2}(?:后面再?加上?|后面是|后加|加上|再加|接上|followed by|plus|\+)[^\n。！？.?!\d]{0,12}?([!#-&(-~]{3,32})/y;

/** The end of the second half when a rejected value at [start, end) is followed by "followed by …"/"后面加 …" with digits or symbols; else -1. */
function composedEnd(text: string, end: number): number {
  COMPOSED_REST.lastIndex = end;
  const m = COMPOSED_REST.exec(text);
  if (m === null || !/\d|[^\w\s]/.test(m[1]!)) return -1;
  return end + m[0].length;
}
// scheme://user:password@host: database, queue and mail URLs carry passwords this way.
const CONNECTION_STRING = /(?<![\w+.-])[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:/@]{1,64}):([^\s@/]{1,128})@[^\s/]{1,255}/gi;
// Twelve to twenty-four short lower-case words after "seed phrase"/"recovery phrase": a wallet.
const SEED_PHRASE =
  /(?<![A-Za-z])(?:seed|recovery|mnemonic|backup) (?:phrase|words)[^\n.?!]{0,16}?(?:\bis\b|\bare\b|:)[ \t]{1,3}((?:[a-z]{3,8}[ ,]{1,2}){11,23}[a-z]{3,8})/gi;
// Also the gate of findSeedPhrasesAnyLayout: one test for both.
// Hardware and app wallets by name count too ("my Ledger words: …"): the phrase check (BIP-39 words, random order) keeps it safe.
// Pinyin too, as typed without an input method: zhu ci ci (助记词), qian bao (钱包).
const SEED_STEMS = [
  'seed',
  'recovery',
  'mnemonic',
  'backup',
  'wallet',
  'ledger',
  'metamask',
  'trezor',
  '助记词',
  '钱包',
  '錢包',
  '助記詞',
  'zhu ci ci',
  'zhucici',
  'qian bao',
  'qianbao',
] as const;
// A variable or config key whose name says secret (AWS_SECRET_ACCESS_KEY=…, DB_PASSWORD: …, a registry export's
// "DefaultPassword"="…"), then its value.
// Matched from the secret word on; the start of the name is found by walking back (a leading
// [A-Za-z0-9_]{0,40} would be tried at every letter of every prompt).
const SECRET_ASSIGNMENT =
  /(?:secret|token|passw(?:or)?d|pwd|pass|api(?:v\d)?_?key|access_?key|private_?key|credentials?)[A-Za-z0-9_]{0,20}["']?[ \t]{0,2}(?:=>|[=:])[ \t]{0,2}["']?([^\s"'`$<{]{6,200})/gi;
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;
// Short names for a password in notes: "gmail pw = …", "pwd: …".
// "pw for the router is …": a short qualifier may stand between.
// A quote may open the value (VBA's pass = "Pelican$Dune88").
const SHORT_PASSWORD = /(?<![\w])(?:pw|pwd|pword|pass)(?: (?:for|to|on) (?:the |my |our )?[\w.-]{1,24})?[ \t]{0,2}(?:=|:|\bis\b)[ \t]{0,2}["']?([!#-&(-~]{4,64})/gi;
// A long random-looking token after a word that names secrets (a table column "secret", "api key"):
// within the next lines, one run of 16+ letters and digits mixed, as keys are and words are not.
const SECRET_WORD = /\b(?:secrets?|tokens?|api[ _-]?keys?|passwords?|credentials?|private keys?)\b/gi;
const KEYLIKE = /(?<![\w+/=-])[A-Za-z0-9_+/=-]{20,200}(?![\w+/=-])/g;
const SECRET_WORD_REACH = 200;
const SECRET_STEMS = ['ecret', 'ECRET', 'oken', 'OKEN', 'pass', 'Pass', 'PASS', 'PWD', 'pwd', 'key', 'Key', 'KEY', 'redential', 'REDENTIAL'] as const;

/** A cheap first test for the secret words (string search, far cheaper than a regex over every prompt). */
function mentionsSecret(text: string): boolean {
  return SECRET_STEMS.some((stem) => text.includes(stem));
}

/** True when a token mixes letters and digits the way generated keys do: a long alphanumeric run, many distinct characters. */
function keyLike(token: string): boolean {
  let digits = 0;
  let letters = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (digit) digits++;
    if (letter) letters++;
    run = digit || letter ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return digits >= 3 && letters >= 3 && longest >= 16 && new Set(token).size >= 10;
}

// Placeholders in connection strings: "USER:PASSWORD@HOST", "user:pass@".
const CONNECTION_PLACEHOLDER = /^(?:[A-Z_]+|[Pp]ass(?:word)?|pwd|secret|\*+|x+)$/;

const trimValue = (v: string): string => v.replace(/[.,;:!?)\]}'"`]+$/, '');

/** Key-like tokens within SECRET_WORD_REACH characters after a word that names secrets. */
function findKeysNearSecretWords(text: string, found: SecretFound): void {
  SECRET_WORD.lastIndex = 0;
  const first = SECRET_WORD.exec(text);
  if (first === null) return;
  KEYLIKE.lastIndex = first.index;
  for (let m = KEYLIKE.exec(text); m !== null; m = KEYLIKE.exec(text)) {
    if (!keyLike(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - SECRET_WORD_REACH), m.index);
    SECRET_WORD.lastIndex = 0;
    if (SECRET_WORD.test(before)) found('a password or secret', m.index, m.index + m[0].length);
  }
}

// An account's recovery or backup codes under their name: three or more lines holding one code each (8 to 12 letters and
// digits, maybe split by a dash, maybe struck through with ~~ as the ones used).
const RECOVERY_CODES_WORD = /\b(?:recovery|backup|2fa|two-factor|one-time) codes?\b|恢复码|备用码|復原碼|備用碼/i;
const CODE_LINE = /^[ \t*•-]*(?:~~)?([A-Za-z0-9]{4,6}[- ]?[A-Za-z0-9]{4,6})(?:~~)?[ \t]*$/gm;

const DIGIT_CODE_LINE = /^[ \t*•-]*(\d{4} \d{4})[ \t]*$/gm;

/** Reports the codes `line` finds (its group 1, one a line, that `accept` takes) when there are at least `min` of them. */
function reportCodeLines(text: string, line: RegExp, min: number, found: SecretFound, accept: (code: string) => boolean = () => true): void {
  const codes: [number, number][] = [];
  eachMatch(line, text, (m) => {
    const code = m[1]!;
    const start = m.index + m[0].indexOf(code);
    if (accept(code)) codes.push([start, start + code.length]);
  });
  if (codes.length >= min) for (const [start, end] of codes) found('a recovery code', start, end);
}

/** Three or more recovery codes listed one a line after their name, or five of the eight-digit kind. */
function findRecoveryCodes(text: string, found: SecretFound): void {
  if (!RECOVERY_CODES_WORD.test(text)) return;
  reportCodeLines(text, CODE_LINE, 3, found, (code) => /\d/.test(code) && /[A-Za-z]/.test(code));
  // Google's and others' backup codes are eight digits, printed 4 + 4: five lines of them or more.
  reportCodeLines(text, DIGIT_CODE_LINE, 5, found);
}

/** Passwords, PINs and codes said in a sentence, connection strings with a password, seed phrases. */
export function findProseSecrets(text: string, found: SecretFound): void {
  PROSE_SECRET.lastIndex = 0;
  for (let m = PROSE_SECRET.exec(text); m !== null; m = PROSE_SECRET.exec(text)) {
    // The word must stand alone ("K_pin", "USER:PASSWORD@" are not it). The leading \b (cheap: it
    // lets the engine skip the middle of words) covers letters, digits and "_"; ":/@" are checked
    // here rather than in a look-behind, which makes this case-insensitive pattern several times slower.
    if (m.index > 0 && /[\w:/@]/.test(text[m.index - 1]!)) {
      PROSE_SECRET.lastIndex = m.index + 1;
      continue;
    }
    const value = trimValue(m[3] ?? m[2]!);
    const start = m.index + m[0].length - (m[3] ?? m[2]!).length;
    if (looksLikeSecretValue(value, true)) found('a password', start, start + value.length);
    else if (m[3] === undefined && /^[A-Za-z]+$/.test(value)) {
      const end = composedEnd(text, start + value.length);
      if (end > 0) found('a password', start, end);
    }
  }
  const secretWords = mentionsSecret(text);
  if (secretWords && (text.includes('=') || text.includes(':')))
    eachMatch(SECRET_ASSIGNMENT, text, (m) => {
      let from = m.index;
      while (from > 0 && m.index - from < 40 && IDENTIFIER_CHAR.test(text[from - 1]!)) from--;
      // A variable's name: upper case or joined with underscores (DB_PASSWORD, apiToken_prod), not a word in a sentence.
      const name = text.slice(from, m.index + m[0].search(/[ \t=:]/));
      if (!/[A-Z]/.test(name) && !name.includes('_')) return;
      // DB_PASSWORD_FILE: /run/secrets/db_pw names where the secret is kept, not the secret.
      if (/_(?:FILE|PATH|DIR)$/i.test(name) || /^(?:\/|~\/|\.\.?\/)/.test(m[1]!)) return;
      // A call or a variable in code (api_key = app_store_connect_api_key(, api_key: api_key)) is no value.
      if (/^[a-z_]+[(),]?$/.test(m[1]!)) return;
      const value = trimValue(m[1]!);
      if (looksLikeSecretValue(value, true)) found('a password or secret', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
    });
  eachMatch(SHORT_PASSWORD, text, (m) => {
    const value = trimValue(m[1]!);
    const start = m.index + m[0].length - m[1]!.length;
    if (looksLikeSecretValue(value, true)) found('a password', start, m.index + m[0].length);
    else if (/^[A-Za-z]+$/.test(value)) {
      const end = composedEnd(text, start + value.length);
      if (end > 0) found('a password', start, end);
    }
  });
  if (secretWords) findKeysNearSecretWords(text, found);
  findConfigSecrets(text, found);
  findCodeSecrets(text, found);
  const han = hasHan(text);
  // Said, not written: a changed password later in a voicemail, Cantonese and Traditional codes (privacy-credentials-said.ts).
  findSaidSecrets(text, han, found);
  if (han && SECRET_WORD_ZH.test(text)) {
    eachMatch(PROSE_SECRET_ZH, text, (m) => {
      const value = trimValue(m[2]!);
      const start = m.index + m[0].length - m[2]!.length;
      if (looksLikeSecretValue(value, true)) found('a password', start, start + value.length);
      else if (/^[A-Za-z]+$/.test(value)) {
        const end = composedEnd(text, start + value.length);
        if (end > 0) found('a password', start, end);
      }
    });
  }
  if (text.includes('://')) {
    eachMatch(CONNECTION_STRING, text, (m) => {
      if (!CONNECTION_PLACEHOLDER.test(m[2]!) && looksLikeSecretValue(m[2]!, true)) found('a connection string with a password', m.index, m.index + m[0].length);
    });
  }
  const lower = lowerCased(text);
  const seedStem = SEED_STEMS.some((stem) => lower.includes(stem));
  // Recovery codes are named in Chinese (恢复码, 備用碼) or as 2FA codes too, with no wallet's word in the text.
  if (seedStem || lower.includes('2fa') || (han && /恢复码|备用码|復原碼|備用碼/.test(text))) findRecoveryCodes(text, found);
  if (!seedStem) return;
  findSeedPhrasesAnyLayout(text, (start, end) => found('a wallet seed phrase', start, end));
  eachMatch(SEED_PHRASE, text, (m) => {
    const start = m.index + m[0].length - m[1]!.length;
    found('a wallet seed phrase', start, m.index + m[0].length);
  });
}
