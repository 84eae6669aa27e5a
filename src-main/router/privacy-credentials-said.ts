// Credentials said rather than written as "name: value", as families:
// - a password or code changed or given later in the sentence than its name, as a voicemail or a chat says it:
//   "the password on the router sticker is wrong, she changed it to sunflower1947", "the new one is 4 8 1 9",
//   "it's Kestrel77 now";
// - in Traditional Chinese and Cantonese: 密碼/門禁密碼/大閘密碼/夾萬密碼/PIN碼 then 係/改咗做/換成/而家係 and the
//   value (門禁密碼改咗啦，而家係 #5087*).
// Why apart from privacy-credentials.ts: its patterns want the value within a few words of the name; speech puts
// a clause between. The value must still look like a secret (a digit or a symbol), and a masked one (****,
// <redacted>) is taken back by privacy-takeback.ts.
import { looksLikeSecretValue } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import type { SecretFound } from './privacy-credentials.js';

// A credential's name, in the words people say it with.
const CREDENTIAL_WORD =
  /\b(?:pass(?:word|code|phrase)?s?|pins?|pin code|(?:door|alarm|gate|safe|lock|entry|keypad|garage|disarm|lockbox|key ?safe|intercom|wi-?fi|wifi|router|network|login) (?:code|key)|wi-?fi|ssid|login)\b/i;
// The change or the new value: "changed it to X", "set it to X", "the new one is X", "it's X now", "it is now X", and
// a network's key after its name ("new office wifi is up … SSID BRH-5G, key is lemonade-harbor-2291").
const SAID_VALUE =
  /\b(?:(?:changed|change|reset|set|switched|updated|made) (?:it|them|that|the (?:password|passcode|code|pin)) (?:to|as|into)|(?:the )?new (?:one|password|passcode|code|pin) (?:is|was|['’]s|will be)|it['’]?s now|it is now|now it['’]?s|(?:the )?key (?:is|was|['’]s))[ \t"'`]{1,3}((?:\d ){3,11}\d(?![\w])|[!#-&(-~]{4,64})/gi;
// How far before the change the credential's name may stand (the same message: a voicemail runs on).
const NAME_REACH = 160;

const trimValue = (v: string): string => v.replace(/[.,;:!?)\]}'"`]+$/, '');

/** "…the password… she changed it to X": a new value said after a credential's name in the same message. */
function findChangedSecrets(text: string, found: SecretFound): void {
  eachMatch(SAID_VALUE, text, (m) => {
    const value = trimValue(m[1]!);
    if (!looksLikeSecretValue(value, true)) return;
    if (!CREDENTIAL_WORD.test(text.slice(Math.max(0, m.index - NAME_REACH), m.index + m[0].length - m[1]!.length))) return;
    const start = m.index + m[0].length - m[1]!.length;
    found('a password', start, start + value.length);
  });
}

