import { describe, expect, it } from 'vitest';
import {
  allPrivacySetPaths,
  HOLDOUT_3_PATH,
  HOLDOUT_4_PATH,
  HOLDOUT_5_PATH,
  HOLDOUT_6_PATH,
  HOLDOUT_7_PATH,
  HOLDOUT_8_PATH,
  HOLDOUT_9_PATH,
  HOLDOUT_10_PATH,
  HOLDOUT_11_PATH,
  HOLDOUT_12_PATH,
  HOLDOUT_13_PATH,
  HOLDOUT_14_PATH,
  HOLDOUT_15_PATH,
  HOLDOUT_16_PATH,
  HOLDOUT_17_PATH,
  HOLDOUT_18_PATH,
  HOLDOUT_19_PATH,
  HOLDOUT_20_PATH,
  HOLDOUT_21_PATH,
  HOLDOUT_22_PATH,
  HOLDOUT_23_PATH,
  HOLDOUT_24_PATH,
  HOLDOUT_25_PATH,
  HOLDOUT_26_PATH,
  HOLDOUT_PATHS,
  loadLabelledPrompts,
  privacyReport,
  STRICT_PATH,
  TARGET_FALSE_POSITIVE_RATE,
  TARGET_RECALL,
} from '../../scripts/router/privacy-report.js';
import { PRIVACY_TRAINING_SETS, privacyTrainingPrompts } from '../../scripts/router/privacy-train.js';
import { detectPrivateData } from '../../src-main/router/privacy.js';

const prompts = loadLabelledPrompts();

describe('the privacy gate on the labelled prompts', () => {
  it('is a set of at least 300 prompts, about half sensitive, with at least 60 in Chinese', () => {
    expect(prompts.length).toBeGreaterThanOrEqual(300);
    const sensitive = prompts.filter((p) => p.sensitive).length;
    expect(Math.abs(sensitive / prompts.length - 0.5)).toBeLessThan(0.05);
    expect(prompts.filter((p) => p.lang === 'zh').length).toBeGreaterThanOrEqual(60);
    const categories = new Set(prompts.map((p) => p.category));
    for (const c of ['credential', 'government-id', 'health', 'hr', 'date-of-birth', 'location', 'email', 'phone', 'card', 'iban', 'address']) {
      expect(categories, c).toContain(c);
    }
  });

  it(`keeps at least ${TARGET_RECALL} of the sensitive prompts local`, () => {
    const report = privacyReport(prompts);
    expect(report.overall.recall, report.missed.join('\n')).toBeGreaterThanOrEqual(TARGET_RECALL);
  });

  it(`keeps at most ${TARGET_FALSE_POSITIVE_RATE * 100}% of the near-misses local for nothing`, () => {
    const report = privacyReport(prompts);
    expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
  });
});

// The held-out sets were blind only on their first run (figures in test/fixtures/privacy/README.md);
// after the fixes they are held here so that a later change cannot quietly lose what they taught.
describe('the privacy gate on the held-out sets', () => {
  it('holdout-3 is at least 160 prompts, about half sensitive, every category, in English and Chinese', () => {
    const set = loadLabelledPrompts(HOLDOUT_3_PATH);
    expect(set.length).toBeGreaterThanOrEqual(160);
    expect(Math.abs(set.filter((p) => p.sensitive).length / set.length - 0.5)).toBeLessThan(0.05);
    expect(set.filter((p) => p.lang === 'zh').length).toBeGreaterThanOrEqual(40);
    const categories = new Set(set.filter((p) => p.sensitive).map((p) => p.category));
    for (const c of ['credential', 'government-id', 'health', 'hr', 'date-of-birth', 'location', 'email', 'phone', 'card', 'iban', 'address']) {
      expect(categories, c).toContain(c);
    }
  });

  for (const [name, file] of Object.entries(HOLDOUT_PATHS)) {
    it(`${name}: recall at least ${TARGET_RECALL}, false positives at most ${TARGET_FALSE_POSITIVE_RATE * 100}%`, () => {
      const report = privacyReport(loadLabelledPrompts(file));
      expect(report.overall.recall, report.missed.join('\n')).toBeGreaterThanOrEqual(TARGET_RECALL);
      expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
    });
  }
});

