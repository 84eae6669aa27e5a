// What holdout-18's blind run showed, by family (stop 30). Missed: a password in a Spring or .NET XML property, in
// PowerShell's ConvertTo-SecureString, in a registry export's "DefaultPassword", in Cisco IOS type 0 and 7 lines, and
// a code said in French, German, Spanish or Polish. False alarms: a placeholder person at example.com, "Q&A. Slides"
// and "Skilled Worker" read as names, a specimen DNI on "our training slide", a company's IBAN in its invoice footer, a
// firm's switchboard, a number of zeros in a template, a club's mailbox, the second of two example plates, a pupil
// with a condition and no child yet. Each beside the same shape when it is someone's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a password in config and scripts': [
    'why does the pool fail to start?\n<bean id="ds" class="org.apache.commons.dbcp2.BasicDataSource">\n  <property name="password" value="Lk82!mWq_Tide"/>\n</bean>',
    '$pw = ConvertTo-SecureString "Gannet#Ridge771" -AsPlainText -Force\n$c = New-Object PSCredential("CORP\\\\mlowe", $pw)',
    'Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]\n"DefaultUserName"="frontdesk"\n"DefaultPassword"="Heron_Quay_5521"',
    'hostname BR-EDGE-1\nenable secret 0 Qu4yside!Lamp\nusername ops privilege 15 password 7 0822455D0A16\nline vty 0 4',
  ],
  'a code said in a European language': [
    "Dis à la voisine : le code du portail est 4 8 1 7 et le digicode de l'entrée c'est 2-0-9-1.",
    'Für die Katzensitterin: der Code für die Alarmanlage ist 5520, der Schlüssel liegt im Briefkasten.',
    'Para la canguro: el código de la alarma es 7719 y la llave está debajo de la maceta.',
    'Dla sąsiadki: kod do sejfu to 4471, klucze są w szufladzie.',
  ],
  'the same shapes, someone’s': [
    'my email is jane.doe@example.com, send the tickets there',
    'Transfer the deposit to my own IBAN GB33 BUKB 2020 1555 5555 55, not the company one.',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'config with the secret kept out of it': [
    '<property name="password" value="${DB_PASSWORD}"/> — why is the placeholder not resolved at startup?',
    'hostname BR-EDGE-1\nenable secret 0 <REDACTED>\nline vty 0 4',
  ],
  'codes that are nobody’s secret': [
    'Le code postal est 75001, c’est bien le 1er arrondissement ?',
    "Le code d'erreur est 0x80070005, qu'est-ce que ça veut dire ?",
    'Which country code is +234? and +254?',
  ],
  'placeholders, names that are not names, specimens': [
    '<Contact><FirstName>Jane</FirstName><Email>jane.doe@example.com</Email></Contact> — why does the schema reject this?',
    'Agenda: timeline for reviews, how the new salary bands work, Q&A. Slides will be shared afterwards.',
    'What is the salary threshold for a UK Skilled Worker visa this year?',
    'Our training slide shows a card marked SPECIMEN with the Spanish DNI 99999999R. Does it pass the control letter check?',
    '{ "employee": "<name>", "iban": "NL00 BANK 0000 0000 00", "net_pay": 0.00 } — what is wrong with this JSON?',
  ],
  'an organisation’s own account, line and mailbox': [
    'Reformat our invoice footer, it is our company account:\nHarbour Loom Ltd — Company no. 09876543\nBank: Barclays — IBAN GB33 BUKB 2020 1555 5555 55',
    'Put this in the website footer: Kestrel & Rowe Solicitors, 020 7946 0321, lines open Mon–Fri.',
    'Subject: Chess club – spring fixtures\nRequired: chessclub@harrowfieldlibrary.org.uk\nLocation: Harrowfield Library',
  ],
  'examples and unnamed people': [
    '新能源车牌为什么是8位？比如粤B·D12345 和 粤B·12345D 中的 D 分别代表什么？',
    'I will have a pupil with type 1 diabetes next year; what should a classroom plan cover? No specific child yet.',
  ],
};

describe('config secrets, codes in European languages; placeholders, footers and examples (holdout-18)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
