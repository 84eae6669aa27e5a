// The privacy gate measured on the labelled prompts in test/fixtures/privacy/labelled.jsonl: per
// category, the share of sensitive prompts it keeps local (recall) and the share of near-misses it
// keeps local for nothing (false-positive rate). The gate is one yes/no per prompt (any finding
// keeps it here), so that is what is counted, whatever kind the finding has.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPrivateData, type PrivacyLevel } from '../../src-main/router/privacy.js';

export interface LabelledPrompt {
  text: string;
  sensitive: boolean;
  category: string;
  /** "en" or "zh"; holdout-15 and later give other European languages their own code (de, fr, sv …). */
  lang: string;
}

export interface GateFigures {
  sensitive: number;
  nearMisses: number;
  recall: number;
  falsePositiveRate: number;
}

export interface PrivacyReport {
  prompts: number;
  targets: { recall: number; falsePositiveRate: number };
  overall: GateFigures & { recallPass: boolean; falsePositivePass: boolean };
  byLanguage: Record<string, GateFigures>;
  byCategory: Record<string, GateFigures>;
  /** The prompts the gate got wrong, so a failure can be read without a debugger. */
  missed: string[];
  falsePositives: string[];
}

export const TARGET_RECALL = 0.98;
export const TARGET_FALSE_POSITIVE_RATE = 0.05;

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/privacy');
export const LABELLED_PATH = path.join(FIXTURES, 'labelled.jsonl');
/** Prompts written after the detector, never tuned on before their first run (see the README there). */
export const HOLDOUT_PATH = path.join(FIXTURES, 'holdout.jsonl');
/** A second set written later, blind to the detector's changes for the first one. */
export const HOLDOUT_2_PATH = path.join(FIXTURES, 'holdout-2.jsonl');
/** A third, larger set (forms, tables, e-mails, names in other scripts), written before the gate was run on it. */
export const HOLDOUT_3_PATH = path.join(FIXTURES, 'holdout-3.jsonl');
/** A fourth (chat, dictation, code and config, mixed English/Chinese), written without reading the gate's rules. */
export const HOLDOUT_4_PATH = path.join(FIXTURES, 'holdout-4.jsonl');
/** A fifth (transcripts, OCR, logs, forms, chat threads), written without reading the gate; blind on its first run, the rules were then generalised for it. */
export const HOLDOUT_5_PATH = path.join(FIXTURES, 'holdout-5.jsonl');
/**
 * A sixth (pasted records: .env files, payslips, discharge letters, CSV/SQL/JSON, chat exports), written by
 * someone who read neither the rules nor the other sets; blind on its first run (stop 22), then fixed by
 * family in stop 23, and the learned check trains on it.
 */
export const HOLDOUT_6_PATH = path.join(FIXTURES, 'holdout-6.jsonl');
/**
 * A seventh (config and code, tickets, transcripts, health and money records, forms and OCR'd ids of
 * some twenty countries), written in stop 23 by someone who read neither the rules nor the other sets.
 * Blind for stop 23 (its first figures are in the fixtures' README); since stop 24 the rules are fixed
 * for its families and the learned check trains on it.
 */
export const HOLDOUT_7_PATH = path.join(FIXTURES, 'holdout-7.jsonl');
/**
 * An eighth (404 prompts, 128 in Chinese: chat, pasted records, forms, the four weakest kinds weighted
 * up), written in stop 24 by someone who read neither the rules nor the other sets, before any of that
 * stop's rule or learned-check changes were measured on it. Blind for stop 24 (its first figures are in
 * the fixtures' README); since stop 25 the rules are fixed for its families and the learned check trains on it.
 */
export const HOLDOUT_8_PATH = path.join(FIXTURES, 'holdout-8.jsonl');
/**
 * A ninth (400 prompts, 132 in Chinese, Traditional and Cantonese among them, and some in other European
 * languages), written in stop 25 by someone who read neither the rules nor the other sets, committed
 * before the gate was run on it. Its first run is the stop's blind figure; the rules were then fixed for
 * the families it showed, and the learned check never trains on it.
 */