// holdout-4 to holdout-8 were blind on their first runs (README there: 0.70, 0.757, 0.788, 0.89 and 0.865
// recall); the gate was then generalised by structure for what they found (holdout-4: dictated numbers,
// lower-case names, homes by landmark, code and config; holdout-5: records and OCR'd scans, chat speakers,
// HR in running text, national phone shapes, seed phrases, published test values; holdout-6: whole
// families of national ids, record keys, pay documents, addresses, national phones and false alarms;
// holdout-7: HR in tax returns and notes, dates of birth in tables, health reports, ids said in chat;
// holdout-8: organisations' own details, public figures, textbook values, and the learned check trains on it;
// holdout-9 and holdout-10 (0.825 and 0.936 blind): HR notices and payloads, Traditional Chinese, organisations
// and public figures taken back, templates and test values, and the learned check trains on both; holdout-11 (0.925
// blind): pets, biographies, bank accounts, trackers, names in Chinese clauses, and the check trains on it; holdout-12
// (0.950 blind): logs naming users, mailboxes, venues, shows, pets, and the check trains on it; holdout-13 and -14 (0.965
// and 0.905 blind): mail headers, specimens, routines, fake data, organisations' accounts, the writer's own pay and sick
// leave, and the check trains on both; holdout-15 to -17 (0.940, 0.945 and 0.945 blind): the writer's own pay and
// leave in European languages, wearables, transit taps, fixed-width files, and the check trains on all three; holdout-18
// to -20 (0.930, 0.955 and 0.950 blind): config secrets, codes and birth dates in European languages, hotel stays, HR
// standing, bills, and the check trains on all three), so they are held here
// too, to a looser recall bar than the sets the gate was built on.
const FIXED_BLIND_RECALL = 0.95;
const FIXED_BLIND_SETS = [
  ['holdout-4 (chat, dictation, code, mixed languages)', HOLDOUT_4_PATH],
  ['holdout-5 (transcripts, OCR, logs, forms, chat threads)', HOLDOUT_5_PATH],
  ['holdout-6 (pasted records, payslips, config, chat exports)', HOLDOUT_6_PATH],
  ['holdout-7 (config, tickets, transcripts, records, ids of twenty countries)', HOLDOUT_7_PATH],
  ['holdout-8 (chat, pasted records and forms, public and sample values)', HOLDOUT_8_PATH],
  ['holdout-9 (HR notices, Traditional Chinese, European languages, organisations)', HOLDOUT_9_PATH],
  ['holdout-10 (webhook payloads, FHIR, templates, test values, public figures)', HOLDOUT_10_PATH],
  ['holdout-11 (NDJSON, vCards, MRZ lines, dictated IBANs, DingTalk exports)', HOLDOUT_11_PATH],
  ['holdout-12 (chat logs, diffs, k8s secrets, SEPA XML, OCR’d payslips)', HOLDOUT_12_PATH],
  ['holdout-13 (mail headers, SQL rows, Terraform, HL7, GEDCOM, 体检报告)', HOLDOUT_13_PATH],
  ['holdout-14 (notebooks, Sentry events, forms, lock logs, 银行流水)', HOLDOUT_14_PATH],
  ['holdout-15 (unit tests, config, shell history, CRM notes, wills, toll records)', HOLDOUT_15_PATH],
  ['holdout-16 (voice notes, board papers, KYC letters, LaTeX, fixed-width files, 强积金)', HOLDOUT_16_PATH],
  ['holdout-17 (autofill, webhooks, dashboards, ID OCR, receipts, EOBs, 快递面单)', HOLDOUT_17_PATH],
  ['holdout-18 (minutes, tickets, registry exports, Spring config, PNRs, payslips, 医保结算单)', HOLDOUT_18_PATH],
  ['holdout-19 (Helm, Ansible, VPN config, e-tickets, 12345 tickets, HKID forms, bills)', HOLDOUT_19_PATH],
  ['holdout-20 (docker, Terraform, PHP config, webhooks, patient portals, 结婚证, 公证书)', HOLDOUT_20_PATH],
] as const;

