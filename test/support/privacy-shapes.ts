// Shared by the privacy gate's rule tests: what the rules find, written so a failure shows it, and the
// table-driven pair of checks most of those tests make.
import { expect, it } from 'vitest';
import { detectPrivateData } from '../../src-main/router/privacy.js';

/**
 * Each finding of the rules (standard level; the learned check, which reads the whole text, has its own
 * tests) as "kind:matched text", so a failure shows what was (or was not) found.
 */
export function ruleFindings(text: string): string[] {
  return detectPrivateData(text, 'standard', { learned: false }).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

/** One test per shape: every prompt under `keptLocal` has a finding, and none under `sent` has any. */
export function itKeepsLocalAndSends(keptLocal: Record<string, readonly string[]>, sent: Record<string, readonly string[]>): void {
  for (const [shape, texts] of Object.entries(keptLocal)) {
    it(`keeps local: ${shape}`, () => {
      for (const text of texts) expect(ruleFindings(text), text).not.toEqual([]);
    });
  }
  for (const [shape, texts] of Object.entries(sent)) {
    it(`sends: ${shape}`, () => {
      for (const text of texts) expect(ruleFindings(text), text).toEqual([]);
    });
  }
}
