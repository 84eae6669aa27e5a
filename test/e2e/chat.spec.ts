import path from 'node:path';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { startLoopbackCloud } from '../support/loopback-cloud.js';
import { ask, expect, test, type Page } from './duet-test.js';

const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
const userMessages = (page: Page) => page.locator('[data-testid="message"][data-role="user"]');

test('asks the local model, sees the answer stream in with its route, and finds it after a restart', async ({ page, duet }) => {
  let server = await duet.start({ model: TINY_MODEL_FILE, token: 'e2e-token' });
  await page.goto(server.url);

  await ask(page, 'Hello');
  const answer = assistantMessages(page).last();
  await expect(answer.getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.getByTestId('route-badge')).toHaveText(/local/);
  await expect(userMessages(page).last()).toContainText('Hello');

  // Show routing reveals where it ran, the model and the speed figures.
  await expect(answer.getByTestId('routing-details')).toHaveCount(0);
  await page.getByLabel('Show routing').check();
  const details = answer.getByTestId('routing-details');
  await expect(details).toContainText('local');
  await expect(details).toContainText('tiny-chat');
  await expect(details).toContainText(/TTFT \d+/);
  await expect(details).toContainText(/[\d.]+ tok\/s/);

  // Quit and come back: same data folder, same address.
  const port = server.port;
  await server.stop();
  server = await duet.start({ model: TINY_MODEL_FILE, token: 'e2e-token', port });
  await page.reload();
  const item = page.getByTestId('conversation-item').first();
  await expect(item).toContainText('Hello');
  await item.click();
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  // The toggle is a setting: it survived the restart too.
  await expect(page.getByLabel('Show routing')).toBeChecked();
});

test('a conversation continues with a second question', async ({ page, duet }) => {
  const server = await duet.start({ model: TINY_MODEL_FILE });
  await page.goto(server.url);
  await ask(page, 'Hi');
  await expect(assistantMessages(page).nth(0).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await ask(page, 'Hello again');
  await expect(assistantMessages(page)).toHaveCount(2);
  await expect(assistantMessages(page).nth(1).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
});

test('a missing model is explained and the app stays usable', async ({ page, duet, dataDir }) => {
  const server = await duet.start({ model: path.join(dataDir, 'no-such-model.gguf') });
  await page.goto(server.url);
  await expect(page.getByText(/No model file at/).first()).toBeVisible();
  await ask(page, 'Hello');
  const failed = assistantMessages(page).last();
  await expect(failed.getByTestId('message-error')).toContainText(/model/i);
  // The question is kept.
  await expect(userMessages(page).last()).toContainText('Hello');

  // Loading a good model from the UI makes the next question work.
  await page.getByLabel(/model file/i).fill(TINY_MODEL_FILE);
  await page.getByRole('button', { name: /load model/i }).click();
  await ask(page, 'Hello');
  await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
});

test('stop ends an answer at once, and a killed engine costs one answer, not the app', async ({ page, duet }) => {
  // The benchmark model talks until stopped, which gives time to stop it and to kill its process.
  test.skip(!BENCH_MODEL_FILE || !(await import('node:fs')).existsSync(BENCH_MODEL_FILE), 'bench model not generated (npm run fixtures -- --bench)');
  const server = await duet.start({ model: BENCH_MODEL_FILE });
  await page.goto(server.url);

  // Each answer by its place: `.last()` would match the one before until the new one exists.
  await ask(page, 'Tell me a long story');
  const first = assistantMessages(page).nth(0);
  await expect(first.getByTestId('message-content')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(first).toHaveAttribute('data-status', 'stopped');
  const stoppedText = await first.getByTestId('message-content').textContent();
  await page.waitForTimeout(500);
  await expect(first.getByTestId('message-content')).toHaveText(stoppedText ?? '');

  await ask(page, 'Another long story please');
  const second = assistantMessages(page).nth(1);
  await expect(second.getByTestId('message-content')).not.toBeEmpty();
  const workers = server.childPids();
  expect(workers.length).toBeGreaterThan(0);
  for (const pid of workers) process.kill(pid, 'SIGKILL');
  await expect(second.getByTestId('message-error')).toContainText(/stopped unexpectedly/i);
  await expect(userMessages(page).last()).toContainText('Another long story please');

  // The engine restarts by itself and the next question is answered.
  await ask(page, 'And one more');
  const third = assistantMessages(page).nth(2);
  await expect(third.getByTestId('message-content')).not.toBeEmpty({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(third).toHaveAttribute('data-status', 'stopped');
  expect(server.process.exitCode).toBeNull();
});

test('a streaming answer is followed while the reader is at the bottom, not once they scroll up, and again when they return', async ({ page, duet, dataDir }) => {
  // A cloud whose answer grows a line at a time until stopped: it soon outgrows the screen.
  const cloud = await startLoopbackCloud();
  cloud.setFault({ kind: 'endless' });
  try {
    const server = await duet.start({
      model: TINY_MODEL_FILE,
      env: { DUET_CLOUD_BASE_URL: cloud.baseUrl, DUET_CLOUD_MODEL: cloud.model, DUET_POLICY_FILE: path.join(dataDir, 'no-policy.json') },
    });
    await new BridgeClient(server.url).call('settings.update', { mode: 'cloud' });
    await page.goto(server.url);
    const chat = page.getByRole('region', { name: 'Chat history' });
    const view = (): Promise<{ top: number; height: number; fromBottom: number }> =>
      chat.evaluate((el) => ({ top: el.scrollTop, height: el.scrollHeight, fromBottom: el.scrollHeight - el.scrollTop - el.clientHeight }));
    /** Waits for the answer to grow by `px` more than `from`. */
    const grows = async (from: number, px = 200): Promise<void> => {
      await expect.poll(async () => (await view()).height, { timeout: 30_000 }).toBeGreaterThan(from + px);
    };

    await ask(page, 'Tell me a long story');
    const answer = assistantMessages(page).nth(0);
    await expect(answer).toHaveAttribute('data-status', 'streaming');
    // At the bottom, the view follows the answer as it grows past the screen.
    await expect.poll(async () => (await view()).top, { timeout: 30_000 }).toBeGreaterThan(300);
    await expect.poll(async () => (await view()).fromBottom).toBeLessThan(48);

    // The reader scrolls up: the answer keeps growing, the view stays where they put it.
    await chat.hover();
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await view()).fromBottom).toBeGreaterThan(100);
    const held = await view();
    await grows(held.height);
    expect(Math.abs((await view()).top - held.top)).toBeLessThan(2);
    await expect(answer).toHaveAttribute('data-status', 'streaming');

    // Back at the bottom, the view follows again.
    await page.mouse.wheel(0, 100_000);
    await expect.poll(async () => (await view()).fromBottom).toBeLessThan(48);
    await grows((await view()).height);
    await expect.poll(async () => (await view()).fromBottom).toBeLessThan(48);

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(answer).toHaveAttribute('data-status', 'stopped');
  } finally {
    await cloud.stop();
  }
});
