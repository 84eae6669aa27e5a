// What holdout-13's near-misses showed: mail headers that give a mailbox a team's name, mailboxes at domains kept for
// examples, numbers no one can hold (drama ranges, Twilio's test numbers, SSNs never issued), issuers' specimens,
// secrets masked or referred to, an organisation's account in the block that names it, landmarks, schemas, data said
// not to be real; each beside the same shape when it is someone's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a mail header that names a person': [
    'Summarise:\n\nFrom: Sarah Chen <sarah.chen@kellerman-foods.com>\nTo: All Staff <all-staff@kellerman-foods.com>\nSubject: lunch',
    'From: "Tom Hardy" <tom.hardy@orbitalhq.com>\nSubject: my notice',
  ],
  'a mailbox at an example domain with a real-looking name, claimed': ['my email is jane.doe@example.com, add me to the list'],
  'a phone in an SSN-free shape, and an SSN that can be issued': ['call Dana on 0161 555 2210 tomorrow', 'SSN 536-22-1847 for the W-4 please'],
  'a secret with its value': ['docker login -u ci --password "Tr0ub4dor&3x"', 'resource "aws_db_instance" "app" {\n  password = "Hunter2-prod-2024!"\n}'],
  'a person’s account in a block': ['Please pay my invoice:\n\nAccount holder: Anna Berger\nIBAN: DE44 5001 0517 5407 3249 31\nBIC: INGDDEFFXXX'],
  'an address someone lives at': ['I live at 1612 Pennsylvania Ave, Apt 3, Washington, DC 20003 - is parking free there?'],
  'a performance grade with a name': ['第一次做绩效面谈，王磊的绩效是C，帮我写开场白', '第一次做绩效面谈，对王磊说绩效是C'],
};

const SENT: Record<string, readonly string[]> = {
  'mail headers that give a team’s or a role’s name': [
    'Summarise:\n\nFrom: Information Security <infosec@kellerman-foods.com>\nTo: All Staff <all-staff@kellerman-foods.com>\nSubject: New password rules',
    'From: People Team <people@orbitalhq.com>\nTo: All Managers <managers@orbitalhq.com>\nSubject: Updated salary bands',
    'From: Accounts Receivable <ar@keller-druck.de>\nTo: Purchasing <purchasing@lindholm-design.se>\nSubject: Invoice',
    'From: Reservations <reservas@quintadaportela.pt>\nTo: guest\nSubject: Deposit for booking #QP-2214',
  ],
  'automatic senders and example-domain mailboxes': [
    '<email>noreply-dmarc-support@google.com</email> is in the report, what does it mean?',
    '      PGADMIN_DEFAULT_EMAIL: admin@example.com',
    '{"to":"qa+rsvp@example.com","template":"rsvp-confirm"} fires twice',
    'From: "Orders" <noreply@shop.larkspur-home.com>\nTo: customer@example.com\nSubject: Your order is delayed',
  ],
  'numbers no one can hold': [
    'In a screenplay the detective says "Call me, 555-0134." Is 555 still the reserved range?',
    'curl -X POST …/Messages.json --data-urlencode "To=+15005550006" --data-urlencode "From=+15005550001" -u $TEST_SID:$TEST_TOKEN',
    'Ofcom drama numbers: 0113 496 0000 to 0113 496 0999, 0161 496 0000 to 0161 496 0999, premium 0909 8790000 to 0909 8790999',
    'Writing SSN validation for an intake form. Which of these should be rejected outright?\n- 000-12-3456\n- 666-45-1234\n- 912-34-5678\n- 123-45-6789',
  ],
  'issuers’ specimens': [
    'Auf dem Musterausweis der Bundesdruckerei steht „Erika Mustermann“ mit der Ausweisnummer T22000129. Wie ist sie aufgebaut?',
    '| Spanish DNI | 12345678Z | Commonly used dummy |\n| Hong Kong ID | A123456(3) | Example from the check-digit explainer in our wiki |',
  ],
  'secrets masked or kept elsewhere': [
    'attempt user=<redacted> ip=10.20.0.0/16 pass=[FILTERED] result=OK latency_ms=84',
    'resource "aws_db_instance" "app" {\n  username = "app_admin"\n  password = random_password.db.result\n}',
    "usernamePassword(credentialsId: 'registry-ci', usernameVariable: 'REGISTRY_USER', passwordVariable: 'REGISTRY_PASS')",
  ],
  'an organisation’s account in the block that names it': [
    "Payment by bank transfer to the university's account:\nAccount holder: Rijksuniversiteit Groningen\nIBAN: NL91 ABNA 0417 1643 00\nBIC: ABNANL2A",
    'The charity\'s official bank details, as published on its website:\n\nFondazione Lumen Onlus - Campagna "Scuole aperte"\nIBAN: IT48 X050 3411 7010 0000 0190 512',
    'Our bank details, as printed on every invoice:\n\nKeller Druck GmbH\nIBAN: DE52 7002 0270 0015 8374 62\nBIC: HYVEDEMM473',
  ],
  'a practice’s line, landmarks and a landmark used as an example': [
    'Requester: Harbourview Dental (front desk)\n"Practice line 09 377 2210, as listed on our website. Terminal shows \'host unreachable\'."',
    'A demo that plots Berlin landmarks:\nplaces = {"Fernsehturm": "Panoramastraße 1A, 10178 Berlin"}',
    'How should I normalise US street addresses? Use 1600 Pennsylvania Ave NW, Washington, DC 20500 (the White House) as the worked example.',
  ],
  'a spec’s sample message, a schema and data said not to be real': [
    'The sample ADT^A01 message from the HL7 spec: PID|1||PATID1234||EVERYMAN^ADAM^A^III||19610615|M||C|2222 HOME STREET^^GREENSBORO^NC^27401-1020',
    'CREATE TABLE diagnosis (id BIGINT PRIMARY KEY, visit_id BIGINT, icd10 VARCHAR(10), diag_name VARCHAR(200)); -- 门诊病历 诊断',
    'Create a Jira ticket for a Performance Improvement Plan workflow in our HR system. No real employee data - use placeholders.',
    'A dummy row from the template (not real data):\nid;first_name;last_name;dob\n0001;Test;Person;1985-01-01',
  ],
  'dates and people no one’s': [
    'Parental Leave Policy (UK) - effective 1 April 2024\n1. Birth parents are entitled to up to 52 weeks of maternity leave.',
    '第一次做绩效面谈，对方绩效是C。帮我把开场白改得更自然。',
    'Ada Lovelace … She died of uterine cancer on 27 November 1852, aged 36, and was buried beside her father.',
  ],
};

describe('mail headers, specimens and organisations’ own details (holdout-13’s near-misses)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