export const HOLDOUT_9_PATH = path.join(FIXTURES, 'holdout-9.jsonl');
/**
 * A tenth (403 prompts, 132 in Chinese), written in stop 25 by someone who read neither the rules nor the other
 * sets, while the ninth set's families were being fixed, and run once those fixes were done: the blind figure of
 * the gate as stop 25 left it. Fixed against in stop 26, and trained on since, as holdout-9.
 */
export const HOLDOUT_10_PATH = path.join(FIXTURES, 'holdout-10.jsonl');
/**
 * An eleventh (400 prompts, 132 in Chinese), written in stop 26 the same way, with near-misses that mirror
 * sensitive prompts in the same shape; committed before its first run, the blind figure of the gate as stop 26
 * left it. Fixed against in stop 26 and 27, and trained on since stop 27.
 */
export const HOLDOUT_11_PATH = path.join(FIXTURES, 'holdout-11.jsonl');
/**
 * A twelfth (400 prompts, 134 in Chinese), written in stop 27 the same way, in chat logs, diffs, config, OCR'd
 * documents and long pastes; committed before its first run, the blind figure of the gate as stop 27 found it.
 * Fixed against in stop 27, and trained on since stop 28.
 */
export const HOLDOUT_12_PATH = path.join(FIXTURES, 'holdout-12.jsonl');
/**
 * A thirteenth (400 prompts, 130 in Chinese), written in stop 28 the same way, in mail headers, SQL and TSV rows,
 * Terraform and CI config, HAR and curl, HL7 and FHIR, GEDCOM, transcripts and Chinese receipts; committed before its
 * first run, the blind figure of the gate as stop 28 found it. Fixed against in stop 28, and trained on since stop 29.
 */
export const HOLDOUT_13_PATH = path.join(FIXTURES, 'holdout-13.jsonl');
/**
 * A fourteenth (400 prompts, 136 in Chinese), written in stop 28 once holdout-13's fixes were in, in notebook and
 * DataFrame output, Sentry events, meeting chat, forms, OCR'd notes, lock logs and Chinese receipts; committed before
 * its first run, the blind figure of stop 28's gate. Trained on since stop 29, as holdout-13 is.
 */
export const HOLDOUT_14_PATH = path.join(FIXTURES, 'holdout-14.jsonl');
/**
 * A fifteenth (400 prompts, 130 in Chinese), written in stop 29 in unit tests, protobuf and GraphQL, config files,
 * shell history and server logs, CRM and ATS notes, progress notes, wills, tax returns, visa forms, toll records and
 * sign-up sheets; committed before its first run, the blind figure of stop 29's gate. Fixed for, and trained on since stop 30.
 */
export const HOLDOUT_15_PATH = path.join(FIXTURES, 'holdout-15.jsonl');
/**
 * A sixteenth (400 prompts, 132 in Chinese), written in stop 29 while holdout-15's families were fixed, in voice notes,
 * board papers, HR case exports, rental and KYC letters, crowdfunding pages, LaTeX, fixed-width files, 强积金 and
 * 八達通; committed before its first run, the blind figure of the gate after holdout-15's fixes. Fixed for, and trained on since stop 30.
 */
export const HOLDOUT_16_PATH = path.join(FIXTURES, 'holdout-16.jsonl');
/**
 * A seventeenth (400 prompts, 131 in Chinese), written in stop 29 while holdout-16's families were fixed, in autofill and
 * webhook payloads, dashboards, chat widgets, ID and card OCR, QR payloads, receipts, EOBs, 挂号单, 不动产权证 and 快递面单;
 * committed before its first run, the blind figure of stop 29's last gate. Fixed for, and trained on since stop 30.
 */
export const HOLDOUT_17_PATH = path.join(FIXTURES, 'holdout-17.jsonl');
/**
 * An eighteenth (400 prompts, 132 in Chinese), written in stop 30 while the check was trained on holdout-15 to -17, in
 * meeting minutes, tickets, invites, SOAP and registry exports, device logs, network config, school, club, vet and
 * insurance forms, PNRs, payslips, 医保结算单, 入职登记表, 租房合同 and Cantonese chat; committed before its first run, the
 * blind figure of stop 30's gate. Fixed for, and trained on since stop 31.
 */
