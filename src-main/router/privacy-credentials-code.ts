// Secrets handed to code or a command line, or written in base64, that people paste to ask why a login fails (read by
// privacy-credentials.ts beside the config files of privacy-credentials-config.ts):
// - a login given in base64: docker's config.json "auth": "bWtvdmFj…", an "Authorization: Basic …" header, FileZilla's
//   <Pass encoding="base64">;
// - a login handed to code: Jenkins' new UsernamePasswordCredentialsImpl(…, "svc-release", "wY7#…"), .NET's
//   NetworkCredential, Java's PasswordAuthentication, requests' auth=('user', 'pass');
// - a CLI's --password or a secrets command's --data (drone secret add … --data '…');
// - an authenticator's setup key typed in groups of four (Enter this key manually: KEY4 CAT3 …).
// Each sits behind a cheap test of the text; the value must still look like a secret.
import { foundSecretValue, looksLikeSecretValue } from './privacy-checks.js';
import { eachMatch } from './privacy-match.js';
import type { SecretFound } from './privacy-credentials.js';

const DOCKER_AUTH = /"auth"\s*:\s*"([A-Za-z0-9+/]{8,300}={0,2})"/g;
const BASIC_AUTH = /\bBasic[ \t]+([A-Za-z0-9+/]{8,300}={0,2})(?![\w+/=])/g;
const CREDENTIAL_CALL =
  /\b(?:UsernamePassword\w*|NetworkCredential|PasswordAuthentication|PasswordCredential|HTTPBasicAuth|HTTPDigestAuth|BasicAuthentication)\s*\(((?:[^()]|\([^()]{0,40}\)){0,400})\)/g;
const AUTH_TUPLE = /\bauth\s*=\s*\(\s*["'][^"'\n]{1,64}["']\s*,\s*["']([^"'\n]{4,128})["']\s*\)/g;
// FileZilla's saved password, base64 in its XML: <Pass encoding="base64">R3VsbGhl…</Pass>.
const XML_PASS_BASE64 = /<Pass(?:word)? encoding=["']base64["']>([A-Za-z0-9+/]{4,200}={0,2})<\/Pass(?:word)?>/g;
// An authenticator's setup key typed in groups (Enter this key manually: KEY4 CAT3 QWO5 …): base32, six groups or more.
const TOTP_SETUP_KEY = /\b(?:key|secret|code)\b[^\n]{0,40}?[:：]\s{0,2}((?:[A-Z2-7]{4}[ \t]){5,11}[A-Z2-7]{2,4})(?![A-Za-z0-9])/gi;
// A secret handed to a CLI: --password …, --token … (not --secret, a flag of its own in pulumi config set --secret KEY), and a secrets command's --data/--value (drone secret add … --data '…').
const CLI_SECRET_FLAG = /(?<![\w-])--(?:password|passwd|pass|token|api-key)[= ]["']?([^"'\s]{4,200})["']?/g;
const CLI_SECRET_DATA = /\bsecrets? (?:add|set|create|update)\b[^\n]{0,200}?--(?:data|value)[= ]["']?([^"'\s]{4,200})["']?/g;
// A secret in its own XML element: Maven's settings.xml <password>Tawe!river82</password>, <clientSecret>…</clientSecret>.
const XML_SECRET_ELEMENT = /<(password|passwd|pwd|secret|token|apiKey|api_key|clientSecret|client_secret|passphrase|privateKey)>([^<\s]{4,200})<\/\1>/gi;
// A secret piped into a secrets command: printf 'Gr33n…' | docker secret create db_pw -, echo -n … | kubectl create secret ….
const PIPED_SECRET =
  /\b(?:printf|echo(?: -n)?)\s+(["'])([^"'\n]{6,200})\1\s*\|\s*(?:docker secret create|kubectl create secret|gh secret set|vault kv put|pass insert|security add-generic-password)\b/g;
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

/** Logins in base64, handed to code or to a command line, and authenticator setup keys. */
export function findCodeSecrets(text: string, found: SecretFound): void {
  const report = (m: RegExpExecArray, label: string): void => foundSecretValue(m, label, found);
  if (text.includes('--')) {
    eachMatch(CLI_SECRET_FLAG, text, (m) => report(m, 'a password or secret'));
    eachMatch(CLI_SECRET_DATA, text, (m) => report(m, 'a password or secret'));
  }
  if (text.includes('</'))
    eachMatch(XML_SECRET_ELEMENT, text, (m) => {
      if (!looksLikeSecretValue(m[2]!, true)) return;
      const start = m.index + m[1]!.length + 2;
      found('a password or secret', start, start + m[2]!.length);
    });
  if (text.includes('|'))
    eachMatch(PIPED_SECRET, text, (m) => {
      if (!looksLikeSecretValue(m[2]!, true)) return;
      const start = m.index + m[0].indexOf(m[2]!);
      found('a password or secret', start, start + m[2]!.length);
    });
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
  if (text.includes('encoding=')) {
    eachMatch(XML_PASS_BASE64, text, (m) => {
      const start = m.index + m[0].indexOf('>') + 1;
      if (looksLikeSecretValue(Buffer.from(m[1]!, 'base64').toString('latin1'), true)) found('a password in base64', start, start + m[1]!.length);
    });
  }
  if ((text.includes('key') || text.includes('Key') || text.includes('secret') || text.includes('Secret')) && /[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}/.test(text))
    eachMatch(TOTP_SETUP_KEY, text, (m) => report(m, 'a two-factor setup key'));
}