// Traditional and Cantonese: a password's or code's name, up to a clause, then the copula or the change, then the value.
const SECRET_ZH_HANT =
  /(密碼|密码|口令|密鑰|驗證碼|PIN碼|暗碼|開門碼|門禁碼|鎖碼)[^\n。！？]{0,20}?(?:改咗做|改咗|改成|改為|設成|設為|換成|換咗|轉咗做|係|是|為|：|:|=)\s{0,2}((?:\d ){3,11}\d(?![\w])|[!#-&(-~]{4,64})/g;
const ZH_HANT_WORDS = /密碼|密鑰|驗證碼|PIN碼|暗碼|開門碼|門禁碼|鎖碼|係/;

/** Passwords and codes in Traditional Chinese and Cantonese. */
function findSecretsHant(text: string, found: SecretFound): void {
  if (!ZH_HANT_WORDS.test(text)) return;
  eachMatch(SECRET_ZH_HANT, text, (m) => {
    const value = trimValue(m[2]!);
    if (!looksLikeSecretValue(value, true)) return;
    const start = m.index + m[0].length - m[2]!.length;
    found('a password', start, start + value.length);
  });
}

// In the European languages: the password's or code's name, what it opens (up to a few words), the copula, the value.
// "le code du coffre c'est 0-3-3-6-6", "das WLAN-Passwort lautet …", "la contraseña de la alarma es …", "koden är 4471".
// Not a postcode, a tax code, a promo code or an error's code: those are no one's secret.
const SECRET_EU = new RegExp(
  String.raw`(?<![\p{L}])(?:code|mot de passe|digicode|Code|PIN|Passwort|Kennwort|Zugangscode|c[óo]digo|contrase[ñn]a|clave|codice|password|wachtwoord|toegangscode|pincode|koden|l[öo]senordet|adgangskoden|kod|has[łl]o)` +
    String.raw`(?! (?:postal|postale|fiscal|fiscale|IBAN|BIC|SWIFT|source|promo|promotionnel|d['’]erreur|de error|di errore|Fehler|pocztowy|NAF|APE|ATECO)(?![\p{L}]))` +
    String.raw`(?:[ '’][\p{L}'’-]{1,16}){0,4}?[ \t]{0,2}(?:c['’]est|est|ist|lautet|es|è|e['’]|är|(?<=(?:wachtwoord|toegangscode|pincode)[^\n]{0,60})is|(?<=adgangskoden[^\n]{0,60})er|(?<=(?:kod|has[łl]o)[^\n]{0,60})(?:to|jest)|:)[ \t]{1,2}((?:\d[ -]){3,11}\d(?![\w])|[!#-&(-~]{4,64})`,
  'giu',
);
const SECRET_EU_HINT =
  /mot de passe|digicode|[Cc]ode c['’]est|[Cc]ode (?:ist|lautet|es|è|är)\b|[Cc]ode (?:d[eu'’]|f[üu]r)|Passwort|Kennwort|contrase|c[óo]digo|clave|codice|wachtwoord|koden|l[öo]senord|has[łl]o|kod do/;
// What a code opens: with one of these, a code of plain digits is a door's or a safe's.
const LOCK_WORD_EU = /coffre|porte|portail|alarme|Tresor|Safe|T[üu]r|Alarm|caja fuerte|alarma|puerta|cassaforte|allarme|porta|kluis|deur|l[åa]s|d[öo]rr|larm|sejf|drzwi/i;

/** Passwords and codes said in French, German, Spanish, Italian, Dutch, Swedish, Danish or Polish. */
function findSecretsEu(text: string, found: SecretFound): void {
  eachMatch(SECRET_EU, text, (m) => {
    const value = trimValue(m[1]!);
    const lockDigits = /^\d{4,10}$/.test(value) && LOCK_WORD_EU.test(m[0]);
    if (!/\d[ -]\d/.test(value) && !lockDigits && !looksLikeSecretValue(value, true)) return;
    const start = m.index + m[0].length - m[1]!.length;
    found('a password', start, start + value.length);
  });
}

// Cheap first tests: a credential's stem and a change's words, before the patterns.
const CREDENTIAL_STEMS = ['ass', 'ASS', 'pin', 'PIN', 'Pin', 'code', 'Code', 'CODE', 'ifi', 'iFi', 'i-Fi', 'i-fi', 'ogin', 'SSID'] as const;
// One pattern of literals, not a list of includes: a single pass over a long prompt (13 passes cost twice the time).
const CHANGE_HINT = /it to|IT TO|ew (?:one|pass|code|pin)|s now|[Nn]ow it|key(?: is| was|['’]s)/;

// A code told as what to key in at a panel or a door: "the alarm panel is on the left of the door, you type 4 9 9 1 and
// then hash", "at the gate punch in 7302". The value is all digits (a word typed is no code), and a lock's word is near.
const KEYED_IN = /\b(?:type|enter|key in|punch in|tap in|put in|press)(?: in)?(?: the code)?[ \t:]{1,2}((?:\d ){3,9}\d(?![\w])|\d{4,10}(?![\w.,]\d))/gi;
const LOCK_WORD = /\b(?:alarm|keypad|key ?pad|panel|door|gate|garage|lockbox|key ?safe|key ?box|safe|intercom|buzzer|entry)\b/i;
// The code's digits (said ones are digits here too: the detectors read the text with number words as digits).
const CODE_DIGITS = /\d(?: ?\d){3}/;
const KEYED_STEMS = ['type', 'enter', 'key in', 'punch in', 'tap in', 'put in', 'press'] as const;
const LOCK_STEMS = ['alarm', 'Alarm', 'key', 'Key', 'panel', 'door', 'Door', 'gate', 'Gate', 'garage', 'safe', 'intercom', 'buzzer', 'entry'] as const;

// A smart lock's history names the code each user opened with: "Unlocked via keypad – user "Bea" (code 719364)".
const LOCK_LOG_CODE = /\b(?:via keypad|keypad|keycode|PIN pad)\b[^\n]{0,60}?\((?:code|PIN)[: ]{1,2}(\d{4,10})\)/gi;

/** The codes a smart lock's history gives for each unlock. */
function findLockLogCodes(text: string, found: SecretFound): void {
  eachMatch(LOCK_LOG_CODE, text, (m) => {
    const start = m.index + m[0].length - m[1]!.length - 1;
    found('a password', start, start + m[1]!.length);
  });
}

/** "…the alarm panel… you type 4 9 9 1": digits to key in, with a lock's word in the same message. */
function findKeyedInCodes(text: string, found: SecretFound): void {
  eachMatch(KEYED_IN, text, (m) => {
    if (!LOCK_WORD.test(text.slice(Math.max(0, m.index - NAME_REACH), m.index + m[0].length + 40))) return;
    const start = m.index + m[0].length - m[1]!.length;
    found('a password', start, start + m[1]!.length);
  });
}

// A lock's code given after the lock in the same sentence, with no "is" between: "the key safe by the back door, code
// 7316", "the Chubb safe stays put; combination is 34-71-09". Digits only, so "code of conduct" is nothing.
const CODE_AFTER_LOCK = /\b(?:code|combination|combo)(?: is)?[ :#]{1,3}(\d{1,3}(?:-\d{1,3}){2,4}|\d{4,8})(?![\w-]|[.,]\d)/gi;
const LOCK_IN_SENTENCE = /\b(?:key ?safe|key ?box|lockbox|safe|padlock|locker|gate|door|alarm|keypad|garage)\b[^\n.?!]{0,60}$/i;

// …or the lock's own: "our garage keypad is 7391 then the hash key", "my key safe's 4471".
const LOCK_IS =
  /\b(?:my|our|his|her|their|the)\s(?:[\p{L}'’]+\s){0,2}(?:keypad|key ?safe|lockbox|key ?box|padlock|alarm|gate|door)(?:['’]s| (?:code|pin|combination))? (?:is|=|:)\s{0,2}(\d{4,8})(?![\w-]|[.,]\d)/giu;

/** "…the key safe to the left of the back door, code 7316": a lock, then its code later in the sentence. */
function findCodesAfterLocks(text: string, found: SecretFound): void {
  eachMatch(CODE_AFTER_LOCK, text, (m) => {
    if (!LOCK_IN_SENTENCE.test(text.slice(Math.max(0, m.index - 80), m.index))) return;
    const start = m.index + m[0].length - m[1]!.length;
    found('a password', start, start + m[1]!.length);
  });
}

function findLockCodes(text: string, found: SecretFound): void {
  eachMatch(LOCK_IS, text, (m) => {
    const start = m.index + m[0].length - m[1]!.length;
    found('a password', start, start + m[1]!.length);
  });
}

// A password or passphrase asked about as a candidate: 'is "Bramble-6703-otter-Quay" strong enough as the passphrase
// for my account'. The writer means to use it, so it is theirs.
const CANDIDATE_PASSWORD =
  /\b(?:is|are|would) ["'“‘]([^"'”’\s]{8,64})["'”’] (?:(?:be )?(?:strong|secure|safe|good|random|long) enough|a (?:strong|secure|safe|good) (?:one|choice))\b[^\n.?!]{0,40}?\b(?:pass(?:word|phrase|code)|PIN)\b/gi;

/** Credentials said in speech or chat (see the top of this file); `han`: the text has Chinese characters. */
export function findSaidSecrets(text: string, han: boolean, found: SecretFound): void {
  if (CHANGE_HINT.test(text) && CREDENTIAL_STEMS.some((s) => text.includes(s))) findChangedSecrets(text, found);
  if (CODE_DIGITS.test(text) && KEYED_STEMS.some((s) => text.includes(s)) && LOCK_STEMS.some((s) => text.includes(s))) findKeyedInCodes(text, found);
  if ((text.includes('eypad') || text.includes('PIN pad') || text.includes('eycode')) && text.includes('(')) findLockLogCodes(text, found);
  if (han) findSecretsHant(text, found);
  if (SECRET_EU_HINT.test(text)) findSecretsEu(text, found);
  if ((text.includes('code') || text.includes('ombination') || text.includes('combo')) && /\d\d/.test(text)) findCodesAfterLocks(text, found);
  if (/(?:pad|safe|box|lock|alarm|gate|door)(?:['’]s| code| pin| combination)? (?:is|=|:)\s{0,2}\d{4}/i.test(text)) findLockCodes(text, found);
  // A candidate is quoted and judged: one cheap look for the judging words and a quote before the pattern runs.
  if ((text.includes(' enough') || text.includes(' choice') || text.includes(' one')) && /["'“‘]/.test(text)) {
    eachMatch(CANDIDATE_PASSWORD, text, (m) => {
      if (!/\d|[^\w-]/.test(m[1]!.replace(/-/g, '')) && !/[A-Z].*\d|\d.*[A-Z]/.test(m[1]!)) return;
      const start = m.index + m[0].indexOf(m[1]!);
      found('a password', start, start + m[1]!.length);
    });
  }
}
