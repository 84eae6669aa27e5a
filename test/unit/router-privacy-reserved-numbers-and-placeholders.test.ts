// What holdout-31's and -32's blind runs kept local for nothing (stop 33): Ofcom's drama numbers, which no one can be
// given, in a template ("Contact on the day: … the office on 01632 960 555") and in a config's KEY = value
// (ALERT_SMS_FROM = +441632960002); and a connection string copied with its <password> placeholder left in, which the
// learned check read as personal; a query string's empty password= and a cron mail's root@. A Maven settings file's
// <password>…</password> element is no placeholder.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a real number and a real password beside them': [
    'Template for the crew sheet: Customer: Rhian Powell, mobile 07912 448 305, collection 8am.',
    'mvn deploy gets 401:\n<server>\n  <id>releases</id>\n  <username>kdavies</username>\n  <password>Tawe!river82</password>\n</server>',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'reserved numbers in templates and config': [
    'Removals quote template, contacts line: Customer: [name]. Contact on the day: our crew leader, or the office on 01632 960 418.',
    'Vercel env, fine as plain variables?\nALERT_SMS_TO = ${ON_CALL}\nALERT_SMS_FROM = +441632960417',
  ],
  'a query string’s empty password and a machine’s root mailbox': [
    'Probing? 203.0.113.9 "GET /api/export?user=&password=&session=1 HTTP/1.1" 401',
    'Cron output, did it work?\nFrom: Cron Daemon <root@backup.lan>\nSubject: Cron <backup@nas> /usr/local/bin/sync.sh\nexit 0',
  ],
  'a connection string with its placeholder': [
    'mongosh "mongodb+srv://reporting:<password>@cluster1.ab3cd.mongodb.net/sales" fails with bad auth. Do I replace the angle brackets too?',
  ],
};

describe('reserved numbers and placeholders left in (holdout-31 and -32)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
