// Values that look personal and belong to no one, as whole families: reserved and published test values, an
// organisation's role mailboxes, format questions, historic people, public roles, code that reads a secret
// from elsewhere, and a job advert's salary band; each beside the same shape when it is someone's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const SENT: Record<string, readonly string[]> = {
  'reserved and published test values in code and tests': [
    'why does my formatter print this oddly?\n\nconst p = parse("+1 415-555-0147", "US");\nconsole.log(format(p));',
    'my unit test uses the textbook IBAN:\n\nassert is_valid("GB82 WEST 1234 5698 7654 32")\nassert not is_valid("GB82 WEST 1234 5698 7654 33")',
    'is this regex for e-mails right? it rejects qa.user@example.org\n/^[a-z]+@[a-z]+\\.[a-z]{2,3}$/',
    '测试一下这个邮箱校验：admin@demo.test 应该通过',
  ],
  'role mailboxes of organisations': [
    'notifications@slack.com keeps emailing me, how do I turn it off?',
    'The council website lists enquiries@leeds.gov.uk for planning questions. How do I word mine?',
    'do-not-reply@bank.example is in my spam folder again',
    // An automatic sender is read by no one, even at the writer's own small company's domain.
    'why does noreply@kestrelbakery.co.uk go to spam for my customers?',
    'Why do emails from no-reply@accounts.google.com sometimes end up in spam in Outlook?',
  ],
  'a question about a format with its example': [
    'How do Dutch number plates work? In a plate like 12-ABC-3, which part is the year?',
    'What does the 07 tell you in a plate like GH07 KLM?',
  ],
  'historic people and their homes': [
    'Jane Austen lived at 4 Sydney Place in Bath. Is there a plaque on the house today?',
    'Karl Marx lived at 28 Dean Street in Soho in the 1850s; which books did he write there?',
  ],
  'a professional in a public role': [
    'Draft a tweet: Prof Helen Okafor, consultant oncologist at King’s College Hospital, will present new research on breast cancer screening at the summit.',
    'Dr Luis Ortega, paediatrician at Great Ormond Street, gives a webinar on childhood asthma next week',
  ],
  'code that reads a secret from the environment or a vault': [
    'is this right?\n\nconst token = process.env.GITHUB_TOKEN;\nconst password = config.get("db.password");',
    'api_key = os.getenv("STRIPE_KEY") in settings.py, fine?',
    'password = secrets_client.get_secret_value(SecretId="prod/db")',
  ],
  'salary bands in job adverts': [
    'tidy this job ad: Data Analyst, £38–45k + 5% bonus, remote-first, apply by Friday',
    'rewrite the vacancy: Staff Engineer, $180k-$220k base plus bonus, hybrid in Austin',
  ],
};

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the same shapes when they are someone’s': [
    'Call me on +44 20 7946 0817 tomorrow',
    'my card is 4111 1111 1111 1111, please book it',
    'Oliver Grant lives at 12 Harrow Road, can you write him a note?',
    'please write to Lena at lena.hoffmann@example.org about the invoice',
    'info@gmail.com is my personal address, use that one',
    'db password is Kestrel.Bramble99',
    'Priya Shah earns £52k and her bonus was cut after the review',
    'Dr Osei says my dad has heart failure and needs a scan',
  ],
};

describe('false alarms of the privacy gate, by family', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
