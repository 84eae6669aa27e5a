// What holdout-21's and holdout-22's blind runs showed of secrets (stop 31). Missed: a ~/.pgpass line, a Bundler
// source's "user:password", docker's config.json "auth" (a login in base64), Jenkins' UsernamePasswordCredentialsImpl
// given its password as a literal, and "das Passwort dafür ist …" (a word between the password and "ist"). Each beside
// the same shape with nothing secret in it.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'config files that hold a login': [
    'my ~/.pgpass:\ndb-reports.internal:5432:analytics:report_ro:Vq7#mW2p!xLe9',
    'replica.internal:*:*:etl_writer:Hn4$kz81Qw_tT',
    '---\nBUNDLE_GEMS__CONTRIBSYS__COM: "e631e347:c84c99a4"\nBUNDLE_PATH: "vendor/bundle"',
    '{ "auths": { "registry.kovacs-labs.io": { "auth": "ZGVwbG95OlRxOCNtV3o0THI=" } } }',
    'curl -H "Authorization: Basic Y2ktYm90OlduOCRlTHEyclQ=" https://ci.internal/api/builds',
  ],
  'a login handed to code as literals': [
    'def c = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "nexus-deploy", "Nexus deploy", "svc-release", "wY7#qL2v!Tm9pRz4")',
    'var cred = new NetworkCredential("svc_backup", "Tq8#mWz4Lr2p", "CORP");',
    'r = requests.get(url, auth=("api", "Hn4$kz81Qw"))',
  ],
  'a password named in German with a word between': ['Meine Zertifikatsdatei heißt elster.pfx und das Passwort dafür ist "Kranich!Sommer1983".'],
};

const SENT: Record<string, readonly string[]> = {
  'formats, examples and secrets read from elsewhere': [
    'What is the format of ~/.pgpass? hostname:port:database:username:password',
    'BUNDLE_GEMS__CONTRIBSYS__COM: "${SIDEKIQ_CREDENTIALS}" in CI — is that the right variable name?',
    'Why does docker write "auth": "dXNlcm5hbWU6cGFzc3dvcmQ=" (username:password) into config.json?',
    'The RFC example is Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== — what does it decode to?',
    'def c = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "nexus", "Nexus deploy", "svc-release", System.getenv("NEXUS_PW"))',
    'r = requests.get(url, auth=("api", os.environ["API_PASSWORD"]))',
    'Das Passwort für mein Konto ist weg, wie setze ich es zurück?',
  ],
};

describe('logins in config files and code, passwords in German (holdout-21 and -22)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
