// What holdout-20's blind run showed, by family (stop 30). Missed: wp-config.php's define( 'DB_PASSWORD', … ), a PHP
// array's 'dbpassword' => …, a Go DSN without a scheme, a GitLab token, a named colleague's shared parental leave, a
// clinic's letter that says what its reader takes, the writer's own rating and paycheck, multiple sclerosis in French.
// False alarms: a record's login beside its masked password, an alert list's mailbox, a box office's number given as
// on its website, "in a short story I'm writing", WordPress's password_here, a sheet of cards' last four digits for
// the learned check. Each beside the same shape when it is someone's.
import { describe, expect, it } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';
import { detailsWithheld } from '../../src-main/router/privacy-takeback.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'secrets in PHP, Go and GitLab': [
    "define( 'DB_NAME', 'shop' );\ndefine( 'DB_PASSWORD', 'Tq8#mWz4Lr2p' );",
    "  'dbuser' => 'oc_admin',\n  'dbpassword' => 'Vb7pQs2LmN9xRt4KcWz8',",
    'dsn := "app:Xy7Qp2Lm@tcp(10.0.3.7:3306)/erp?charset=utf8mb4"',
    'DEPLOY_TOKEN  glpat-Xk4PqR7sT2vW9yZb3nMc  ✓  ✓  production',
    'login: etl_reader\npassword: Wq8!zzTr0n\nport: 3306',
  ],
  'HR and health said of or to someone': [
    'Leah Morgan in Legal starts shared parental leave on 3 June and will use 2 KIT days in August.',
    '"Dear Ms Ruth Abara, our records show you take insulin for diabetes; please bring your meter to the appointment."',
    "My manager rated me 'needs improvement' this year, so no bonus. How do I appeal?",
    'first paycheck at the new job: $2,140.88 net for two weeks. I am on 40 hrs, does the tax look right?',
    "J'ai une sclérose en plaques depuis l'an dernier ; dois-je le dire à mon employeur ?",
  ],
};

const SENT: Record<string, readonly string[]> = {
  'placeholders and names of where a value is kept': [
    "conn_id: mysql_reporting\nlogin: etl_reader\npassword: '***'\nport: 3306",
    "define( 'DB_PASSWORD', 'password_here' ); — which line do I edit first?",
  ],
  'organisations’ lines and lists, fiction, topics': [
    "Failed to send email to ['data-alerts@ourcompany.com']: (550, relay not permitted)",
    'The Royal Albert Hall box office number on their website is 020 7589 8212 — is that line open on Sundays?',
    "In a short story I'm writing, Mara, a marine biologist, is diagnosed with ALS at 41. How would the first months go?",
    'What does a paycheck of $2,911.46 net for two weeks mean in gross terms?',
    'Dear Sir, if you take warfarin, avoid aspirin: is that sentence right for our leaflet?',
  ],
};

describe('PHP, Go and GitLab secrets, leave, letters, own ratings; logins, alert lists, box offices (holdout-20)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);

  it('does not ask the learned check about a sheet of cards’ last four digits', () => {
    expect(detailsWithheld('holder_id,dept,card_last4,exp\nE-101,Sales,1881,03/25')).toBe(true);
  });
});
