// Access for everyone, checked in real Chromium: axe-core (WCAG 2.1 A/AA) on every screen and dialog,
// in the light and the dark system theme and in English and Simplified Chinese (the app follows the
// browser's language; the welcome screen in all four, the chat in each theme and each language once),
// with no serious or critical finding; each screen prints its counts as a JSON line. Locators here
// use test ids and roles, never English words, so they hold in both languages.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { scanScreen, type AxeReport } from '../support/axe-scan.js';
import { expectFocusTrapped, tabTo } from '../support/keyboard-walk.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';
import { expect, test, type Locator, type Page } from './duet-test.js';

let temp: ReturnType<typeof makeTempDir>;
let server: RunningServer | null = null;
let cloud: LoopbackCloud | null = null;

test.beforeEach(() => {
  temp = makeTempDir('e2e-a11y');
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  temp.remove();
});

test.afterAll(async () => {
  await cloud?.stop();
  cloud = null;
});

/** A server with `model` loaded (or none) and a home of its own; with the cloud, the loopback cloud (one for the file: it loads a model). */
async function start(model: string | null, { withCloud = false } = {}): Promise<RunningServer> {
  const home = path.join(temp.dir, 'home');
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    DUET_POLICY_FILE: path.join(temp.dir, 'no-policy.json'),
  };
  if (withCloud) {
    cloud ??= await startLoopbackCloud();
    Object.assign(env, { DUET_CLOUD_BASE_URL: cloud.baseUrl, DUET_CLOUD_MODEL: cloud.model });
  }
  return startServer({ model, dataDir: path.join(temp.dir, 'data'), env });
}

async function ask(page: Page, text: string): Promise<void> {
  const answers = page.locator('[data-testid="message"][data-role="assistant"]');
  const before = await answers.count();
  const composer = page.locator('#composer-input');
  await composer.fill(text);
  await composer.press('Enter');
  await expect(answers).toHaveCount(before + 1);
  await expect(answers.last()).toHaveAttribute('data-status', 'complete');
}

/** Fails with every serious or critical finding of the screens, in words. */
function expectNoBlocking(reports: AxeReport[]): void {
  const blocking = reports.flatMap((report) => report.blocking.map((line) => `${report.screen}: ${line}`));
  expect(blocking, blocking.join('\n')).toEqual([]);
}

/** Opens every closed disclosure (`<details>`) in `scope`, so axe sees what they hold too. */
async function openDetails(scope: Locator): Promise<void> {
  for (const summary of await scope.locator('details:not([open]) > summary').all()) await summary.click();
}

/** A modal dialog a screen reader announces as one: its role, aria-modal and a name. */
async function expectNamedModal(dialog: Locator, role: 'dialog' | 'alertdialog' = 'dialog'): Promise<void> {
  await expect(dialog).toHaveRole(role);
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toHaveAccessibleName(/\S/);
}