export const HOLDOUT_18_PATH = path.join(FIXTURES, 'holdout-18.jsonl');
/**
 * A nineteenth (400 prompts, 132 in Chinese), written in stop 30 while holdout-18's families were fixed, in Helm,
 * Ansible, Postman and VPN config, CRM exports, job sheets, e-tickets, Chinese and Taiwanese forms, care and nursery
 * logs, newsletters, CVs, summonses and bills; committed before its first run, the blind figure of the gate after
 * holdout-18's fixes. Fixed for, and trained on since stop 31.
 */
export const HOLDOUT_19_PATH = path.join(FIXTURES, 'holdout-19.jsonl');
/**
 * A twentieth (400 prompts, 132 in Chinese), written in stop 30 while holdout-19's families were fixed, in docker and
 * Terraform output, CI variables, Airflow and cron logs, PHP config, payment webhooks, sheets, patient-portal messages,
 * letters and forms of many countries, Chinese certificates and Cantonese voice messages; committed before its first
 * run, the blind figure of the gate after holdout-19's fixes. Fixed for, and trained on since stop 31.
 */
export const HOLDOUT_20_PATH = path.join(FIXTURES, 'holdout-20.jsonl');
/**
 * A twenty-first (400 prompts, 130 in Chinese), written in stop 31 in developer config (kubeconfig, Jenkins scripts,
 * Grafana, Django, Maven, .npmrc, docker config.json), chat exports and messages, out-of-office replies, forms and
 * letters (port-outs, DBS checks, probation and care notes, fertility and optician letters), 借条, 征信报告, 判决书,
 * 工资条 and 族谱; committed before its first run, the blind figure of the gate after training on holdout-18 to -20.
 * Never trained on.
 */
export const HOLDOUT_21_PATH = path.join(FIXTURES, 'holdout-21.jsonl');
/**
 * A twenty-second (400 prompts, 132 in Chinese, 42 in other European languages), written in stop 31 beside the
 * twenty-first, in Composer, Bundler, Heroku and .pgpass config, LDIF, SAML and OAuth payloads, discharge summaries,
 * care plans, grievances, settlements, pilot logbooks, tax letters of several countries, 政审材料, 戶籍謄本, 公屋申請 and
 * 离婚协议书; committed before its first run, the blind figure of the same gate. Never trained on.
 */
export const HOLDOUT_22_PATH = path.join(FIXTURES, 'holdout-22.jsonl');
/**
 * A twenty-third (400 prompts, 130 in Chinese), written in stop 31 while holdout-21's and -22's families were fixed, in
 * Android, fastlane, FileZilla, PuTTY, msmtp, fstab, crontab, systemd and Vault config, naturalisation and deed-poll
 * forms, EHCP, speech-therapy and occupational-health reports, benefit and blue-badge texts, safeguarding write-ups,
 * EMV dumps, 户口迁移证, 住院押金单, 转诊单 and 長者卡; committed before its first run, the blind figure of the gate after
 * those fixes. Never trained on.
 */
export const HOLDOUT_23_PATH = path.join(FIXTURES, 'holdout-23.jsonl');
/**
 * A twenty-fourth (400 prompts, 133 in Chinese, 43 in other European languages), written in stop 31 beside the
 * twenty-third, in Gradle, Postfix and cloudflared config, authenticator keys, CPAP, glucose and period-tracker exports,
 * HR platforms' records, hotel key-encoder logs, telematics, boarding passes, VoIP records, NFC dumps, bank messages,
 * SEPA mandates and Chinese health, recruiting and delivery apps; committed before its first run, the blind figure of the
 * same gate. Never trained on.
 */
export const HOLDOUT_24_PATH = path.join(FIXTURES, 'holdout-24.jsonl');
/**
 * A twenty-fifth (400 prompts, 132 in Chinese), written in stop 31 while holdout-23's and -24's families were fixed, in
 * Kotlin, Swift, R, SAS and VBA code, SAP IDocs, US healthcare EDI, DICOM and lab exports, school, driving and removal
 * records, auction forms, family trees, 病案首页, 检验报告单, 心理咨询记录, 班主任手册 and 成績單; committed before its first
 * run, the blind figure of the gate after those fixes. Never trained on.
 */
