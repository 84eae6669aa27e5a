// E-mail addresses that belong to no private person: a role mailbox (support@, press@, noreply@, team-…@)
// presented as an organisation's, an automatic sender, or an address at a domain reserved for examples in
// words about examples, tests or formats. An address at a free-mail provider, or claimed as someone's own,
// stays a person's.
import { CLAIMED, EXAMPLE_CONTEXT, FORMAT_QUESTION } from './privacy-takeback-context.js';

// Mailboxes that are roles, not people (RFC 2142 and common practice): support@, press@, noreply@, team-x@, room-4b@.
const ROLE_MAILBOX =
  /^(?:help|support|info|hello|contact|enquiries|inquiries|press|media|pr|sales|billing|accounts|invoices|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|privacy|legal|compliance|jobs|careers|recruiting|hr|marketing|newsletter|news|noreply|no-reply|donotreply|do-not-reply|notifications?|alerts?|feedback|service|customerservice|office|reception|team|test|testing|demo|example|bookings|reservations|orders|shop|store|events|partners|investors|ir|dev|devops|ops|it|helpdesk|servicedesk)$|^(?:team|room|group|list|dept|ops)[-_.]/i;
// A person's name or a personal claim next to the address makes even a role mailbox theirs ("my personal one is info@…").
const PERSONAL_CLAIM = /\b(?:my (?:personal|private|own|home)|personal (?:e-?mail|address))\b/i;

// The text presents the mailbox as an organisation's or as an example: "our support address", a
// press release, a calendar's organiser, a demo sender. A role mailbox alone ("why does noreply@… land
// in spam?") may still be someone's own domain, so it stays.
const ORGANISATION_CONTEXT =
  /\b(?:our|support|press|contact|team|company|organi[sz]er|release|auto-?reply|sender|from address|demo|examples?|tests?|unit tests?|reserved|rfc ?\d+)\b|发件人|演示|示例|测试|公司/i;

// Mailboxes no one reads as a person: automatic senders.
const NO_PERSON_MAILBOX = /^(?:noreply|no-reply|no_reply|donotreply|do-not-reply|do_not_reply|notifications?|alerts?|mailer-daemon|postmaster|bounces?)$/i;
// Free mail providers: a role-like name there (info@gmail.com) is one person's own mailbox.
const PERSONAL_PROVIDER =
  /@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|mail|yandex|zoho|qq|163|126|sina|sohu|foxmail|naver|daum|hanmail|rediffmail|libero|orange|free|wanadoo|t-online|btinternet|sky|virginmedia)\.[a-z.]{2,10}$/i;
// Domains reserved for documentation and testing (RFC 2606, RFC 6761).
const RESERVED_MAIL_DOMAIN = /@(?:[\w-]+\.)*(?:example\.(?:com|net|org)|[\w-]+\.(?:example|test|invalid|localhost))$/i;
// Words that say the mailbox belongs to an organisation: a website, media, enquiries, or mail the writer receives from it
// ("keeps emailing me", "in my spam folder"). Sending from one ("why does noreply@… land in spam?") may be the writer's own domain.
const ORG_WORDS =
  /\b(?:website|site|web ?page|lists|listed|media|enquiries|inquiries|notifications?|newsletter|official|department|ministry|agency|university|council|government|organi[sz]ation|charity|NGO|foundation|institute|hospital|school|bank|airline|(?:sending|emailing|mailing|spamming) me|e-?mails? me|sent me|my (?:inbox|spam folder|junk folder)|unsubscribe)\b|官网|官方|媒体|部门|发给我|退订/i;
// Domains only organisations hold (who.int, gov.uk, ox.ac.uk, mit.edu): their role mailboxes are theirs.
const INSTITUTION_DOMAIN = /\.(?:int|gov|edu|mil|ac\.[a-z]{2}|gov\.[a-z]{2}|edu\.[a-z]{2}|gouv\.fr|bund\.de)$/i;

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
  const address = text.slice(start, end);
  const local = address.split('@')[0]!;
  // The words around the address, not the address itself (shop.example.net is no sign of an example).
  const window = `${text.slice(Math.max(0, start - 80), start)} ${text.slice(end, end + 80)}`;
  if (PERSONAL_CLAIM.test(window)) return false;
  if (exampleAddress(address, window)) return true;
  if (!ROLE_MAILBOX.test(local) && !NO_PERSON_MAILBOX.test(local)) return false;
  if (PERSONAL_PROVIDER.test(address)) return false;
  return INSTITUTION_DOMAIN.test(address) || ORGANISATION_CONTEXT.test(window) || ORG_WORDS.test(window);
}