/** Scans an open modal dialog (named, announced as one), closes it with Escape and checks it went. */
async function scanModal(
  page: Page,
  testId: string,
  screen: string,
  where: { scheme: string; locale: string },
  role: 'dialog' | 'alertdialog' = 'dialog',
): Promise<AxeReport> {
  const dialog = page.getByTestId(testId);
  await expectNamedModal(dialog, role);
  const report = await scanScreen(page, screen, { ...where, include: `[data-testid="${testId}"]` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return report;
}

const SCHEMES = ['light', 'dark'] as const;
const LOCALES = ['en-US', 'zh-CN'] as const;

for (const scheme of SCHEMES) {
  for (const locale of LOCALES) {
    test.describe(`${scheme} theme, ${locale}`, () => {
      test.use({ colorScheme: scheme, locale });
      const where = { scheme, locale };

      test('the welcome screen has no serious or critical axe finding', async ({ page }) => {
        server = await start(null);
        await page.goto(server.url);
        await expect(page.getByTestId('catalog-item').first()).toBeVisible();
        // The system's theme: light or dark colours, not one fixed look.
        await expect(page.locator('body')).toHaveCSS('background-color', scheme === 'dark' ? 'rgb(22, 22, 24)' : 'rgb(247, 247, 245)');
        expectNoBlocking([await scanScreen(page, 'welcome', where)]);
      });

      // The chat's nine screens take 20 s a pass: each theme and each language once (light in English,
      // dark in Chinese), where the welcome screen is checked in all four.
      const chatPass = (scheme === 'light') === (locale === 'en-US');
      if (chatPass)
        test('the chat, its dialogs and menus have no serious or critical axe finding', async ({ page }) => {
          server = await start(TINY_MODEL_FILE, { withCloud: true });
          await page.goto(server.url);
          const reports: AxeReport[] = [];

          await expect(page.getByTestId('model-status')).toBeVisible();
          await openDetails(page.locator('main'));
          reports.push(await scanScreen(page, 'chat (empty)', where));

          await ask(page, 'Hello');
          await ask(page, 'Hello again');
          const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
          await answer.getByTestId('route-badge').click();
          await expect(answer.getByTestId('route-reasons')).toBeVisible();
          reports.push(await scanScreen(page, 'chat (answers, route badge open)', where));

          await page.locator('header input[type="checkbox"]').check();
          await expect(answer.getByTestId('routing-details')).toBeVisible();
          reports.push(await scanScreen(page, 'chat (routing details)', where));

          await page.getByTestId('export-conversation').click();
          await expect(page.locator('#export-choices')).toBeVisible();
          reports.push(await scanScreen(page, 'export menu', where));
          await page.keyboard.press('Escape');

          await page.getByTestId('open-settings').click();
          await expect(page.getByTestId('settings-dialog')).toBeVisible();
          reports.push(await scanModal(page, 'settings-dialog', 'settings dialog', where));

          await page.getByTestId('model-status').click();
          await expect(page.getByTestId('library-dialog')).toBeVisible();
          await expect(page.locator('section[aria-labelledby="library-installed"] [role="status"]')).toHaveCount(0);
          reports.push(await scanModal(page, 'library-dialog', 'library dialog', where));

          await page.getByTestId('open-savings').click();
          await expect(page.getByTestId('savings-targets')).toBeVisible();
          await openDetails(page.getByTestId('savings-dialog'));
          reports.push(await scanModal(page, 'savings-dialog', 'savings dashboard', where));

          await page.getByTestId('open-search').click();
          await page.locator('#search-input').fill('Hello');
          await expect(page.getByTestId('search-result').first()).toBeVisible();
          reports.push(await scanModal(page, 'search-palette', 'search palette', where));

          await page.getByTestId('delete-conversation').first().click();
          await expect(page.getByTestId('confirm-dialog')).toBeVisible();
          reports.push(await scanModal(page, 'confirm-dialog', 'confirm dialog', where, 'alertdialog'));

          expectNoBlocking(reports);
        });
    });
  }
}

// Everything by keyboard alone, in English: each control it stops on shows a focus ring, dialogs
// keep focus inside and give it back, and the live region says where each finished answer ran.
test('a keyboard-only walk: ask, open a conversation, Settings, the library, the other side, search', async ({ page }) => {
  server = await start(TINY_MODEL_FILE, { withCloud: true });
  await page.goto(server.url);
  const composer = page.locator('#composer-input');
  const answers = page.locator('[data-testid="message"][data-role="assistant"]');
  const questions = page.locator('[data-testid="message"][data-role="user"] [data-testid="message-content"]');
  const announcement = page.getByTestId('answer-announcement');
  await expect(composer).toBeFocused();

  // Send a question with Enter; the live region reads out where it ran once it is complete.
  await page.keyboard.type('Hello');
  await page.keyboard.press('Enter');
  await expect(answers.last()).toHaveAttribute('data-status', 'complete');
  await expect(announcement).toHaveText('Answer complete. local: answered on this computer');

  // A new chat from the list, and a second question there.
  await tabTo(page, page.getByTestId('new-chat'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(composer).toBeFocused();
  await page.keyboard.type('Hello again');
  await page.keyboard.press('Enter');
  await expect(questions).toHaveText(['Hello again']);
  await expect(answers.last()).toHaveAttribute('data-status', 'complete');

  // Open the first conversation from the list.
  const first = page.locator('[data-testid="conversation-item"][title="Hello"]');
  await tabTo(page, first, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(questions).toHaveText(['Hello']);

  // The route badge opens its reasons with Enter and closes them with Escape.
  await tabTo(page, answers.last().getByTestId('route-badge'));
  await page.keyboard.press('Enter');
  await expect(answers.last().getByTestId('route-reasons')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(answers.last().getByTestId('route-reasons')).toHaveCount(0);
  await expect(answers.last().getByTestId('route-badge')).toBeFocused();

  // Ask the other side: the cloud answers, and the live region says so, with why.
  await tabTo(page, answers.last().getByTestId('ask-other'));
  await page.keyboard.press('Enter');
  await expect(answers).toHaveCount(2);
  await expect(answers.last()).toHaveAttribute('data-status', 'complete');
  await expect(answers.last().getByTestId('route-badge')).toHaveText('cloud');
  await expect(announcement).toContainText('Answer complete. cloud: answered by a cloud model — ');

  // Settings: focus moves in, stays in, and Escape gives it back to the button that opened it.
  const openSettings = page.getByTestId('open-settings');
  await tabTo(page, openSettings, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const settings = page.getByTestId('settings-dialog');
  await expect(settings).toBeVisible();
  await expectFocusTrapped(page, settings);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(openSettings).toBeFocused();

  // The model library, the same way.
  const openLibrary = page.getByTestId('model-status');
  await tabTo(page, openLibrary, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const library = page.getByTestId('library-dialog');
  await expect(library).toBeVisible();
  await expectFocusTrapped(page, library);
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();
  await expect(openLibrary).toBeFocused();

  // The search palette: Ctrl+K, type, arrow to a result, Enter opens its conversation at the message.
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('search-palette');
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.type('again');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await expectFocusTrapped(page, palette, 8);
  await page.locator('#search-input').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(questions).toHaveText(['Hello again']);
  await expect(page.locator('[data-message-id]:focus')).toHaveCount(1);
});
