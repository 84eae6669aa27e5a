import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TINY_GREETING_ANSWER, TINY_KEYWORD_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { scanScreen } from '../support/axe-scan.js';
import { BridgeClient } from '../support/bridge-client.js';
import { writeChatGptExport } from '../support/chatgpt-export.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { expect, test, type Page } from './duet-test.js';

const CHATGPT_EXPORT = fileURLToPath(new URL('../fixtures/chatgpt/conversations.json', import.meta.url));

let dataDirs: string[] = [];
let servers: RunningServer[] = [];

/** A fresh data folder, removed after the test. */
function newDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-history-'));
  dataDirs.push(dir);
  return dir;
}

async function serve(dataDir: string): Promise<RunningServer> {
  const server = await startServer({ model: TINY_MODEL_FILE, dataDir });
  servers.push(server);
  return server;
}

test.afterEach(async () => {
  for (const server of servers) await server.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  servers = [];
  dataDirs = [];
});

const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
const items = (page: Page) => page.getByTestId('conversation-item');
const palette = (page: Page) => page.getByRole('dialog', { name: 'Search messages' });
const searchInput = (page: Page) => page.getByRole('combobox', { name: 'Search messages' });

async function ask(page: Page, text: string, answer: string): Promise<void> {
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill(text);
  await composer.press('Enter');
  const last = assistantMessages(page).last();
  await expect(last.getByTestId('message-content')).toHaveText(answer);
  await expect(last).toHaveAttribute('data-status', 'complete');
}

/** Two conversations: a greeting, then (newer) a question about the weather. */
async function askTwo(page: Page): Promise<void> {
  await ask(page, 'Hello', TINY_GREETING_ANSWER);
  await page.getByTestId('new-chat').click();
  await ask(page, 'How is the weather today?', TINY_KEYWORD_ANSWER);
  await expect(items(page)).toHaveCount(2);
}

test('Ctrl+K finds a word of an answer and opens its conversation at the message', async ({ page }) => {
  const server = await serve(newDataDir());
  await page.goto(server.url);
  await askTwo(page);
  // Start from the other conversation, so opening the hit visibly switches.
  await items(page).filter({ hasText: 'Hello' }).click();
  await expect(assistantMessages(page)).toHaveCount(1);
  await expect(assistantMessages(page).first().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);

  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  await expect(searchInput(page)).toBeFocused();
  await searchInput(page).fill('sky');
  const result = page.getByTestId('search-result').first();
  await expect(result).toContainText('cannot see the');
  await expect(result.locator('mark').first()).toHaveText(/^sky$/i);
  await expect(result).toContainText('weather');
  await expect(result.getByTestId('search-result-target')).toHaveText('local');

  await searchInput(page).press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(items(page).filter({ hasText: 'weather' })).toHaveAttribute('aria-current', 'true');
  const highlighted = page.locator('[data-testid="message"][data-highlighted="true"]');
  await expect(highlighted).toContainText(TINY_KEYWORD_ANSWER);
  await expect(highlighted).toBeInViewport();
  await expect(highlighted).toBeFocused();
  // The highlight is brief.
  await expect(highlighted).toHaveCount(0, { timeout: 6000 });

  // The Search button opens it too, with the last query; the filters narrow it.
  await page.getByTestId('open-search').click();
  await expect(searchInput(page)).toHaveValue('sky');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await palette(page).getByLabel('Answered by').selectOption('cloud');
  await expect(palette(page).getByText('No messages match.')).toBeVisible();
  await expect(page.getByTestId('search-result')).toHaveCount(0);
  await palette(page).getByLabel('Answered by').selectOption('local');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
});