for (const [name, file] of FIXED_BLIND_SETS) {
  describe(`the privacy gate on ${name}`, () => {
    const set = loadLabelledPrompts(file);

    it(`keeps at least ${FIXED_BLIND_RECALL} of its sensitive prompts local and at most ${TARGET_FALSE_POSITIVE_RATE * 100}% of its near-misses`, () => {
      expect(set.length).toBeGreaterThanOrEqual(250);
      const report = privacyReport(set);
      expect(report.overall.recall, report.missed.join('\n')).toBeGreaterThanOrEqual(FIXED_BLIND_RECALL);
      expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
    });

    it('holds in both languages, not only overall', () => {
      const report = privacyReport(set);
      for (const lang of ['en', 'zh']) {
        expect(report.byLanguage[lang]!.recall, lang).toBeGreaterThanOrEqual(FIXED_BLIND_RECALL);
        expect(report.byLanguage[lang]!.falsePositiveRate, lang).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
      }
    });
  });
}

// The newest held-out sets, written by someone who read neither the rules nor the other sets and committed before their
// first runs (README): those runs were blind. The learned check does not train on them and no figure is asserted here
// (npm run router:privacy measures them). Only their shape is checked, so that the measure stays what the README says
// it is. (Empty between a stop's training on its blind sets and the next blind set's commit.)
const BLIND_SETS: readonly (readonly [name: string, file: string])[] = [
  ['the twenty-first set', HOLDOUT_21_PATH],
  ['the twenty-second set', HOLDOUT_22_PATH],
  ['the twenty-third set', HOLDOUT_23_PATH],
  ['the twenty-fourth set', HOLDOUT_24_PATH],
  ['the twenty-fifth set', HOLDOUT_25_PATH],
  ['the twenty-sixth set', HOLDOUT_26_PATH],
];
for (const [name, file] of BLIND_SETS) {
  describe(name, () => {
    const set = loadLabelledPrompts(file);

    it('is at least 400 prompts, about half sensitive, at least 120 in Chinese, every category on both sides', () => {
      expect(set.length).toBeGreaterThanOrEqual(400);
      expect(Math.abs(set.filter((p) => p.sensitive).length * 2 - set.length)).toBeLessThanOrEqual(10);
      expect(set.filter((p) => p.lang === 'zh').length).toBeGreaterThanOrEqual(120);
      for (const c of ['credential', 'government-id', 'health', 'hr', 'date-of-birth', 'location', 'email', 'phone', 'card', 'iban', 'address']) {
        for (const sensitive of [true, false])
          expect(set.filter((p) => p.category === c && p.sensitive === sensitive).length, `${c} ${sensitive}`).toBeGreaterThanOrEqual(15);
      }
      expect(new Set(set.map((p) => p.text)).size).toBe(set.length);
    });

    it("is not among the learned check's training sets, and shares no prompt with them", () => {
      expect(Object.values(PRIVACY_TRAINING_SETS)).not.toContain(file);
      const trained = new Set(privacyTrainingPrompts().map((p) => p.text.trim().toLowerCase()));
      expect(set.filter((p) => trained.has(p.text.trim().toLowerCase())).map((p) => p.text)).toEqual([]);
    });
  });
}

describe('the strict privacy level on its own prompts', () => {
  const strictPrompts = loadLabelledPrompts(STRICT_PATH);

  it('keeps a name with an age, a family member or a workplace local, in English and Chinese, where the standard level sends it', () => {
    const strict = privacyReport(strictPrompts, 'strict');
    expect(strict.overall.recall, strict.missed.join('\n')).toBeGreaterThanOrEqual(TARGET_RECALL);
    expect(privacyReport(strictPrompts, 'standard').overall.recall).toBeLessThan(0.5);
  });

  it('still sends the same questions without a person in them', () => {
    const strict = privacyReport(strictPrompts, 'strict');
    expect(strict.overall.falsePositiveRate, strict.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
  });

  it('keeps local everything the standard level keeps local, on every set', () => {
    const rules = (text: string, level: 'standard' | 'strict') => detectPrivateData(text, level, { learned: false }).length > 0;
    const files = allPrivacySetPaths();
    expect(files).toContain(HOLDOUT_26_PATH);
    for (const file of files) {
      const looser = loadLabelledPrompts(file).filter((p) => rules(p.text, 'standard') && !rules(p.text, 'strict'));
      expect(looser.map((p) => p.text)).toEqual([]);
    }
  });

  it('adds no false positive on the standard near-misses', () => {
    const report = privacyReport(prompts, 'strict');
    expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
  });
});
