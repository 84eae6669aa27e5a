// Secrets in the config and scripts people paste to ask why a login fails (read by privacy-credentials.ts):
// - a Spring or .NET XML property named for a secret: <property name="password" value="RuHW7Aznn1@163"/>;
// - PowerShell's ConvertTo-SecureString "Tr0mbone!Vale4322" -AsPlainText, the password in clear;
// - Cisco IOS lines with a type 0 (clear) or type 7 (reversible) secret: "enable secret 0 H4rb0urL1ght$50",
//   "username netadmin privilege 15 password 0 …". Types 5, 8 and 9 are one-way hashes and stay out;
// - PHP: define( 'DB_PASSWORD', '…' ) in wp-config.php, 'dbpassword' => '…' in an array (Nextcloud's config.php);
// - a Go or MySQL DSN without a scheme: "root:1WlRfd0SCW@tcp(10.0.3.7:3306)/erp_prod";
// - a ~/.pgpass line (host:port:database:user:password) and a Bundler source's "user:password";
// - a camelCase key's quoted value (Gradle's storePassword "…");
// - Redis ACL passwords (>…), OpenWrt's option key, PHP's $cfg['…secret'] = ….
// Logins in base64, handed to code or to a command line are read in privacy-credentials-code.ts.
// Each sits behind a cheap test of the text; the value must still look like a secret (not ${DB_PASSWORD}, not *****).
import { foundSecretValue } from './privacy-checks.js';
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
// A camelCase key named for a secret, then its quoted value: Gradle's storePassword "Fennel4466!8jwD", keyPassword = '…'.
const CAMEL_SECRET = /\b[a-z][A-Za-z]{0,30}(?:Password|Passwd|Secret|Token|ApiKey|AccessKey)["']?[ \t]*(?:[=:][ \t]*|[ \t])["']([^"'\s$]{4,200})["']/g;
const CAMEL_STEMS = ['Password', 'Passwd', 'Secret', 'Token', 'ApiKey', 'AccessKey'] as const;
// Redis ACL users with a password after '>': user reporting on >ledger-Mint-5530 ~report:* …
const REDIS_ACL_PASSWORD = /^[ \t]*user \S{1,40} (?:on|off)\b[^\n]*?[ \t]>([^\s]{4,128})/gm;
// OpenWrt's UCI config: option key 'Zwetschge-Karussell-58' (a Wi-Fi key), option password '…'.
const UCI_SECRET = /^[ \t]*option (?:key|password|psk|wpa_passphrase|sae_password)[ \t]+['"]?([^'"\s]{4,200})['"]?/gm;
// PHP arrays assigned by key: $cfg['blowfish_secret'] = '…'; $cfg['Servers'][$i]['controlpass'] = '…'.
const PHP_ASSIGN_SECRET = /\[['"]\w*(?:secret|pass(?:word)?|passwd|token|api_?key)\w*['"]\]\s*=\s*['"]([^'"\n]{6,200})['"]/gi;
const IOS_SECRET =
  /^[ \t]*(?:enable (?:secret|password)|username \S{1,40}(?: privilege \d{1,2})? (?:password|secret)|password|key-string|key)[ \t]+[07][ \t]+(\S{4,128})[ \t]*$/gim;

/** Secrets in config files (XML properties, PHP, DSNs without a scheme, .pgpass, Bundler, Redis ACLs, UCI, Cisco IOS) and PowerShell. */
export function findConfigSecrets(text: string, found: SecretFound): void {
  const report = (m: RegExpExecArray, label: string): void => foundSecretValue(m, label, found);
  if (text.includes('value=')) eachMatch(XML_SECRET_PROPERTY, text, (m) => report(m, 'a password or secret'));
  if (text.includes('SecureString')) eachMatch(SECURE_STRING, text, (m) => report(m, 'a password'));
  if (text.includes('define(')) eachMatch(PHP_DEFINE, text, (m) => report(m, 'a password or secret'));
  if (text.includes('=>')) eachMatch(PHP_ARRAY_SECRET, text, (m) => report(m, 'a password or secret'));
  if (text.includes('@tcp(') || text.includes('@unix(')) eachMatch(DSN_NO_SCHEME, text, (m) => report(m, 'a connection string with a password'));
  if ((text.includes(':*:') || text.includes('pgpass') || text.includes(':5432:')) && PGPASS_GATE.test(text))
    eachMatch(PGPASS_LINE, text, (m) => report(m, 'a password'));
  if (text.includes('BUNDLE_')) eachMatch(BUNDLER_SOURCE, text, (m) => report(m, 'a password or secret'));
  if (text.includes(' >') && text.includes('user ')) eachMatch(REDIS_ACL_PASSWORD, text, (m) => report(m, 'a password'));
  if (text.includes('option ')) eachMatch(UCI_SECRET, text, (m) => report(m, 'a password'));
  if (text.includes("'] =") || text.includes('"] =')) eachMatch(PHP_ASSIGN_SECRET, text, (m) => report(m, 'a password or secret'));
  if (CAMEL_STEMS.some((stem) => text.includes(stem))) eachMatch(CAMEL_SECRET, text, (m) => report(m, 'a password or secret'));
  if (/ [07] \S/.test(text) && /\b(?:secret|password|key)\b/.test(text)) eachMatch(IOS_SECRET, text, (m) => report(m, 'a password or secret'));
}
