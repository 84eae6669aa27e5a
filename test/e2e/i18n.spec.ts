// Languages in the browser: with the system in Chinese the app comes up in Simplified Chinese; the
// language chosen in Settings applies at once, is saved by the core (a fresh browser with Chinese
// as its language still shows English), and "System" follows the system again.
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { expect, test, type Page } from './duet-test.js';

// The system's language: Chromium reports it in navigator.languages.
test.use({ locale: 'zh-CN' });

const lastAnswer = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]').last();

async function chooseLanguage(page: Page, label: string, value: 'system' | 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await dialog.getByLabel(label).selectOption(value);
}

test('comes up in Chinese on a Chinese system, and English chosen in Settings applies at once and stays', async ({ page, browser, duet }) => {
  const server = await duet.start({ model: TINY_MODEL_FILE });
  await page.goto(server.url);

  // Chinese from the first paint: the page's language, the composer, the header, a routed answer.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const composer = page.getByLabel('消息', { exact: true });
  await expect(composer).toBeVisible();
  await expect(page.getByTestId('open-settings')).toHaveText('设置');
  await composer.fill('Hello');
  await composer.press('Enter');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText(/本地/);

  // English in Settings: the open dialog and the page behind it change without a reload.
  await chooseLanguage(page, 'Duet 的语言', 'en');
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Language of Duet')).toHaveValue('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.getByLabel('Message', { exact: true })).toBeVisible();
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText(/local/);

  // A reload keeps English.
  await page.reload();
  await expect(page.getByLabel('Message', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // So does a fresh browser on the same Chinese system: the choice is saved by Duet, not by the page.
  const fresh = await browser.newContext({ locale: 'zh-CN' });
  try {
    const other = await fresh.newPage();
    await other.goto(server.url);
    await expect(other.getByLabel('Message', { exact: true })).toBeVisible();
    await expect(other.getByTestId('open-settings')).toHaveText('Settings');

    // "System" follows the system again, in every window at once.
    await chooseLanguage(other, 'Language of Duet', 'system');
    await expect(other.getByTestId('open-settings')).toHaveText('设置');
    await expect(page.getByTestId('open-settings')).toHaveText('设置');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  } finally {
    await fresh.close();
  }
});
