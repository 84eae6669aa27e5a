// The privacy gate measured on the labelled prompts in test/fixtures/privacy/labelled.jsonl: per
// category, the share of sensitive prompts it keeps local (recall) and the share of near-misses it
// keeps local for nothing (false-positive rate). The gate is one yes/no per prompt (any finding
// keeps it here), so that is what is counted, whatever kind the finding has.
import fs from 'node:fs';
import path from 'node:path';
import { detectPrivateData, type PrivacyLevel } from '../../src-main/router/privacy.js';
import { PRIVACY_FIXTURES } from './privacy-sets.js';

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

export const LABELLED_PATH = path.join(PRIVACY_FIXTURES, 'labelled.jsonl');
/** What only the strict level keeps local (a name with an age, a family member or a workplace), and near-misses. */
export const STRICT_PATH = path.join(PRIVACY_FIXTURES, 'strict.jsonl');

/** Every labelled set in the fixtures folder (labelled, each held-out set, strict), found on disk so none is left out by hand. */
export function allPrivacySetPaths(): string[] {
  return fs
    .readdirSync(PRIVACY_FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(PRIVACY_FIXTURES, f));
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
