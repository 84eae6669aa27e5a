import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, expect, test, type Page } from './duet-test.js';

// A tab opened before Duet restarts must carry on by itself: same folder, same port, no DUET_TOKEN,
// so the access token the tab holds is the one Duet kept in its data folder.

const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
const reconnecting = (page: Page) => page.getByText(/Reconnecting/);

test('a tab open across a restart reconnects by itself and keeps answering', async ({ page, duet }) => {
  let server = await duet.start({ model: TINY_MODEL_FILE });
  const port = server.port;
  await page.goto(server.url);
  await ask(page, 'Hello');
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);

  await server.stop();
  // While Duet is down the tab says it is reconnecting, not that Duet could not start.
  await expect(reconnecting(page)).toBeVisible();
  await expect(page.getByTestId('start-error')).toHaveCount(0);

  server = await duet.start({ model: TINY_MODEL_FILE, port });
  await expect(reconnecting(page)).toBeHidden();
  await expect(page.getByTestId('start-error')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The same tab, never reopened, answers a new question in the conversation it had open.
  await ask(page, 'Hello again');
  await expect(assistantMessages(page)).toHaveCount(2);
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);

  // A reload works too: the token is still the one the tab kept.
  await page.reload();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a tab whose token was renewed shows one message to open the new address', async ({ page, duet }) => {
  let server = await duet.start({ model: TINY_MODEL_FILE });
  const port = server.port;
  const oldUrl = server.url;
  await page.goto(oldUrl);
  await expect(page.getByLabel('Message')).toBeVisible();

  await server.stop();
  server = await duet.start({ model: TINY_MODEL_FILE, port, args: ['--new-token'] });
  expect(server.url).not.toBe(oldUrl);

  const notice = page.getByTestId('access-denied');
  await expect(notice).toContainText(/new access token/i);
  await expect(notice).toContainText(/address/i);
  // One message, not one per panel, and no "reconnecting" bar that never clears.
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(reconnecting(page)).toBeHidden();

  // Reloading keeps the old token (the tab's session storage): still one message, not one per panel.
  await page.reload();
  await expect(page.getByTestId('access-denied')).toContainText(/new access token/i);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByTestId('start-error')).toHaveCount(0);

  // The new address works in the same tab.
  await page.goto(server.url);
  await expect(page.getByTestId('access-denied')).toHaveCount(0);
  await ask(page, 'Hello');
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
});
