// Every held-out privacy set, once: what it is written in, and whether the learned check trains on
// it or it stays a blind measure. router:privacy, router:train-privacy and the labelled test
// all read this list, so a new set is one line here (its provenance and first figures go in
// test/fixtures/privacy/README.md, written before the gate runs on it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRIVACY_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/privacy');

export interface HeldOutSet {
  /** The file's stem: "holdout-21" is test/fixtures/privacy/holdout-21.jsonl. */
  name: string;
  file: string;
  /** What its prompts are written in, for test names. */
  shapes: string;
  /**
   * "built-on": written early, the gate was then fixed until it met the full targets on it, which the
   * labelled test holds. "fixed": read blind once, then fixed for, held to a looser recall bar. "blind":
   * read blind and fixed for, but not trained on, so the learned check's figure on it stays honest.
   * The learned check trains on the first two tiers.
   */
  tier: 'built-on' | 'fixed' | 'blind';
}

function set(name: string, tier: HeldOutSet['tier'], shapes: string): HeldOutSet {
  return { name, file: path.join(PRIVACY_FIXTURES, `${name}.jsonl`), shapes, tier };
}

/** In the order they were written; the learned check trains on them in this order. */
export const HELD_OUT_SETS: readonly HeldOutSet[] = [
  set('holdout', 'built-on', 'other phrasings, written after the detector'),
  set('holdout-2', 'built-on', 'ids made to pass their checks, public figures'),
  set('holdout-3', 'built-on', 'forms, tables, e-mails, names in other scripts'),
  set('holdout-4', 'fixed', 'chat, dictation, code, mixed languages'),
  set('holdout-5', 'fixed', 'transcripts, OCR, logs, forms, chat threads'),
  set('holdout-6', 'fixed', 'pasted records, payslips, config, chat exports'),
  set('holdout-7', 'fixed', 'config, tickets, transcripts, records, ids of twenty countries'),
  set('holdout-8', 'fixed', 'chat, pasted records and forms, public and sample values'),
  set('holdout-9', 'fixed', 'HR notices, Traditional Chinese, European languages, organisations'),
  set('holdout-10', 'fixed', 'webhook payloads, FHIR, templates, test values, public figures'),
  set('holdout-11', 'fixed', 'NDJSON, vCards, MRZ lines, dictated IBANs, DingTalk exports'),
  set('holdout-12', 'fixed', 'chat logs, diffs, k8s secrets, SEPA XML, OCR’d payslips'),
  set('holdout-13', 'fixed', 'mail headers, SQL rows, Terraform, HL7, GEDCOM, 体检报告'),
  set('holdout-14', 'fixed', 'notebooks, Sentry events, forms, lock logs, 银行流水'),
  set('holdout-15', 'fixed', 'unit tests, config, shell history, CRM notes, wills, toll records'),
  set('holdout-16', 'fixed', 'voice notes, board papers, KYC letters, LaTeX, fixed-width files, 强积金'),
  set('holdout-17', 'fixed', 'autofill, webhooks, dashboards, ID OCR, receipts, EOBs, 快递面单'),
  set('holdout-18', 'fixed', 'minutes, tickets, registry exports, Spring config, PNRs, payslips, 医保结算单'),
  set('holdout-19', 'fixed', 'Helm, Ansible, VPN config, e-tickets, 12345 tickets, HKID forms, bills'),
  set('holdout-20', 'fixed', 'docker, Terraform, PHP config, webhooks, patient portals, 结婚证, 公证书'),
  set('holdout-21', 'fixed', 'kubeconfig, Jenkins, Django, Maven, out-of-office replies, probation notes, 借条, 征信报告'),
  set('holdout-22', 'fixed', 'Composer, Heroku, LDIF, SAML, discharge summaries, grievances, tax letters, 戶籍謄本'),
  set('holdout-23', 'fixed', 'Android, FileZilla, systemd, Vault, EHCP reports, safeguarding, EMV dumps, 户口迁移证'),
  set('holdout-24', 'fixed', 'Gradle, Postfix, authenticator keys, CPAP exports, telematics, SEPA mandates, 菜鸟驿站'),
  set('holdout-25', 'fixed', 'Kotlin, R, VBA, SAP IDocs, X12 EDI, DICOM, family trees, 病案首页, 班主任手册'),
  set('holdout-26', 'fixed', 'Pulumi, Redis ACLs, router config, parole and insolvency papers, 催收短信, 破產令'),
  set('holdout-27', 'fixed', 'Rails credentials, Laravel .env, Salt pillars, mail filters, eID dumps, UWV and Kela letters, 个税APP, 贝壳'),
  set('holdout-28', 'fixed', 'handover sheets, 111 notes, DoLS, 360 reports, payroll journals, MT940, DATEV, 产检手册, 举报信'),
  set('holdout-29', 'fixed', 'Caddy and Traefik config, Keycloak exports, sign-in logs, result grids, choir registers, 快递柜, 婚礼宾客名单'),
  set('holdout-30', 'fixed', 'PagerDuty and ServiceNow, help-desk threads, mail traces, housing and school letters, 物业缴费, 公屋續租'),
  set('holdout-31', 'blind', 'CI logs, Firebase, password-manager exports, mortgages, vets, school reports, 高考志愿, 公积金'),
  set('holdout-32', 'blind', 'Okta logs, Mongo shells, Shopify webhooks, GP referrals, tribunal bundles, PCN appeals, 个税汇算, 澳門身份證'),
];

/** One held-out set by its name; throws on a name that is not in the list, so a typo cannot measure nothing. */
export function heldOutSet(name: string): HeldOutSet {
  const found = HELD_OUT_SETS.find((s) => s.name === name);
  if (!found) throw new Error(`no held-out privacy set named ${name}`);
  return found;
}
