// What holdout-19's blind run showed, by family (stop 30). Missed: a PHP config's 'apiv3_key' => '…', the writer's pay
// "Ik verdien nu …", a Danish address with its four-digit postcode, a Welsh street with a one-letter word, a "Supply
// address:" field, a council tax bill for a named person, a relative's mailbox beside 客服, a Spanish "número
// personal", Taiwan's 民國 birth date, 通报批评. False alarms: a Helm chart's existingSecret, Home Assistant's
// !secret, an Italian "quali sono i segnali", a Norwegian club's shared mailbox, a hospital's switchboard asked about,
// countries read as names, masked ids (已隐藏) and public keys for the learned check. Each beside the same shape when
// it is someone's.
import { describe, expect, it } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';
import { detailsWithheld } from '../../src-main/router/privacy-takeback.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a key in a PHP array': ["return [\n  'mch_id' => '1603190979',\n  'apiv3_key' => 'Qx7mL2pzFvJmzioJ0vo5Eqgf7QK5A3nb',\n];"],
  'the writer’s pay, an address, a phone in other European forms': [
    'Ik verdien nu € 3.850 bruto per maand; hoe vraag ik om € 4.300?',
    'Jeg er lige flyttet til Jagtvej 54, 2. tv., 2200 København N. Skriv til min tandlæge.',
    'Mi número personal es 612 483 907, escríbelo en el mensaje para el grupo de padres.',
  ],
  'a bill or a form under a person’s name': [
    'Council tax bill for Ms Adaeze Okonjo, Flat 2, 118 Marlborough Road, Reading RG1 6PJ: help me ask for the student exemption.',
    'Customer: Gethin Rowlands\nSupply address: Tŷ Newydd, 3 Heol y Felin, Llanwrtyd Wells LD5 4RS\nOvercharged £511.',
  ],
  'a relative’s mailbox, a 民國 birth date, a relative’s number after a switchboard': [
    '我姐 袁梦 的邮箱是 yuanmeng.rose@gmail.com，帮我写个备注给客服',
    '戶口名簿：長男 李承翰 民國88年10月5日生，換算成西元是哪一年？',
    'Call the switchboard and ask for me, or ring my mobile 07911 123456',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'where a secret is kept, not the secret': [
    'postgresql:\n  auth:\n    username: orders_svc\n    existingSecret: orders-pg-credentials\n    secretKeys:\n      userPasswordKey: password',
    'In Home Assistant, `password: !secret mqtt_password` — where does it look for secrets.yaml?',
  ],
  'topics, clubs, hospitals and countries': [
    'Quali sono i segnali di un ictus da riconoscere subito? Mi serve un testo per un volantino.',
    'Hvordan setter jeg opp en felles e-postadresse som post@idrettslaget.no for et idrettslag?',
    "What's the main switchboard number for Addenbrooke's Hospital in Cambridge? Is it still 01223 245151?",
    "Taiwan's Labor Insurance salary table: which bracket does a monthly salary of NT$45,800 fall into?",
    "Under Sweden's employment protection act, how long is the notice period after six years?",
    '民國88年是西元幾年？',
  ],
};

describe('PHP keys, Nordic and Welsh addresses, bills, 民國 dates; chart secrets, clubs and countries (holdout-19)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);

  it('does not ask the learned check about a message that hides its ids or shows only a public key', () => {
    expect(detailsWithheld('携程行程单 出行人：（已隐藏） 证件：身份证（已隐藏） 航班：MU5137')).toBe(true);
    expect(detailsWithheld('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI9OFWdThMJo9ssKQGO5R4xrQSiev0WBSmJ3U1S7NFKu4 laptop@dev')).toBe(true);
    expect(detailsWithheld('出行人：王磊 证件：身份证 110101199003071234')).toBe(false);
  });
});
