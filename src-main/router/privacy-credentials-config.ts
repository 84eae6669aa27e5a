// Secrets in the config and scripts people paste to ask why a login fails (read by privacy-credentials.ts):
// - a Spring or .NET XML property named for a secret: <property name="password" value="RuHW7Aznn1@163"/>;
// - PowerShell's ConvertTo-SecureString "Tr0mbone!Vale4322" -AsPlainText, the password in clear;
// - Cisco IOS lines with a type 0 (clear) or type 7 (reversible) secret: "enable secret 0 H4rb0urL1ght$50",
//   "username netadmin privilege 15 password 0 …". Types 5, 8 and 9 are one-way hashes and stay out;
// - PHP: define( 'DB_PASSWORD', '…' ) in wp-config.php, 'dbpassword' => '…' in an array (Nextcloud's config.php);
// - a Go or MySQL DSN without a scheme: "root:1WlRfd0SCW@tcp(10.0.3.7:3306)/erp_prod";
// - a ~/.pgpass line (host:port:database:user:password) and a Bundler source's "user:password";
// - a login given in base64: docker's config.json "auth": "bWtvdmFj…", an "Authorization: Basic …" header;
// - a camelCase key's quoted value (Gradle's storePassword "…"), FileZilla's base64 <Pass>, an authenticator's setup key
//   typed in groups of four;
// - Redis ACL passwords (>…), a CLI's --password or a secrets command's --data, OpenWrt's option key, PHP's $cfg['…secret'] = …;
// - a login handed to code: Jenkins' new UsernamePasswordCredentialsImpl(…, "svc-release", "wY7#…"), .NET's
//   NetworkCredential, Java's PasswordAuthentication, requests' auth=('user', 'pass').
// Each sits behind a cheap test of the text; the value must still look like a secret (not ${DB_PASSWORD}, not *****).
import { looksLikeSecretValue } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import type { SecretFound } from './privacy-credentials.js';

