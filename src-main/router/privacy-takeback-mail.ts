// E-mail addresses that belong to no private person: a role mailbox (support@, press@, noreply@, team-…@)
// presented as an organisation's, an automatic sender, or an address at a domain reserved for examples in
// words about examples, tests or formats. An address at a free-mail provider, or claimed as someone's own,
// stays a person's.
import { CLAIMED, EXAMPLE_CONTEXT, FORMAT_QUESTION } from './privacy-takeback-context.js';

// Mailboxes that are roles, not people (RFC 2142 and common practice): support@, press@, noreply@, team-x@, room-4b@.
const ROLE_MAILBOX =
  /^(?:help|support|info|caiwu|renshi|xingzheng|kefu|zhaopin|post|postmottak|kontakt|styret|hello|contact|enquiries|inquiries|press|media|pr|sales|billing|accounts|invoices|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|privacy|legal|compliance|jobs|careers|recruiting|hr|marketing|newsletter|news|noreply|no-reply|donotreply|do-not-reply|notifications?|alerts?|feedback|service|customerservice|office|reception|team|test|testing|demo|example|bookings|reservations|orders|shop|store|events|partners|investors|ir|dev|devops|ops|it|helpdesk|servicedesk|facilities|complaints?|casework|dpo|dataprotection|data[-_.]protection|foi|enquiry|contactus|contact[-_.]us|general|secretariat|registry|communications|comms|editor|editorial|letters|tips|newsdesk|publicaffairs|ombudsman|consumers?|customercare|care|desk|mail|inbox|admissions|enrol(?:l?ment)?|registrar|membership|memberships|members|payments?|repairs|maintenance|podatelna|padron|empadronamiento|studentservices|library|visits|tickets|donations|volunteers?|office[-_.]of[-_.][\w.-]+|clerk|secretary|treasurer|chair|prenotazioni|reservas|reservierungen?|kontakt|contatti|contacto|bestellungen?|pedidos|ordini|commandes|accueil|segreteria|secretaria|verwaltung|buchungen?|kundenservice|kundendienst|buchhaltung|rechnungen?|bewerbungen?|datenschutz|presse|vertrieb|sekretariat|empfang|poststelle|atencion(?:alcliente)?|clientes|serviceclient|service[-_.]client|assistenza|klantenservice|kundtjanst|kundeservice|asiakaspalvelu|obsluga|biuro|geral|faturacao|facturacion|fatturazione|facturation|comercial|vendas|ventas|secretaria|committee|opensource|open-source|scans?|studio|scolarite|finance|dmarc|postmaster|lettings|valuations|shipping|renewals|reminders|rentals)$|^(?:press|media|news|data[-_.]?protection|customer|complaints?|general|public|foi|help|support|info)[-_.](?:office|desk|team|enquiries|inquiries|unit|service|services|centre|center|dept|department|relations|affairs|line|requests?)$|^(?:team|room|group|list|dept|ops)[-_.]/i;
// A group's or a desk's mailbox by its compound name: bookclub@, chess-club@, salesteam@, parish.office@.
const ROLE_COMPOUND = /^[a-z0-9]{2,14}[._-]?(?:club|society|team|office|committee|events|choir|group|desk|support|service|admin|info|reports?|ops|devops|reps)$/i;
// A person's name or a personal claim next to the address makes even a role mailbox theirs ("my personal one is info@…").
const PERSONAL_CLAIM = /\b(?:my (?:personal|private|own|home)|personal (?:e-?mail|address))\b/i;

// The text presents the mailbox as an organisation's or as an example: "our support address", a
// press release, a calendar's organiser, a demo sender, a customer letter's "wenden Sie sich bitte an". A role mailbox alone ("why does press@… answer so late?")
// may still be someone's own small domain, so it stays.
const ORGANISATION_CONTEXT =
  /\b(?:our|support|press|contact|team|company|business|clients|customers|template|invoice|acme|organi[sz]er|release|auto-?reply|sender|from address|demo|examples?|tests?|unit tests?|reserved|rfc ?\d+|help ?desk|service ?desk)\b|发件人|演示|示例|测试|公司|客服|文档|官网|企业邮箱|\b(?:wenden Sie sich|kontaktieren Sie uns|rufen Sie uns|schreiben Sie uns|contactez-nous|écrivez-nous|cont[áa]ctenos|escr[íi]banos|contattaci|scrivici|neem contact met ons|kontakta oss|skontaktuj si[ęe] z nami)\b/i;

