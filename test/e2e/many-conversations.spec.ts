import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { scanScreen } from '../support/axe-scan.js';
import { BridgeClient } from '../support/bridge-client.js';
import { writeChatGptExport } from '../support/chatgpt-export.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { expect, test, type Page } from './duet-test.js';

// 3,000 conversations, imported as a ChatGPT export: "Generated 0" is the oldest, "Generated 2999" the newest.
const CONVERSATIONS = 3_000;
const NEWEST = `Generated ${CONVERSATIONS - 1}`;

let dataDir: string;
let server: RunningServer | null = null;

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-many-'));
  server = await startServer({ model: TINY_MODEL_FILE, dataDir });
  const exportFile = path.join(dataDir, 'conversations.json');
  await writeChatGptExport(exportFile, { conversations: CONVERSATIONS, turns: 1, messageChars: 40 });
  await new BridgeClient(server.url).call('history.import', { fileName: 'conversations.json', content: readFileSync(exportFile, 'utf8') });
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const items = (page: Page) => page.getByTestId('conversation-item');
const item = (page: Page, title: string) => page.locator(`[data-testid="conversation-item"][title="${title}"]`);

/** Scrolls the sidebar's list to its end until the conversation shows (pages are read as it nears the end). */
async function scrollTo(page: Page, title: string): Promise<void> {
  const scroller = sidebar(page).locator('.scroller');
  await expect(async () => {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(item(page, title)).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 60_000 });
}

test('3,000 conversations: the newest show first, a window of them is in the page, and scrolling reaches the oldest', async ({ page }) => {
  await page.goto(server!.url);
  await expect(items(page).first()).toHaveAttribute('title', NEWEST);
  const rendered = await items(page).count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(100);

  await scrollTo(page, 'Generated 0');
  // Still a window, not every conversation read so far.
  expect(await items(page).count()).toBeLessThan(100);
  await expect(item(page, NEWEST)).toHaveCount(0);

  // The keyboard walks the list too: Home on a conversation goes back to the newest.
  await item(page, 'Generated 0').focus();
  await page.keyboard.press('ArrowUp');
  await expect(item(page, 'Generated 1')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item(page, NEWEST)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(page, `Generated ${CONVERSATIONS - 2}`)).toBeFocused();
});

test('an old conversation can be pinned, renamed and deleted; a new chat comes first; one opened from search stays marked', async ({ page }) => {
  await page.goto(server!.url);
  await expect(items(page).first()).toHaveAttribute('title', NEWEST);

  // Far down the list (in a page read on scrolling): pinned, it moves to the top.
  await scrollTo(page, 'Generated 5');
  await page.getByRole('button', { name: 'Pin “Generated 5”' }).click();
  await expect(items(page).first()).toHaveAttribute('title', 'Generated 5');
  await expect(items(page).first().getByTestId('pin-marker')).toBeVisible();

  await page.getByRole('button', { name: 'Rename “Generated 5”' }).click();
  await page.getByTestId('rename-input').fill('Kept forever');
  await page.getByTestId('rename-input').press('Enter');
  await expect(items(page).first()).toHaveAttribute('title', 'Kept forever');

  await scrollTo(page, 'Generated 3');
  await page.getByRole('button', { name: 'Delete “Generated 3”' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(item(page, 'Generated 3')).toHaveCount(0);
  await expect(item(page, 'Generated 2')).toBeVisible();

  // After a reload only the first page is read: the pin, the name and the deletion are kept.
  await page.reload();
  await expect(items(page).first()).toHaveAttribute('title', 'Kept forever');
  await expect(items(page).nth(1)).toHaveAttribute('title', NEWEST);

  // A new chat goes to the top, under the pinned one.
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('Hello');
  await composer.press('Enter');
  await expect(page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(items(page).nth(1)).toHaveAttribute('title', /^Hello/);
  await expect(items(page).nth(1)).toHaveAttribute('aria-current', 'true');

  // Search opens an old conversation no page read yet holds: it shows, marked open, above the list.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('combobox', { name: 'Search messages' });
  await search.fill('user 7/0:');
  await expect(page.getByTestId('search-result').first()).toContainText('Generated 7');
  await search.press('Enter');
  await expect(page.locator('[data-testid="message"][data-role="user"]').first()).toContainText('user 7/0:');
  const open = sidebar(page).getByRole('list', { name: 'Open conversation' });
  await expect(open.getByTestId('conversation-item')).toHaveAttribute('title', 'Generated 7');
  await expect(open.getByTestId('conversation-item')).toHaveAttribute('aria-current', 'true');
  const report = await scanScreen(page, 'sidebar: a conversation outside the pages read', { scheme: 'light', locale: 'en-US', include: 'nav' });
  expect(report.blocking).toEqual([]);
  // Its actions work there too.
  await open.getByRole('button', { name: 'Rename “Generated 7”' }).click();
  await page.getByTestId('rename-input').fill('Found again');
  await page.getByTestId('rename-input').press('Enter');
  await expect(open.getByTestId('conversation-item')).toHaveAttribute('title', 'Found again');
});
