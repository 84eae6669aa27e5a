// What holdout-27's and -28's blind runs showed of false alarms (stop 32): a question word in Dutch, German or Spanish,
// an institution (Seguridad Social, Entgeltatlas der Bundesagentur) or a pay word inside a noun phrase ("das Gehalt von
// Kollegen") read as a name; "blind" as a lower-case name after "offer for"; 老板付的 as a boss named 付的; a museum's
// address; code reading a password from the environment in Elixir; CHANGE_ME and REPLACE_WITH_… placeholders; an SMS
// template's 123456; an SSH public key's algorithm after "password:"; Worldpay's test Visa; an invoice footer's own
// account ("pay within 30 days to our business account"); a bakery that moved. Their personal twins stay local.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a colleague named after a possessive and a role, in German': [
    'Unsere Mitarbeiterin Katrin Vogel verdient 4.300 € brutto und fragt nach Teilzeit. Was muss ich beachten?',
  ],
  'a relative named in Chinese, then their pay': ['我老板付建国的工资是每月两万三，他让我帮忙算个税。'],
  'a person’s home, beside a museum’s address': ['My aunt Rosa Delgado lives at 14 Fenwick Road, two streets from the town museum. Write her a birthday card.'],
  'a real value where a template’s would go': ['Here is our live config: password: "Tr4m-Gl1de!88" — why does the app still fail to connect?'],
  'a person’s own bank account on their invoice': ['Invoice 0042 — please pay within 14 days to Tomás Herrera, IBAN GB33 BUKB 2020 1555 5555 55. Thanks!'],
};

const SENT: Record<string, readonly string[]> = {
  'general pay and sick-leave questions in other European languages': [
    '¿Qué porcentaje del salario paga la Seguridad Social durante una baja médica? Es para una guía interna.',
    'Wie verhandle ich mein Gehalt? Wo finde ich Vergleichswerte (Entgeltatlas der Bundesagentur) und darf ich das Gehalt von Kollegen erfragen?',
    'Wat is het verschil tussen diabetes type 1 en type 2? Het is voor een spreekbeurt.',
  ],
  'people described, not named': ['Which services do cinemas offer for blind and partially sighted visitors?'],
  'a question in Chinese with a boss who pays': ['在国外打工，工资如果是当地老板付的，回国要报税吗？'],
  'a museum’s address': [
    'Where did Jane Austen live in Bath? I know the Jane Austen Centre Museum is at 40 Gay Street, but which houses did she rent?',
    'I know 48 Doughty Street is now the Charles Dickens Museum. Where else did he live in London?',
  ],
  'code and config that name no secret': [
    'Is this right in runtime.exs?\n\nconfig :shop, Shop.Repo,\n  password: System.fetch_env!("DB_PASSWORD"),\n  hostname: "localhost"',
    'Skeleton data bag, every value replaced at bootstrap:\n{ "id": "smtp", "user": "CHANGE_ME", "password": "CHANGE_ME", "api_token": "REPLACE_WITH_VAULT_VALUE" }',
    '短信模板写法对吗（手机号用占位符）：{"mobile": "<手机号>", "content": "您的验证码是123456，5分钟内有效。"}',
    'Added my key to authorized_keys but ssh still asks for a password:\n\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM3kq9fT2bV7xkqP1a8dLwS4uYtE1nZfGhR3oKs6MpTq work-laptop\n\nWhat permissions does ~/.ssh need?',
  ],
  'a published test card': ['Worldpay test mode says "Invalid card number" for their published test Visa 4444333322221111. What is wrong with our XML?'],
  'an organisation’s own account and premises': [
    'Reword our invoice footer: "Kestrel Joinery Ltd – Company no. 04418812. Please pay within 30 days to our business account: Kestrel Joinery Ltd, IBAN GB33 BUKB 2020 1555 5555 55."',
    'Tidy my post for the street group: "The bakery on Mill Way has moved to the old post office on the high street and opens at 7am."',
  ],
};

describe('questions, public buildings and published values (holdout-27 and -28)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