const SHORT_TEXT = 600;
const SHARED_MAILBOX = /\b(?:shared|generic|group|department(?:al)?|team|public) (?:mail)?box\b|\bshared inbox\b|公共邮箱|共享邮箱|部门邮箱|公邮/i;

// Mailboxes no one reads as a person: automatic senders, also with a purpose after them (noreply-dmarc-support@), alert
// lists (data-alerts@, dataalerts@) and on-call rotas (db-oncall@).
// …service accounts (svc-backup@, sa.reporting@, bot-deploy@) and a machine's system accounts (root@, cron@, daemon@).
const NO_PERSON_MAILBOX =
  /^(?:(?:svc|srv|sa|bot|robot)[-_.][\w.-]+|(?:[a-z]{2,14}[-_.]?){0,3}(?:noreply|no-reply|no_reply|donotreply|do-not-reply|do_not_reply|notifications?|alerts?|oncall|on-call)|mailer-daemon|postmaster|bounces?|root|daemon|cron|www-data|nobody)(?:[-_.+][\w.-]*)?$/i;

// A header's display name that is a role, a team or a whole staff, not a person: From: Information Security <infosec@…>,
// To: All Staff <all-staff@…>, "Orders" <noreply@…>, Accounts Receivable <ar@…>, People Team <people@…>.
const ROLE_WORD =
  /^(?:all|the|and|&|of|for|our|team|teams|staff|managers|employees|colleagues|department|dept|office|desk|group|committee|board|unit|centre|center|services?|support|help|helpdesk|security|information|infosec|it|hr|people|human|resources|talent|recruiting|recruitment|payroll|finance|accounts?|receivable|payable|billing|invoicing|purchasing|procurement|sales|marketing|communications|comms|press|media|legal|compliance|privacy|operations|ops|facilities|reception|front|customer|customers|care|orders|bookings|reservations|reservas|shop|store|admissions|registry|notifications?|alerts?|newsletter|news|updates|noreply|no-reply|platform|engineering|product|admin|administration|school|parents|members|membership|events)$/i;
const DISPLAY_NAME = /(?:^|[\n:,;])[ \t]*(?:"([^"\n]{1,60})"|([^\n<>",:;]{1,60}?))[ \t]*<$/;

/** True when the mailbox's header gives it a role's or a team's name (From: People Team <people@…>), not a person's. */
function roleDisplayName(text: string, start: number): boolean {
  const m = DISPLAY_NAME.exec(text.slice(Math.max(0, start - 70), start));
  const name = (m?.[1] ?? m?.[2])?.trim();
  if (!name) return false;
  const words = name.split(/\s+/);
  return words.length <= 5 && words.every((w) => ROLE_WORD.test(w));
}

const PUBLISHED_MAILBOX =
  /(?:官网|官方网站|网站)上?(?:公布|公开|列出|写)的|对外公布的|公开的[^\s，。]{0,8}邮箱|公开邮箱|\b(?:published|listed|posted|given) on (?:the|their|its) (?:official )?(?:web ?site|site|web ?page|contact page)\b/i;
// Free mail providers: a role-like name there (info@gmail.com) is one person's own mailbox.
const PERSONAL_PROVIDER =
  /@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|mail|yandex|zoho|qq|163|126|sina|sohu|foxmail|naver|daum|hanmail|rediffmail|libero|orange|free|wanadoo|t-online|btinternet|sky|virginmedia)\.[a-z.]{2,10}$/i;
// Domains reserved for documentation and testing (RFC 2606, RFC 6761).
// …and the same word under a country's domain (example.de, example.co.uk), and Microsoft's documentation companies.
const RESERVED_MAIL_DOMAIN =
  /@(?:[\w-]+\.)*(?:example\.(?:com|net|org|[a-z]{2}|co\.[a-z]{2})|(?:contoso|fabrikam|northwindtraders|adventure-works|wingtiptoys|tailspintoys|litwareinc)\.com|[\w-]+\.(?:example|test|invalid|localhost))$/i;
