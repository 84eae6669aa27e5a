// Credentials said rather than written (privacy-credentials-said.ts): a password changed later in a voicemail or a
// chat, Traditional and Cantonese codes, a seed phrase under a wallet's brand name; and masked values, which are
// never a secret, with general questions about passwords and codes.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a changed or new value said after the credential': [
    'Voicemail (auto): hey it’s Tomas, the wifi at the flat stopped working, the landlord reset it to harbour2291 yesterday, can you tell the others',
    'voice note: the alarm code, we switched it to 5 1 8 3 after the break-in',
    'the side gate code is different, the new one is 4408#',
    'the router password? it’s Magpie!47 now, don’t share it',
    '[Mon 09:14] Priya Nair: morning all, new office wifi is up\n[Mon 09:15] Priya Nair: SSID BRH-Studio-5G, key is lemonade-harbor-2291',
  ],
  'Traditional Chinese and Cantonese codes': [
    '門禁密碼改咗啦，而家係 *7342#，記得話畀阿媽知',
    '大閘密碼係 9164#，唔好放上群組',
    '夾萬密碼改咗做 3 8 2 0 1 6',
    '我哋屋企WiFi密碼係 Sik88fan!',
  ],
  'a seed phrase under a wallet’s name': ['My Ledger words: orbit velvet canyon humble shrimp oxygen ladder mercy fossil tiny apart crane'],
};

const SENT: Record<string, readonly string[]> = {
  'masked values': [
    '[10:02:11] DEBUG smtp: AUTH LOGIN user=ops pass=********\n[10:02:12] ERROR 535 auth failed',
    'password: [REDACTED] in the config dump, is that fine?',
    'the password is <redacted> in the log',
    'passcode: •••••••• (hidden)',
    'db_password=xxxxxxxx in the example env',
  ],
  'questions about passwords and codes': [
    'How do I change my Wi-Fi password? I set it to something easy and now it’s not working',
    'the password policy changed it to 12 characters minimum',
    '密碼一般要幾多位？係咪要有大細階？',
    '門禁密碼改咗，但係我唔記得新嘅，點算？',
    'the office wifi is slow; the key is to move the router, not to buy 5G',
  ],
};

describe('credentials said in speech and chat', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
