// Keyboard-only helpers for the accessibility e2e tests: move focus with Tab or Shift+Tab until it
// lands on a given control, checking at every stop that the focused control shows a visible ring.
import { expect, type Locator, type Page } from '@playwright/test';

/** What the focused element is, and whether a focus ring shows on it (or on the box right around it). */
export interface FocusStop {
  /** `tag#id[data-testid]`, for failure messages. */
  what: string;
  /** Matched `:focus-visible`, and an outline or box-shadow shows on it or its parent. */
  visible: boolean;
}

/** Describes the focused element; null when focus is on the page itself (or left it for the browser). */
export async function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const ring = (node: Element | null): boolean => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    const testid = el.getAttribute('data-testid');
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${testid ? `[${testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    return { what, visible: el.matches(':focus-visible') && (ring(el) || ring(el.parentElement)) };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until `target` has focus, at most `limit` times, and fails if a
 * control on the way shows no focus ring.
 */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 60): Promise<void> {
  await expect(target).toHaveCount(1);
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    if (stop) expect(stop.visible, `no visible focus on ${stop.what}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${limit} presses of ${key} never reached ${target.toString()}`);
}

/**
 * Tabs `presses` times inside an open modal dialog and fails if focus ever lands outside it (focus
 * may step out to the browser's own controls, never onto the page behind the dialog); ends inside it.
 */
export async function expectFocusTrapped(page: Page, dialog: Locator, presses = 40): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    const stop = await focusStop(page);
    if (!stop) continue;
    const inside = await dialog.evaluate((node) => node.contains(document.activeElement));
    expect(inside, `focus left the dialog for ${stop.what}`).toBe(true);
    expect(stop.visible, `no visible focus on ${stop.what}`).toBe(true);
  }
  // Back from the browser's controls, if the last press went there, focus comes back into the dialog.
  for (let i = 0; i < 3 && !(await dialog.evaluate((node) => node.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((node) => node.contains(document.activeElement)), 'focus came back into the dialog').toBe(true);
}
