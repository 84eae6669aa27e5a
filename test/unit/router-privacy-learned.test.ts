// The learned half of the privacy gate, with the shipped weights: what it adds to the rules at the
// strict level (from 0.8) and at the standard level (only from 0.9), and what it leaves alone.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPrivateData } from '../../src-main/router/privacy.js';
import path from 'node:path';
import {
  LEARNED_PRIVACY_STANDARD_THRESHOLD,
  LEARNED_PRIVACY_THRESHOLD,
  learnedPrivacyScore,
  loadPrivacyModel,
  privacyModelPath,
} from '../../src-main/router/privacy-learned.js';
import { makeTempDir } from '../support/temp-dir.js';
import { defaultRouteInput, route } from '../../src-main/router/route.js';

const rulesFind = (text: string): boolean => detectPrivateData(text, 'strict', { learned: false }).length > 0;

describe('the learned privacy check', () => {
  it('ships small weights over its own grams (words and text shapes)', () => {
    const json = JSON.parse(fs.readFileSync(privacyModelPath(), 'utf8')) as { features: { hashGrams?: string; hashBuckets: number } };
    expect(fs.statSync(privacyModelPath()).size).toBeLessThan(5 * 1024 * 1024);
    expect(json.features).toMatchObject({ hashGrams: 'privacy', hashBuckets: 65_536 });
  });

  it('keeps local, at the strict level, personal details written in shapes no rule knows', () => {
    // Written for this test, in none of the fixture sets.
    for (const text of [
      "Quick one: can you reword this msg to Kofi - 'your bonus got cut to 2k because of the attendance thing, sorry mate'",
      "pls tidy this up before I send it: 'hey sam, as discussed your pay goes to 48k from April and the bonus target is 10%'",
      'ugh dee from accounts got let go today, 6 weeks pay, can you help me write her a nice card',
    ]) {
      expect(rulesFind(text), text).toBe(false);
      expect(learnedPrivacyScore(text), text).toBeGreaterThan(LEARNED_PRIVACY_THRESHOLD);
      expect(
        detectPrivateData(text, 'strict').map((f) => f.kind),
        text,
      ).toEqual(['personal']);
      // The standard level asks more of it (0.9), and keeps it local only above that.
      const score = learnedPrivacyScore(text) ?? 0;
      expect(detectPrivateData(text, 'standard').length > 0, text).toBe(score > LEARNED_PRIVACY_STANDARD_THRESHOLD);
    }
  });

  it('keeps local, at the standard level too, what reads most clearly as someone’s private life', () => {
    // Written for this test, in none of the fixture sets; no rule knows these shapes.
    for (const text of [
      'can you turn my notes into an email: Marco off again Monday, third time this month, back pain he says, HR want a meeting',
      "tidy this text to my brother: mum's scan came back, the lump is benign but they want her back in six months",
      "reword for the team chat: Priyanka is off all week, she's recovering after her knee operation and can't drive yet",
    ]) {
      expect(detectPrivateData(text, 'standard', { learned: false }), text).toEqual([]);
      expect(learnedPrivacyScore(text), text).toBeGreaterThan(LEARNED_PRIVACY_STANDARD_THRESHOLD);
      expect(
        detectPrivateData(text, 'standard').map((f) => f.kind),
        text,
      ).toEqual(['personal']);
    }
  });

  it('lets ordinary questions through, on the same topics too', () => {
    for (const text of [
      'Explain quantum computing to a ten-year-old',
      'Write a haiku about autumn leaves',
      "Janet's ducks lay 16 eggs per day. She eats three for breakfast. How many are left?",
      'How is type 2 diabetes usually treated?',
      'What salary should a junior data analyst in Leeds expect?',
      'Write a Python function that validates an IBAN',
      'Summarise the plot of Pride and Prejudice',
    ]) {
      expect(detectPrivateData(text, 'strict'), text).toEqual([]);
    }
  });

  it('reads a table, a log or an encoded blob as nobody’s data when nobody is in it', () => {
    const csv = ['Plot this please:', 'quarter,region,revenue,cost', 'Q1,EMEA,120400,98000', 'Q2,EMEA,131250,97410', 'Q3,APAC,99800,80120', 'Q4,APAC,143900,101300'].join(
      '\n',
    );
    const log = [
      'what is going wrong here?',
      '2025-03-02T11:04:09Z WARN gateway-2 upstream slow 1840ms',
      '2025-03-02T11:04:12Z ERROR gateway-2 upstream timeout after 5000ms',
    ].join('\n');
    const blob = `what is in this? ${Buffer.from('{"v":3,"kind":"thumbnail","w":640,"h":480,"fmt":"webp"}').toString('base64')}`;
    for (const text of [csv, log, blob]) {
      expect(learnedPrivacyScore(text), text).toBeLessThanOrEqual(LEARNED_PRIVACY_THRESHOLD);
      expect(detectPrivateData(text, 'strict'), text).toEqual([]);
    }
  });

  it('is not asked about a text that says its people are test data, fiction or a show', () => {
    const seed = [
      'is this seed script fine? these are the fixture users for local dev',
      "INSERT INTO subscribers (email, name) VALUES ('alice@example.com', 'Alice Example'), ('bob@example.com', 'Bob Example');",
    ].join('\n');
    const show = "help me reply, it's our tv group chat\nSam: did you watch grey's last night\nSam: the storyline where meredith's patient has the miscarriage";
    const novel = '我在写小说：女主家住在小区最里面那栋，楼下有棵大榕树，阳台挂着两个红灯笼。帮我写一段她深夜回家时的环境描写';
    for (const text of [seed, show, novel]) expect(detectPrivateData(text, 'standard'), text).toEqual([]);
    // The same chat about a relative of the writer's is someone's.
    expect(detectPrivateData('Sam: did you watch the news last night\nSam: my sister had the miscarriage at 10 weeks', 'standard')).not.toEqual([]);
    // An anonymised case is nobody's though the request says 帮我 ("help me"); a client named in the record is someone.
    expect(detectPrivateData('以下是期刊发表的病例报告（已匿名化），帮我总结成三句话：患者，男，45岁，因反复上腹痛入院，胃镜示胃溃疡，Hp阳性。', 'standard')).toEqual([]);
    expect(detectPrivateData('帮我整理咨询记录：来访者程一鸣，男，26岁，失眠早醒，PHQ-9 得分17，服用舍曲林50mg，女朋友上月提出分手。', 'standard')).not.toEqual([]);
  });

  it('is still asked when every detail the rules found was taken back as nobody’s', () => {
    // A company's support line, found and taken back as an organisation's (a toll-free number): no rule finding is left,
    // but the message around it is about the writer's family's money, and the check reads it as someone's. From stop 28
    // to 31 the check was not asked here; the blind thirtieth set (stop 32) lost a tenant's and a guarantor's IBAN and a
    // husband's cancer that way. A message that only gives the line stays the organisation's.
    const personal =
      'Rewrite for my sister: spoke to Amazon customer service (1-888-280-4331) — they’re refunding the parcel, but my husband’s redundancy pay still hasn’t arrived and we’re behind on the mortgage.';
    expect(detectPrivateData(personal, 'standard', { learned: false }), 'no finding of the rules is left').toEqual([]);
    expect(detectPrivateData(personal, 'standard').map((f) => f.kind)).toEqual(['personal']);
    const organisation = 'Rewrite: Amazon customer service is on 1-888-280-4331, open every day from 6am to midnight.';
    expect(detectPrivateData(organisation, 'strict')).toEqual([]);
  });

  it('is not asked about a message that masks its own values', () => {
    // A "card ending in …", a booking's masked card and a 尾号: the check alone reads each as someone's, and across the
    // labelled sets every message only it kept local that masked its values was a near-miss (stop 29).
    for (const text of [
      'Write a text to my sister: the money went to my savings card ending in 9021, she can pay me back when her bonus comes in.',
      'Tidy up my booking note: 2 nights from 3 May, card on file **** **** **** 4410, late check-in after 11pm, cot requested.',
      '帮我整理一下：我妈的工资卡尾号 6632，每个月十号发工资，她让我帮她交房租。',
    ]) {
      expect(learnedPrivacyScore(text), text).toBeGreaterThanOrEqual(LEARNED_PRIVACY_STANDARD_THRESHOLD);
      expect(detectPrivateData(text, 'strict'), text).toEqual([]);
    }
    // The card's number written out is a rule's finding, masked words or not.
    expect(detectPrivateData('Not the card ending in 1005 — charge 4539 5787 6362 1486 instead', 'standard')).not.toEqual([]);
  });

  it('never replaces what a rule found: the finding still names the kind and where it is', () => {
    const text = 'mail bob.jensen@northwind.dk about the invoice';
    expect(detectPrivateData(text).map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([['email', 'bob.jensen@northwind.dk']]);
  });

  it('gives the router a reason a person can read', () => {
    const decision = route({
      ...defaultRouteInput('ugh dee from accounts got let go today, 6 weeks pay, can you help me write her a nice card'),
      privacyLevel: 'strict',
    });
    expect(decision.target).toBe('local');
    expect(decision.reasons.at(-1)?.message).toBe('privacy: the message contains what reads like personal details about someone, so it stays on this machine');
  });

  it('turns itself off, saying why and that the rules still apply, when its weights are missing, damaged or of an older layout', () => {
    const temp = makeTempDir('privacy-model');
    try {
      const broken = path.join(temp.dir, 'privacy-model.json');
      fs.writeFileSync(broken, '{"format": "duet-difficulty-model", "version": 1, "weights": ');
      // A whole file of the layout before stop 23 (the difficulty features, no privacy grams).
      const older = path.join(temp.dir, 'older-model.json');
      const shipped = JSON.parse(fs.readFileSync(privacyModelPath(), 'utf8')) as { features: Record<string, unknown> };
      delete shipped.features.hashGrams;
      fs.writeFileSync(older, JSON.stringify(shipped));
      expect(loadPrivacyModel(older)).toMatchObject({ model: null, problem: expect.stringMatching(/an older layout/) });
      for (const file of [broken, older, path.join(temp.dir, 'missing.json')]) {
        const loaded = loadPrivacyModel(file);
        expect(loaded.model).toBeNull();
        expect('problem' in loaded && loaded.problem).toMatch(/learned privacy check is off .*the privacy rules still apply\. Run `npm run router:train-privacy`/);
      }
      expect(loadPrivacyModel(privacyModelPath()).model).not.toBeNull();
    } finally {
      temp.remove();
    }
  });
});
