// Secrets in the config and scripts people paste to ask why a login fails (read by privacy-credentials.ts):
// - a Spring or .NET XML property named for a secret: <property name="password" value="RuHW7Aznn1@163"/>;
// - PowerShell's ConvertTo-SecureString "Tr0mbone!Vale4322" -AsPlainText, the password in clear;
// - Cisco IOS lines with a type 0 (clear) or type 7 (reversible) secret: "enable secret 0 H4rb0urL1ght$50",
//   "username netadmin privilege 15 password 0 …". Types 5, 8 and 9 are one-way hashes and stay out;
// - PHP: define( 'DB_PASSWORD', '…' ) in wp-config.php, 'dbpassword' => '…' in an array (Nextcloud's config.php);
// - a Go or MySQL DSN without a scheme: "root:1WlRfd0SCW@tcp(10.0.3.7:3306)/erp_prod".
// Each sits behind a cheap test of the text; the value must still look like a secret (not ${DB_PASSWORD}, not *****).
import { looksLikeSecretValue } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import type { SecretFound } from './privacy-credentials.js';

const XML_SECRET_PROPERTY =
  /\bname=["'](?:[\w.-]*[._-])?(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)["'][ \t]+value=["']([^"'\s$<{]{4,200})["']/gi;
const SECURE_STRING = /\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?["']([^"'\s$]{4,128})["'][ \t]+-AsPlainText\b/gi;
const PHP_DEFINE = /\bdefine\(\s*['"]\w*(?:PASSWORD|PASS|SECRET|KEY|SALT|TOKEN)\w*['"]\s*,\s*['"]([^'"\n]{6,200})['"]\s*\)/gi;
const PHP_ARRAY_SECRET = /['"]\w*(?:password|passwd|secret|salt|token|api_?key)\w*['"]\s*=>\s*['"]([^'"\s]{6,200})['"]/gi;
const DSN_NO_SCHEME = /(?<![\w/.:-])[\w.-]{1,40}:([^\s:@/"']{4,128})@(?:tcp|unix)\(/g;
const IOS_SECRET =
  /^[ \t]*(?:enable (?:secret|password)|username \S{1,40}(?: privilege \d{1,2})? (?:password|secret)|password|key-string|key)[ \t]+[07][ \t]+(\S{4,128})[ \t]*$/gim;

/** Secrets in XML properties, PowerShell, PHP, DSNs without a scheme and Cisco IOS config. */
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
  if (/ [07] \S/.test(text) && /\b(?:secret|password|key)\b/.test(text)) eachMatch(IOS_SECRET, text, (m) => report(m, 'a password or secret'));
}
