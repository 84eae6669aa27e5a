import { describe, expect, it } from 'vitest';
import { allPrivacySetPaths, loadLabelledPrompts, privacyReport, STRICT_PATH, TARGET_FALSE_POSITIVE_RATE, TARGET_RECALL } from '../../scripts/router/privacy-report.js';
import { HELD_OUT_SETS, heldOutSet } from '../../scripts/router/privacy-sets.js';
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
    const set = loadLabelledPrompts(heldOutSet('holdout-3').file);
    expect(set.length).toBeGreaterThanOrEqual(160);
    expect(Math.abs(set.filter((p) => p.sensitive).length / set.length - 0.5)).toBeLessThan(0.05);
    expect(set.filter((p) => p.lang === 'zh').length).toBeGreaterThanOrEqual(40);
    const categories = new Set(set.filter((p) => p.sensitive).map((p) => p.category));
    for (const c of ['credential', 'government-id', 'health', 'hr', 'date-of-birth', 'location', 'email', 'phone', 'card', 'iban', 'address']) {
      expect(categories, c).toContain(c);
    }
  });

  it('lists every held-out file in the fixtures folder, so none is measured by no one', () => {
    const onDisk = allPrivacySetPaths().filter((f) => /holdout[^/]*\.jsonl$/.test(f));
    expect(HELD_OUT_SETS.map((s) => s.file).sort()).toEqual(onDisk);
  });

  for (const { name, file } of HELD_OUT_SETS.filter((s) => s.tier === 'built-on')) {
    it(`${name}: recall at least ${TARGET_RECALL}, false positives at most ${TARGET_FALSE_POSITIVE_RATE * 100}%`, () => {
      const report = privacyReport(loadLabelledPrompts(file));
      expect(report.overall.recall, report.missed.join('\n')).toBeGreaterThanOrEqual(TARGET_RECALL);
      expect(report.overall.falsePositiveRate, report.falsePositives.join('\n')).toBeLessThanOrEqual(TARGET_FALSE_POSITIVE_RATE);
    });
  }
});

// The "fixed" sets (scripts/router/privacy-sets.ts) were blind on their first runs (figures in
// test/fixtures/privacy/README.md: 0.70 to 0.965); the gate was then generalised by structure for the
// families they showed, and the learned check trains on them, so they are held here too, to a looser
// recall bar than the sets the gate was built on.
const FIXED_BLIND_RECALL = 0.95;

for (const { name, shapes, file } of HELD_OUT_SETS.filter((s) => s.tier === 'fixed')) {
  describe(`the privacy gate on ${name} (${shapes})`, () => {
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
for (const { name, shapes, file } of HELD_OUT_SETS.filter((s) => s.tier === 'blind')) {
  describe(`${name} (${shapes})`, () => {
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
    expect(files).toEqual(expect.arrayContaining(HELD_OUT_SETS.map((s) => s.file)));
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
