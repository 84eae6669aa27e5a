import { describe, expect, it } from 'vitest';
import {
  HOLDOUT_3_PATH,
  HOLDOUT_4_PATH,
  HOLDOUT_5_PATH,
  HOLDOUT_PATHS,
  loadLabelledPrompts,
  privacyReport,
  STRICT_PATH,
  TARGET_FALSE_POSITIVE_RATE,
  TARGET_RECALL,
} from '../../scripts/router/privacy-report.js';
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

// holdout-4 was blind on its first run (recall 0.70, 4.6% false positives: dictated numbers, lower-case
// names, homes by landmark, code and config); the gate was then generalised by structure, so it is held
// here too, to a looser bar than the sets the gate was built on.
describe('the privacy gate on holdout-4 (chat, dictation, code, mixed languages)', () => {
  const HOLDOUT_4_RECALL = 0.95;
  const set = loadLabelledPrompts(HOLDOUT_4_PATH);

  it(`keeps at least ${HOLDOUT_4_RECALL} of its sensitive prompts local and at most ${TARGET_FALSE_POSITIVE_RATE * 100}% of its near-misses`, () => {
    expect(set.length).toBeGreaterThanOrEqual(250);
    const report = privacyReport(set);
    expect(report.overall.recall, report.missed.join('\n')).toBeGreaterThanOrEqual(HOLDOUT_4_RECALL);
    expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
  });

  it('holds in both languages, not only overall', () => {
    const report = privacyReport(set);
    for (const lang of ['en', 'zh']) {
      expect(report.byLanguage[lang]!.recall, lang).toBeGreaterThanOrEqual(HOLDOUT_4_RECALL);
      expect(report.byLanguage[lang]!.falsePositiveRate, lang).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
    }
  });
});

// holdout-5 was blind on its first run (recall 0.757, 18.6% false positives: records and OCR'd scans,
// chat speakers, HR in running text, national phone shapes, seed phrases; published test values and
// organisations' own contact details as false alarms); the gate was then generalised by structure
// (privacy-records.ts, privacy-ocr.ts, privacy-takeback.ts), so it is held here to holdout-4's bar.
describe('the privacy gate on holdout-5 (transcripts, OCR, logs, forms, chat threads)', () => {
  const HOLDOUT_5_RECALL = 0.95;
  const set = loadLabelledPrompts(HOLDOUT_5_PATH);

  it(`keeps at least ${HOLDOUT_5_RECALL} of its sensitive prompts local and at most ${TARGET_FALSE_POSITIVE_RATE * 100}% of its near-misses`, () => {
    expect(set.length).toBeGreaterThanOrEqual(250);
    const report = privacyReport(set);
    expect(report.overall.recall, report.missed.join('\n')).toBeGreaterThanOrEqual(HOLDOUT_5_RECALL);
    expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
  });

  it('holds in both languages, not only overall', () => {
    const report = privacyReport(set);
    for (const lang of ['en', 'zh']) {
      expect(report.byLanguage[lang]!.recall, lang).toBeGreaterThanOrEqual(HOLDOUT_5_RECALL);
      expect(report.byLanguage[lang]!.falsePositiveRate, lang).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
    }
  });
});

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
    for (const file of [undefined, ...Object.values(HOLDOUT_PATHS), HOLDOUT_4_PATH, HOLDOUT_5_PATH, STRICT_PATH]) {
      const looser = loadLabelledPrompts(file).filter((p) => rules(p.text, 'standard') && !rules(p.text, 'strict'));
      expect(looser.map((p) => p.text)).toEqual([]);
    }
  });

  it('adds no false positive on the standard near-misses', () => {
    const report = privacyReport(prompts, 'strict');
    expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
  });
});