/** An XML property named for a secret, up to its value's opening quote (<property name="password" value="…). */
export const XML_SECRET_PROPERTY_NAME = String.raw`\bname=["'](?:[\w.-]*[._-])?(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)["'][ \t]+value=["']`;
const XML_SECRET_PROPERTY = new RegExp(String.raw`${XML_SECRET_PROPERTY_NAME}([^"'\s$<{]{4,200})["']`, 'gi');
const SECURE_STRING = /\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?["']([^"'\s$]{4,128})["'][ \t]+-AsPlainText\b/gi;
const PHP_DEFINE = /\bdefine\(\s*['"]\w*(?:PASSWORD|PASS|SECRET|KEY|SALT|TOKEN)\w*['"]\s*,\s*['"]([^'"\n]{6,200})['"]\s*\)/gi;
const PHP_ARRAY_SECRET = /['"]\w*(?:password|passwd|secret|salt|token|api_?key)\w*['"]\s*=>\s*['"]([^'"\s]{6,200})['"]/gi;
// The password may hold an @ itself (order_svc:Pm2zRCLu@96@tcp(…)): the last @ before tcp( ends it.
const DSN_NO_SCHEME = /(?<![\w/.:-])[\w.-]{1,40}:([^\s:/"']{4,128}?)@(?:tcp|unix)\(/g;
// host:port:database:user:password, the host with a letter in it (not a time of day); * stands for any.
const PGPASS_LINE = /^[ \t]*(?=[^:\n]*[A-Za-z*])(?:[\w.-]+|\*):(?:\d{2,5}|\*):(?:[\w.-]+|\*):(?=[^:\n]*[A-Za-z*])(?:[\w.@-]+|\*):(\S{4,128})[ \t]*$/gm;
const PGPASS_GATE = /:(?:\d{2,5}|\*):[^\s:]+:[^\s:]+:\S/;
// BUNDLE_GEMS__CONTRIBSYS__COM: "e631e347:c84c99a4" (the host's dots written as __).
const BUNDLER_SOURCE = /\bBUNDLE_[A-Z0-9_]*__[A-Z0-9_]+["']?[ \t]*[:=][ \t]*["']?[^"'\s:]{1,64}:([^"'\s]{4,128})/g;
const DOCKER_AUTH = /"auth"\s*:\s*"([A-Za-z0-9+/]{8,300}={0,2})"/g;
const BASIC_AUTH = /\bBasic[ \t]+([A-Za-z0-9+/]{8,300}={0,2})(?![\w+/=])/g;
const CREDENTIAL_CALL =
  /\b(?:UsernamePassword\w*|NetworkCredential|PasswordAuthentication|PasswordCredential|HTTPBasicAuth|HTTPDigestAuth|BasicAuthentication)\s*\(((?:[^()]|\([^()]{0,40}\)){0,400})\)/g;
const AUTH_TUPLE = /\bauth\s*=\s*\(\s*["'][^"'\n]{1,64}["']\s*,\s*["']([^"'\n]{4,128})["']\s*\)/g;
// A camelCase key named for a secret, then its quoted value: Gradle's storePassword "Fennel4466!8jwD", keyPassword = '…'.
const CAMEL_SECRET = /\b[a-z][A-Za-z]{0,30}(?:Password|Passwd|Secret|Token|ApiKey|AccessKey)["']?[ \t]*(?:[=:][ \t]*|[ \t])["']([^"'\s$]{4,200})["']/g;
const CAMEL_STEMS = ['Password', 'Passwd', 'Secret', 'Token', 'ApiKey', 'AccessKey'] as const;
// FileZilla's saved password, base64 in its XML: <Pass encoding="base64">R3VsbGhl…</Pass>.
const XML_PASS_BASE64 = /<Pass(?:word)? encoding=["']base64["']>([A-Za-z0-9+/]{4,200}={0,2})<\/Pass(?:word)?>/g;
// An authenticator's setup key typed in groups (Enter this key manually: KEY4 CAT3 QWO5 …): base32, six groups or more.
const TOTP_SETUP_KEY = /\b(?:key|secret|code)\b[^\n]{0,40}?[:：]\s{0,2}((?:[A-Z2-7]{4}[ \t]){5,11}[A-Z2-7]{2,4})(?![A-Za-z0-9])/gi;
// Redis ACL users with a password after '>': user reporting on >ledger-Mint-5530 ~report:* …
const REDIS_ACL_PASSWORD = /^[ \t]*user \S{1,40} (?:on|off)\b[^\n]*?[ \t]>([^\s]{4,128})/gm;
// A secret handed to a CLI: --password …, --token … (not --secret, a flag of its own in pulumi config set --secret KEY), and a secrets command's --data/--value (drone secret add … --data '…').
const CLI_SECRET_FLAG = /(?<![\w-])--(?:password|passwd|pass|token|api-key)[= ]["']?([^"'\s]{4,200})["']?/g;
const CLI_SECRET_DATA = /\bsecrets? (?:add|set|create|update)\b[^\n]{0,200}?--(?:data|value)[= ]["']?([^"'\s]{4,200})["']?/g;
// OpenWrt's UCI config: option key 'Zwetschge-Karussell-58' (a Wi-Fi key), option password '…'.
const UCI_SECRET = /^[ \t]*option (?:key|password|psk|wpa_passphrase|sae_password)[ \t]+['"]?([^'"\s]{4,200})['"]?/gm;
// PHP arrays assigned by key: $cfg['blowfish_secret'] = '…'; $cfg['Servers'][$i]['controlpass'] = '…'.
const PHP_ASSIGN_SECRET = /\[['"]\w*(?:secret|pass(?:word)?|passwd|token|api_?key)\w*['"]\]\s*=\s*['"]([^'"\n]{6,200})['"]/gi;
const IOS_SECRET =
  /^[ \t]*(?:enable (?:secret|password)|username \S{1,40}(?: privilege \d{1,2})? (?:password|secret)|password|key-string|key)[ \t]+[07][ \t]+(\S{4,128})[ \t]*$/gim;

/** The password of a base64 "user:password" (docker's "auth", HTTP Basic), or null. */
function encodedLoginPassword(encoded: string): string | null {
  const login = /^[!-9;-~]{1,64}:([!-~]{4,128})$/.exec(Buffer.from(encoded, 'base64').toString('latin1'));
  return login === null ? null : login[1]!;
}

/** A call's top-level arguments ("a", f("b", c), "d" → three), with where each starts in `args`. */
function topLevelArguments(args: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push({ text: args.slice(from, i), offset: from });
      from = i + 1;
    }
  }
  out.push({ text: args.slice(from), offset: from });
  return out;
}

// An argument that is a string literal itself (not one passed to a call inside it, as getenv("NEXUS_PW") is).
const LITERAL_ARGUMENT = /^\s*["']([^"'\n]{4,128})["'](?:\.toCharArray\(\))?\s*$/;

/** The password a credential's constructor is given as a literal: its last argument, NetworkCredential's second. */
function passwordArgument(call: string, args: string): { value: string; offset: number } | null {
  const all = topLevelArguments(args);
  if (all.length < 2) return null;
  const arg = call.startsWith('NetworkCredential') ? all[1]! : all[all.length - 1]!;
  const literal = LITERAL_ARGUMENT.exec(arg.text);
  return literal === null ? null : { value: literal[1]!, offset: arg.offset + arg.text.indexOf(literal[1]!) };
}

/** Secrets in config files (XML properties, PHP, DSNs without a scheme, .pgpass, Bundler, Cisco IOS), PowerShell, logins in base64 and logins handed to code. */
export function findConfigSecrets(text: string, found: SecretFound): void {
  const report = (m: RegExpExecArray, label: string): void => {
    const value = m[1]!;
    const start = m.index + m[0].lastIndexOf(value);
    if (looksLikeSecretValue(value, true)) found(label, start, start + value.length);
  };
  if (text.includes('value=')) eachMatch(XML_SECRET_PROPERTY, text, (m) => report(m, 'a password or secret'));
  if (text.includes('SecureString')) eachMatch(SECURE_STRING, text, (m) => report(m, 'a password'));
  if (text.includes('define(')) eachMatch(PHP_DEFINE, text, (m) => report(m, 'a password or secret'));
  if (text.includes('=>')) eachMatch(PHP_ARRAY_SECRET, text, (m) => report(m, 'a password or secret'));
  if (text.includes('@tcp(') || text.includes('@unix(')) eachMatch(DSN_NO_SCHEME, text, (m) => report(m, 'a connection string with a password'));
  if ((text.includes(':*:') || text.includes('pgpass') || text.includes(':5432:')) && PGPASS_GATE.test(text))
    eachMatch(PGPASS_LINE, text, (m) => report(m, 'a password'));
  if (text.includes('BUNDLE_')) eachMatch(BUNDLER_SOURCE, text, (m) => report(m, 'a password or secret'));
  if (text.includes(' >') && text.includes('user ')) eachMatch(REDIS_ACL_PASSWORD, text, (m) => report(m, 'a password'));
  if (text.includes('--')) {
    eachMatch(CLI_SECRET_FLAG, text, (m) => report(m, 'a password or secret'));
    eachMatch(CLI_SECRET_DATA, text, (m) => report(m, 'a password or secret'));
  }
  if (text.includes('option ')) eachMatch(UCI_SECRET, text, (m) => report(m, 'a password'));
  if (text.includes("'] =") || text.includes('"] =')) eachMatch(PHP_ASSIGN_SECRET, text, (m) => report(m, 'a password or secret'));
  const reportEncoded = (m: RegExpExecArray): void => {
    const password = encodedLoginPassword(m[1]!);
    const start = m.index + m[0].lastIndexOf(m[1]!);
    if (password !== null && looksLikeSecretValue(password, true)) found('a login in base64', start, start + m[1]!.length);
  };
  if (text.includes('"auth"')) eachMatch(DOCKER_AUTH, text, reportEncoded);
  if (text.includes('Basic ')) eachMatch(BASIC_AUTH, text, reportEncoded);
  if (text.includes('auth')) eachMatch(AUTH_TUPLE, text, (m) => report(m, 'a password'));
  if (text.includes('Credential') || text.includes('Auth')) {
    eachMatch(CREDENTIAL_CALL, text, (m) => {
      const password = passwordArgument(m[0], m[1]!);
      if (password === null || !looksLikeSecretValue(password.value, true)) return;
      const start = m.index + m[0].indexOf('(') + 1 + password.offset;
      found('a password', start, start + password.value.length);
    });
  }
  if (CAMEL_STEMS.some((stem) => text.includes(stem))) eachMatch(CAMEL_SECRET, text, (m) => report(m, 'a password or secret'));
  if (text.includes('encoding=')) {
    eachMatch(XML_PASS_BASE64, text, (m) => {
      const start = m.index + m[0].indexOf('>') + 1;
      if (looksLikeSecretValue(Buffer.from(m[1]!, 'base64').toString('latin1'), true)) found('a password in base64', start, start + m[1]!.length);
    });
  }
  if ((text.includes('key') || text.includes('Key') || text.includes('secret') || text.includes('Secret')) && /[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}/.test(text))
    eachMatch(TOTP_SETUP_KEY, text, (m) => report(m, 'a two-factor setup key'));
  if (/ [07] \S/.test(text) && /\b(?:secret|password|key)\b/.test(text)) eachMatch(IOS_SECRET, text, (m) => report(m, 'a password or secret'));
}