export const HOLDOUT_25_PATH = path.join(FIXTURES, 'holdout-25.jsonl');
/**
 * A twenty-sixth (400 prompts, 132 in Chinese, 40 in other European languages), written in stop 31 beside the
 * twenty-fifth, in Pulumi, Nomad, Redis ACL, CMS and router config, payment SDK snippets, court, tribunal, parole,
 * insolvency and housing papers, casework, food-bank referrals, 失信/限高, 低保, 催收短信, 民事起诉状 and 破產令; committed
 * before its first run, the blind figure of the same gate. Never trained on.
 */
export const HOLDOUT_26_PATH = path.join(FIXTURES, 'holdout-26.jsonl');
/**
 * The held-out sets by name, in the order they were written, that the labelled test holds to the full
 * targets. holdout-4, holdout-5 and holdout-6, written blind to the rules and fixed afterwards, are
 * held there to a looser recall bar of their own, holdout-7 too since stop 24; holdout-8 is only
 * measured (it stays blind).
 */
export const HOLDOUT_PATHS = { holdout: HOLDOUT_PATH, 'holdout-2': HOLDOUT_2_PATH, 'holdout-3': HOLDOUT_3_PATH } as const;
/** What only the strict level keeps local (a name with an age, a family member or a workplace), and near-misses. */
export const STRICT_PATH = path.join(FIXTURES, 'strict.jsonl');

/** Every labelled set in the fixtures folder (labelled, each held-out set, strict), found on disk so none is left out by hand. */
export function allPrivacySetPaths(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(FIXTURES, f));
}

/** The labelled prompts, one JSON object a line. */
export function loadLabelledPrompts(file = LABELLED_PATH): LabelledPrompt[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPrompt);
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function figures(rows: readonly { sensitive: boolean; flagged: boolean }[]): GateFigures {
  const sensitive = rows.filter((r) => r.sensitive);
  const near = rows.filter((r) => !r.sensitive);
  return {
    sensitive: sensitive.length,
    nearMisses: near.length,
    recall: round(sensitive.length === 0 ? 1 : sensitive.filter((r) => r.flagged).length / sensitive.length),
    falsePositiveRate: round(near.length === 0 ? 0 : near.filter((r) => r.flagged).length / near.length),
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const r of rows) (out[key(r)] ??= []).push(r);
  return out;
}

/** The rules' own yes/no at `level`, without the learned check: a `flagged` for privacyReport. */
export function rulesFlag(level: PrivacyLevel): (p: LabelledPrompt) => boolean {
  return (p) => detectPrivateData(p.text, level, { learned: false }).length > 0;
}

/**
 * Recall and false-positive rate of detectPrivateData at `level` on the prompts, overall and per
 * category; `flagged` replaces the gate's own yes/no (to score the rules with another learned check).
 */
export function privacyReport(
  prompts: readonly LabelledPrompt[],
  level: PrivacyLevel = 'standard',
  flagged: (p: LabelledPrompt, i: number) => boolean = (p) => detectPrivateData(p.text, level).length > 0,
): PrivacyReport {
  const rows = prompts.map((p, i) => ({ ...p, flagged: flagged(p, i) }));
  const overall = figures(rows);
  const map = (groups: Record<string, typeof rows>): Record<string, GateFigures> => Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, figures(v)]));
  return {
    prompts: rows.length,
    targets: { recall: TARGET_RECALL, falsePositiveRate: TARGET_FALSE_POSITIVE_RATE },
    overall: { ...overall, recallPass: overall.recall >= TARGET_RECALL, falsePositivePass: overall.falsePositiveRate <= TARGET_FALSE_POSITIVE_RATE },
    byLanguage: map(groupBy(rows, (r) => r.lang)),
    byCategory: map(groupBy(rows, (r) => r.category)),
    missed: rows.filter((r) => r.sensitive && !r.flagged).map((r) => `${r.category}: ${r.text}`),
    falsePositives: rows.filter((r) => !r.sensitive && r.flagged).map((r) => `${r.category}: ${r.text}`),
  };
}