// Words that say the mailbox belongs to an organisation: a website, media, enquiries, or mail the writer receives from it
// ("keeps emailing me", "in my spam folder").
const ORG_WORDS =
  /\b(?:website|site|web ?page|lists|listed|media|enquiries|inquiries|notifications?|newsletter|official|department|ministry|agency|university|council|government|organi[sz]ation|charity|NGO|foundation|institute|hospital|school|bank|airline|(?:sending|emailing|mailing|spamming) me|e-?mails? me|sent me|(?:getting|receiving|got|received) (?:an? )?e-?mails? from|phishing|my (?:inbox|spam folder|junk folder)|unsubscribe|authority|regulator|board|commission|ombudsman|complaints?|press office|newsroom|shared (?:mail)?box|shared inbox|distribution list|embassy|consulate|police|tribunal|supervisory|village hall|parish|committee|club|society|association|church|PTA|mairie|ayuntamiento|comune|Rathaus|Gemeente|sito|sitio|la web|Webseite|site web|letting agents?|estate agents?|gym|we['’]ve received|we have received|their (?:\w+ )?inbox|ayto|městsk\w*|obec\w*|idrettslag\w*|forening\w*|förening\w*|Verein\w*|vereniging\w*|associazione|asociaci[óo]n|felles e-?post\w*)\b|官网|官方|媒体|部门|发给我|退订|投诉|监管|机构|学校|公共邮箱|共享邮箱|部门邮箱|公邮/i;
// Domains only organisations hold (who.int, gov.uk, ox.ac.uk, mit.edu): their role mailboxes are theirs.
const INSTITUTION_DOMAIN =
  /\.(?:int|gov|edu|mil|ac\.[a-z]{2}|gov\.[a-z]{2}|edu\.[a-z]{2}|gouv\.[a-z]{2}|gob\.[a-z]{2}|go\.[a-z]{2}|gc\.ca|govt\.nz|europa\.eu|bund\.de|admin\.ch)$/i;

// A mailbox that stands for no one: masked (xxx@qq.com, xxxx@163.com) wherever it is, and in a regex, format or
// example question a placeholder name (name+tag@, user@, your.name@, firstname.lastname@, zhangsan@) or a
// placeholder domain (@domain.com, @yourcompany.com, @xxx.com).
const MASKED_LOCAL = /^(?:x{3,}|X{3,}|x{2,}[._]x{2,})$/;
const PLACEHOLDER_LOCAL =
  /^(?:x{2,}|name|names|user|username|user\.name|your?[._-]?name|your[._-]?e-?mail|you|me|someone|somebody|anyone|something|firstname[._-]surname|foo|bar|baz|abc|test|email|e-?mail|mail|sample|example|demo|first[._-]?last|first[._-]?name[._-]?last[._-]?name(?:[._-][a-z]{1,8})?|name[._-]?surname|firstname|lastname|john[._-]?(?:doe|smith)|jane[._-]?doe|zhangsan|zhang[._-]san|lisi|\d{1,3}|123456\d{0,4})(?:\+[\w.-]*)?$/i;
const PLACEHOLDER_DOMAIN =
  /@(?:(?:your|my|some|the)?[-_]?(?:domain|company|companyname|organi[sz]ation|org|site|website|business|provider)\.(?:com|net|org|tld|xxx?)|domain\.[a-z]{2,3}|(?:empresa|firma|entreprise|societe|azienda|bedrijf|unternehmen|dominio|domaine|ville|stadt|ciudad|citta)\.[a-z]{2,3}|x{2,}\.(?:com|cn|net|org)|email\.tld|host\.tld)$/i;

// A local part that can only be a placeholder, in any text: your.handle, 12345678+yourhandle, nome.apelido, vorname.nachname.
const SPELLED_PLACEHOLDER_LOCAL =
  /(?:^|[+._-])your[._-]?(?:name|handle|user(?:name)?|login|id|e-?mail|alias)$|^(?:first[._-]?name[._-]?last[._-]?name|vorname[._-]nachname|pr[ée]nom[._-]nom|nombre[._-]apellido|nome[._-](?:cognome|apelido|sobrenome)|voornaam[._-]achternaam|fornavn[._-]etternavn|f[öo]rnamn[._-]efternamn|imi[eę][._-]nazwisko|etunimi[._-]sukunimi)$/i;
// Words about what mail services do with an address (plus addressing, aliases), or that give it as one of a kind
// ("accepts normal addresses like name.surname+tag@…"): its placeholder name is the example.
const MAIL_FEATURE = /\b(?:plus[- ]address(?:ing|es)?|sub-?address(?:ing|es)?|aliases|alias(?:ing)?|\+ sign|tags? after (?:the |a )?\+|like|such as)\b/i;

const GENERIC_LOCAL =
  /^(?:test|testing|user|username|name|your?[._-]?name|your[._-]?e-?mail|foo|bar|baz|email|mail|example|sample|demo|someone|you|me|abc|customer|client|guest|buyer|member|qa|uat|staging|\d{1,6})\d{0,3}(?:\+[\w.-]*)?$/i;

// A string literal in code around the address (email="alice@example.com", {"email": "bob@example.org"}), or an XML
// element's text (<Email>jane.doe@example.com</Email>): a fixture.
const CODE_LITERAL = /[=:(,][ \t]?["'`]$|<[A-Za-z][\w:.-]{0,30}>$/;

/** A role mailbox's local part, also one made of role words only: accounts-payable, dmarc-reports, people-team. */
function roleLocal(local: string): boolean {
  return ROLE_MAILBOX.test(local) || ROLE_COMPOUND.test(local) || local.split(/[-_.]/).every((w) => ROLE_WORD.test(w) || ROLE_MAILBOX.test(w) || w === 'reports');
}

/** True for a masked mailbox, or a placeholder name or domain in a question about formats, regexes or examples, claimed by no one. */
function placeholderAddress(address: string, window: string): boolean {
  const local = address.slice(0, address.indexOf('@'));
  if (MASKED_LOCAL.test(local)) return true;
  // A generic or role mailbox at a domain reserved for examples (test@example.org, admin@example.com, qa+rsvp@example.com)
  // is nobody's wherever it is, unless claimed; a real-looking name there (jane.doe@example.com) may stand for a real
  // person's, and needs words about examples.
  if (RESERVED_MAIL_DOMAIN.test(address) && (GENERIC_LOCAL.test(local) || roleLocal(local.replace(/\+.*/, ''))))
    return !CLAIMED.test(window) && !PERSONAL_CLAIM.test(window);
  if (!PLACEHOLDER_LOCAL.test(local) && !PLACEHOLDER_DOMAIN.test(address)) return false;
  return (FORMAT_QUESTION.test(window) || EXAMPLE_CONTEXT.test(window) || MAIL_FEATURE.test(window)) && !CLAIMED.test(window) && !PERSONAL_CLAIM.test(window);
}

/** True for an organisation's mailbox under its own name (edpb@edpb.europa.eu, cnil@cnil.fr), presented as an organisation's. */
function ownNameMailbox(address: string, window: string): boolean {
  const at = address.indexOf('@');
  const local = address.slice(0, at).toLowerCase().replace(/[._-]/g, '');
  if (local.length < 2) return false;
  const labels = address
    .slice(at + 1)
    .toLowerCase()
    .split('.')
    .slice(0, -1);
  if (!labels.some((l) => l.replace(/-/g, '') === local)) return false;
  return (INSTITUTION_DOMAIN.test(address) || ORG_WORDS.test(window) || ORGANISATION_CONTEXT.test(window)) && !CLAIMED.test(window);
}

/** True for an address at a domain reserved for examples, in words (`window`) about examples, tests or formats, claimed by no one. */
function exampleAddress(address: string, window: string): boolean {
  return RESERVED_MAIL_DOMAIN.test(address) && (EXAMPLE_CONTEXT.test(window) || FORMAT_QUESTION.test(window)) && !CLAIMED.test(window) && !PERSONAL_CLAIM.test(window);
}

/** True for an e-mail address at [start, end) of `text` at a domain reserved for examples, in a sentence about examples, tests or formats. */
export function documentedAddress(text: string, start: number, end: number): boolean {
  return exampleAddress(text.slice(start, end), `${text.slice(Math.max(0, start - 80), start)} ${text.slice(end, end + 80)}`);
}

/**
 * True for a role mailbox presented as an organisation's or an example, an automatic sender (noreply@), or
 * any address at a domain reserved for examples in a text about examples, tests or formats; none claimed as someone's own.
 */
export function roleAddress(text: string, start: number, end: number): boolean {
  // A dictated or obfuscated address ("helpdesk at contoso dot com", "name [at] domain [dot] com") is read as written.
  const address = text
    .slice(start, end)
    .replace('%40', '@')
    .replace(/\s*[[(]at[\])]\s*|\s+at\s+/i, '@')
    .replace(/\s*[[(]dot[\])]\s*|\s+dot\s+/gi, '.');
  const local = address.split('@')[0]!;
  // The words around the address, not the address itself (shop.example.net is no sign of an example).
  const window = `${text.slice(Math.max(0, start - 80), start)} ${text.slice(end, end + 80)}`;
  if (PERSONAL_CLAIM.test(window)) return false;
  if (exampleAddress(address, window) || placeholderAddress(address, window)) return true;
  if (RESERVED_MAIL_DOMAIN.test(address) && CODE_LITERAL.test(text.slice(Math.max(0, start - 34), start)) && !CLAIMED.test(window)) return true;
  // A placeholder on both sides (email@domain.com, name@yourcompany.com in a template, geral@empresa.pt), or a local part
  // that spells out that it is one (12345678+yourhandle@users.noreply.github.com), is no one's anywhere.
  const placeholderLocal = PLACEHOLDER_LOCAL.test(local) || roleLocal(local);
  if (((placeholderLocal && PLACEHOLDER_DOMAIN.test(address)) || SPELLED_PLACEHOLDER_LOCAL.test(local)) && !CLAIMED.test(window)) return true;
  // A mailbox the text calls shared or public (学校德育处公共邮箱 deyu@…, "the team's shared mailbox"), at no free provider.
  // A short text (one list or note) that calls its mailboxes shared says so of each, however far from the first.
  // At a free provider only when named so right before it (班级公共邮箱 class3_2024@126.com): a class or a club may hold one.
  if (
    SHARED_MAILBOX.test(text.length <= SHORT_TEXT ? text : window) &&
    (!PERSONAL_PROVIDER.test(address) || SHARED_MAILBOX.test(text.slice(Math.max(0, start - 16), start)))
  )
    return true;
  if (roleDisplayName(text, start) && !PERSONAL_PROVIDER.test(address)) return true;
  // A mailbox the text says an organisation publishes (官网上公布的招生咨询邮箱 zsb@pku.edu.cn, "listed on their website").
  if (PUBLISHED_MAILBOX.test(window) && !PERSONAL_PROVIDER.test(address) && !CLAIMED.test(window)) return true;
  if (!ROLE_MAILBOX.test(local) && !ROLE_COMPOUND.test(local) && !NO_PERSON_MAILBOX.test(local))
    return !PERSONAL_PROVIDER.test(address) && ownNameMailbox(address, window);
  if (PERSONAL_PROVIDER.test(address)) return false;
  // An automatic sender (noreply@accounts.google.com, a log's noreply@example.org) is read by no one, even at the
  // writer's own company's domain: a domain names an organisation, not a person.
  if (NO_PERSON_MAILBOX.test(local)) return true;
  // A short text (one template, note or post) speaks of its role mailbox as a whole: "my dog-walking business needs a
  // welcome email template … replies go to bookings@…".
  const context = text.length <= SHORT_TEXT ? text : window;
  return INSTITUTION_DOMAIN.test(address) || ORGANISATION_CONTEXT.test(context) || ORG_WORDS.test(window) || domainNamed(address, window);
}

/** True when the words around name the domain's organisation ("press@bbc.co.uk … a story tip to the BBC"). */
function domainNamed(address: string, window: string): boolean {
  const name = address.slice(address.indexOf('@') + 1).split('.')[0]!;
  return name.length >= 2 && new RegExp(`\\b${name.replace(/[^\w-]/g, '')}\\b`, 'i').test(window);
}

// A person's display name right before a free provider's mailbox (requester Farah Qureshi <farahq.designs@gmail.com>):
// that person's, even in a text where an organisation speaks of its invoices.
const DISPLAY_NAME_BEFORE = /\b\p{Lu}[\p{L}'’-]+ \p{Lu}[\p{L}'’-]+ <$/u;

/** True for a free provider's mailbox shown under a person's name. */
export function displayedPersonalMailbox(text: string, start: number, end: number): boolean {
  return DISPLAY_NAME_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && PERSONAL_PROVIDER.test(text.slice(start, end));
}
