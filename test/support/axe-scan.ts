// Runs axe-core (WCAG 2.1 A and AA rules) on what a page shows and sums its findings by impact: the
// accessibility e2e tests print one JSON line per screen and fail on any serious or critical finding.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A/AA rule tags: the level the issue asks Duet to meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/** One screen's findings: counts by impact, and the serious and critical ones in words (to fix them). */
export interface AxeReport {
  screen: string;
  scheme: string;
  locale: string;
  counts: Record<Impact, number>;
  blocking: string[];
}

/** Scans the page (or only `include`, a dialog) and prints the report as one JSON line. */
export async function scanScreen(page: Page, screen: string, options: { scheme: string; locale: string; include?: string }): Promise<AxeReport> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  const counts: Record<Impact, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  const blocking: string[] = [];
  for (const violation of results.violations) {
    const impact: Impact = violation.impact ?? 'minor';
    counts[impact] += violation.nodes.length;
    if (impact === 'serious' || impact === 'critical') {
      for (const node of violation.nodes) blocking.push(`${violation.id} (${impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`);
    }
  }
  const report: AxeReport = { screen, scheme: options.scheme, locale: options.locale, counts, blocking };
  // The language the page was in (its `lang`), as well as the one the browser asked for.
  const lang = await page.evaluate(() => document.documentElement.lang);
  console.log(JSON.stringify({ axe: screen, scheme: report.scheme, locale: report.locale, lang, ...counts }));
  return report;
}
