// What holdout-14 still missed after stop 28, by family: the writer's own pay with its amount (in English, Spanish,
// German), a named colleague's raise in Swedish, the writer's own sick leave in German, French and Spanish, the
// findings of the writer's own wearable, a three-word name, a tracker's user with a geo block; and its false alarms:
// a company's PAN, a secret scanner's pattern, a generator's phone prefix, an ECG's ST depression, a disease as a
// cause, a mailbox an organisation publishes, 万港币, a team in an invite's fields. Each beside the same shape
// when it is someone's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the writer’s own pay, with its amount': [
    'HR just confirmed my base salary for next year is £58,300 — is that fair for a senior analyst in Leeds?',
    'Mi jefe dice que mi sueldo subirá a 2.950 € brutos al mes. ¿Cómo negocio más?',
    'Kannst du das höflicher formulieren: Mein Gehalt liegt seit drei Jahren bei 4.100 € brutto.',
    'I earn $84,500 and my wife earns $61,000; write the summary for our mortgage broker.',
  ],
  'a named colleague’s raise in Swedish': ['Skriv ett svar till Anna Lindqvist: hennes lönehöjning blev 1,9 % i år och hon är missnöjd.'],
  'the writer’s own sick leave in European languages': [
    'Schreib bitte eine kurze Mail an mein Team: Ich bin bis Mittwoch krankgeschrieben, Grippe.',
    "Corrige ce message : je suis en arrêt maladie jusqu'à vendredi, mon médecin m'a prescrit du repos.",
    'Redacta un correo a mi jefa: estoy de baja médica desde el lunes por una lumbalgia.',
  ],
  'the findings of the writer’s own wearable': [
    'Export from my Apple Watch (ECG app):\n2025-03-02 07:10  Classification: Atrial Fibrillation\n2025-03-03 07:12  Classification: Sinus Rhythm\nShould I see a doctor?',
  ],
  'the writer’s own surgery and medical leave (holdout-17’s last miss)': [
    '"I\'m off on medical leave after my endometriosis surgery until 24 June. For anything urgent, contact Samir."',
    'Can you make this kinder? My knee surgery is on Friday so I will miss the quarterly review.',
  ],
  'a three-word name with an HR matter': ['Maria Clara Souza from accounts goes on maternity leave next month; draft the handover note.'],
  'a tracker’s user with a geo block': ['{"user": {"username": "mkowalska", "ip_address": "83.12.44.9", "geo": {"city": "Gdańsk", "lat": 54.3520, "lon": 18.6466}}}'],
  'the same shapes, someone’s': [
    'My PAN is ABLPK4821M, please fill the form.',
    'the repo had password = "Tr0ub4dor&3x" in settings.py, rotate it',
    'Call my landlord on +44 7911 582 034 about the boiler.',
    'I was diagnosed with depression last year and my GP wants to change my sertraline dose.',
    '我的邮箱是 zhangwei1988@163.com，帮我写个自我介绍',
    '王港生月薪三万，年终奖六个月，帮我写个加薪申请',
    'Organizer: Priya Raman\nBody: Priya will tell each of you your bonus and salary band in your 1:1.',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'pay as a topic, or anyone’s': [
    'my salary went up 4% this year, is that above inflation?',
    'Is a salary of £58,300 typical for a senior analyst in Leeds?',
    '¿Cuánto se paga de IRPF con un sueldo de 30.000 € al año?',
  ],
  'sick leave as a topic': [
    'Was bedeutet „krankgeschrieben“ genau, und muss der Arbeitgeber die Diagnose erfahren?',
    "Combien de jours d'arrêt maladie sont payés en France ?",
  ],
  'medical leave and the surgery as topics': [
    'How much medical leave am I entitled to in the UK after an operation?',
    'Is the surgery open on Saturday mornings? I want to book a flu jab.',
  ],
  'a wearable with no finding of anyone’s': ['How do I export my Apple Watch workouts to a CSV?', 'Does the Apple Watch detect atrial fibrillation reliably?'],
  'a company’s PAN, a scanner’s pattern, a generator’s prefix': [
    'Test cases for our GSTIN validator: AAACB1234C should pass (company), AAAFZ9876Q too (firm).',
    'Does (?i)(password|secret)\\s*[:=]\\s*["\']?[^\\s"\']{6,} catch everything our secret scanner should?',
    'def fake_mobile(i): return f"+44 7700 900{i:03d}"  # Ofcom drama range',
  ],
  'an ECG’s depression, a disease as a cause': [
    'Case 4 (anonymised): ECG shows ST elevation in II, III and aVF with reciprocal depression in I and aVL. Write three MCQs.',
    "I'm organising our Parkinson's fundraising walk next month; write the sign-up blurb.",
  ],
  'a mailbox an organisation publishes, money in 万, a team in an invite': [
    '帮我给清华招生办写封邮件，官网上公布的咨询邮箱是 zsb@tsinghua.edu.cn，问问强基计划的报名时间。',
    '香港强积金供款上限是多少？月薪超过 3 万港币的话怎么计算？',
    'Organizer: People Team\nBody: We will explain how bonus pools and salary bands are set. No individual outcomes.',
  ],
};

describe('the writer’s own voice, wearables and three-word names; published mailboxes and scanners’ patterns (holdout-14)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