test('a search that read only recent messages says so and searches the older ones on request', async ({ page }) => {
  // 60 conversations of 20 messages, "Generated 0" the oldest: "fox" is in all 1,200, more than a search ranks.
  const dataDir = newDataDir();
  const server = await serve(dataDir);
  const file = path.join(dataDir, 'conversations.json');
  await writeChatGptExport(file, { conversations: 60, turns: 10, messageChars: 120 });
  await new BridgeClient(server.url).call('history.import', { fileName: 'conversations.json', content: readFileSync(file, 'utf8') });
  await page.goto(server.url);
  await page.getByTestId('open-search').click();
  await searchInput(page).fill('fox');
  const titles = palette(page).getByTestId('search-result').locator('.title');
  await expect(titles).toHaveCount(20);
  const reach = palette(page).getByTestId('search-reach');
  await expect(reach).toContainText('older messages were not searched');
  for (const title of await titles.allTextContents()) expect(title).not.toMatch(/^Generated \d$/);
  const where = { scheme: 'light', locale: 'en-US', include: '[data-testid="search-palette"]' };
  expect((await scanScreen(page, 'search palette: recent messages only', where)).counts).toEqual({ minor: 0, moderate: 0, serious: 0, critical: 0 });

  await reach.getByRole('button', { name: 'Search older messages' }).click();
  await expect(palette(page).getByTestId('search-before')).toContainText('Before');
  // The ten oldest conversations, which the first search did not read; it read them all this time.
  await expect(async () => {
    const older = await titles.allTextContents();
    expect(older).toHaveLength(20);
    for (const title of older) expect(title).toMatch(/^Generated \d$/);
  }).toPass();
  await expect(reach).toHaveCount(0);
  expect((await scanScreen(page, 'search palette: older messages', where)).counts).toEqual({ minor: 0, moderate: 0, serious: 0, critical: 0 });

  await palette(page).getByRole('button', { name: 'Any date' }).click();
  await expect(palette(page).getByTestId('search-before')).toHaveCount(0);
  await expect(reach).toBeVisible();
});

test('conversations can be renamed, pinned and deleted', async ({ page }) => {
  const server = await serve(newDataDir());
  await page.goto(server.url);
  await askTwo(page);
  // Newest first: the weather question, then the greeting.
  await expect(items(page).first()).toContainText('weather');

  await page.getByRole('button', { name: /^Rename “Hello/ }).click();
  const nameField = page.getByTestId('rename-input');
  await expect(nameField).toBeFocused();
  await nameField.fill('Greetings');
  await nameField.press('Enter');
  await expect(items(page).filter({ hasText: 'Greetings' })).toHaveCount(1);
  // Escape leaves the name as it was.
  await page.getByRole('button', { name: 'Rename “Greetings”' }).click();
  await page.getByTestId('rename-input').fill('Not this');
  await page.getByTestId('rename-input').press('Escape');
  await expect(items(page).filter({ hasText: 'Greetings' })).toHaveCount(1);
  await page.reload();
  await expect(items(page).filter({ hasText: 'Greetings' })).toHaveCount(1);

  // Pinning the older conversation moves it to the top, with a pin.
  await page.getByRole('button', { name: 'Pin “Greetings”' }).click();
  await expect(items(page).first()).toContainText('Greetings');
  await expect(items(page).first().getByTestId('pin-marker')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unpin “Greetings”' })).toBeVisible();

  // Delete the open weather conversation: asked in-app first, then the view turns into a new chat.
  await items(page).filter({ hasText: 'weather' }).click();
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_KEYWORD_ANSWER);
  await page.getByRole('button', { name: /^Delete “How is the weather/ }).click();
  const confirm = page.getByRole('alertdialog', { name: /^Delete “How is the weather.*”\?$/ });
  await expect(confirm).toContainText('This removes its messages for good.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(items(page)).toHaveCount(2);
  await page.getByRole('button', { name: /^Delete “How is the weather/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('Greetings');
  await expect(assistantMessages(page)).toHaveCount(0);
  await expect(page.getByText('What can I help with?')).toBeVisible();

  // Its words are gone from search too.
  await page.keyboard.press('Control+K');
  await searchInput(page).fill('sky');
  await expect(palette(page).getByText('No messages match.')).toBeVisible();
  await searchInput(page).fill('tiny');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-result')).toContainText('Greetings');
});

test('history exports as JSON with provenance and imports into a fresh Duet, ChatGPT exports too', async ({ page }) => {
  const server = await serve(newDataDir());
  await page.goto(server.url);
  await askTwo(page);

  // The open conversation exports on its own, as Markdown.
  const markdownDownload = page.waitForEvent('download');
  await page.getByTestId('export-conversation').click();
  await page.getByRole('button', { name: 'Markdown' }).click();
  const markdown = await markdownDownload;
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  const markdownFile = path.join(newDataDir(), markdown.suggestedFilename());
  await markdown.saveAs(markdownFile);
  const markdownText = readFileSync(markdownFile, 'utf8');
  expect(markdownText).toContain(TINY_KEYWORD_ANSWER);
  expect(markdownText).not.toContain(TINY_GREETING_ANSWER);

  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  const downloading = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export all as JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = path.join(newDataDir(), download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    conversations: { conversation: { title: string }; messages: { role: string; provenance: { target: string } | null }[] }[];
  };
  expect(exported.conversations).toHaveLength(2);
  for (const { messages } of exported.conversations) {
    const answers = messages.filter((m) => m.role === 'assistant');
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.provenance?.target).toBe('local');
  }

  // A fresh Duet with an empty history takes the file.
  const fresh = await serve(newDataDir());
  await page.goto(fresh.url);
  await expect(page.getByText('No conversations yet.')).toBeVisible();
  await page.getByTestId('open-settings').click();
  await page.getByLabel('Import…').setInputFiles(file);
  await expect(page.getByTestId('import-result')).toHaveText('Imported 2 conversations (4 messages), 0 already here');
  // The same file again adds nothing.
  await page.getByLabel('Import…').setInputFiles(file);
  await expect(page.getByTestId('import-result')).toHaveText('Imported 0 conversations (0 messages), 2 already here');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).filter({ hasText: 'weather' })).toHaveCount(1);
  await items(page).filter({ hasText: 'weather' }).click();
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_KEYWORD_ANSWER);

  if (existsSync(CHATGPT_EXPORT)) {
    await page.getByTestId('open-settings').click();
    await page.getByLabel('Import…').setInputFiles(CHATGPT_EXPORT);
    await expect(page.getByTestId('import-result')).toContainText(/Imported [1-9]\d* conversations? \(\d+ messages?\), 0 already here/);
    await expect(page.getByTestId('import-result')).toContainText('ChatGPT');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(items(page).filter({ hasText: 'Trip to Lisbon' })).toHaveCount(1);
    await expect(items(page).filter({ hasText: 'Sum of squares' })).toHaveCount(1);
  }

  // A file that is no history is refused with a reason, where it was picked.
  const bad = path.join(newDataDir(), 'not-history.json');
  writeFileSync(bad, '{"hello": "world"}');
  await page.getByTestId('open-settings').click();
  await page.getByLabel('Import…').setInputFiles(bad);
  await expect(page.getByTestId('import-error')).toBeVisible();
});

test('the fine-tuning export waits for the opt-in', async ({ page }) => {
  const server = await serve(newDataDir());
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  const optIn = page.getByLabel('Allow exporting cloud answers for fine-tuning');
  const exportButton = page.getByRole('button', { name: 'Export fine-tuning data' });
  await expect(optIn).not.toBeChecked();
  await expect(exportButton).toBeDisabled();
  await optIn.check();
  await expect(exportButton).toBeEnabled();
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  await expect(page.getByTestId('distill-result')).toHaveText('0 pairs exported, 0 left out for personal data');
  // The opt-in is a setting: it survives a reload.
  await page.reload();
  await page.getByTestId('open-settings').click();
  await expect(page.getByLabel('Allow exporting cloud answers for fine-tuning')).toBeChecked();
});

test('the savings dashboard shows what stayed local', async ({ page }) => {
  const server = await serve(newDataDir());
  await page.goto(server.url);
  await ask(page, 'Hello', TINY_GREETING_ANSWER);
  await ask(page, 'And the weather?', TINY_KEYWORD_ANSWER);

  await page.getByRole('button', { name: 'Savings' }).click();
  const dashboard = page.getByRole('dialog', { name: 'Savings' });
  await expect(dashboard.getByTestId('savings-local-share')).toHaveText('100%');
  await expect(dashboard.getByTestId('savings-spend')).toHaveText('$0.00');
  await expect(dashboard.getByTestId('savings-saved')).toBeVisible();
  await expect(dashboard.getByTestId('savings-price-model')).not.toBeEmpty();
  await expect(dashboard.getByTestId('savings-targets').locator('tr[data-target="local"] td').first()).toHaveText('2');
  const chart = dashboard.getByTestId('savings-chart');
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('savings-bar')).toHaveCount(30);
  const today = chart.getByTestId('savings-bar').last();
  await expect(today).toHaveAttribute('data-local', '2');
  await expect(today).toHaveAttribute('data-cloud', '0');
  await expect(today.locator('title')).toContainText('2 local, 0 cloud');
  await page.keyboard.press('Escape');
  await expect(dashboard).toBeHidden();
});
