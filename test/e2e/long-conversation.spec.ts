import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { writeChatGptExport } from '../support/chatgpt-export.js';
import type { RunningServer } from '../support/headless-server.js';
import { expect, test, type Page } from './duet-test.js';

const TURNS = 1_000;
const MESSAGES = TURNS * 2;

let server: RunningServer;

test.beforeEach(async ({ duet, dataDir }) => {
  server = await duet.start({ model: TINY_MODEL_FILE });
  // One conversation of 2,000 messages, imported as a ChatGPT export ("user 0/0: …" … "assistant 0/1999: …").
  const exportFile = path.join(dataDir, 'conversations.json');
  await writeChatGptExport(exportFile, { conversations: 1, turns: TURNS, messageChars: 300 });
  await new BridgeClient(server.url).call('history.import', { fileName: 'conversations.json', content: readFileSync(exportFile, 'utf8') });
});

const messages = (page: Page) => page.getByTestId('message');
const chat = (page: Page) => page.getByRole('region', { name: 'Chat history' });

async function openLongConversation(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('conversation-item').first().click();
  await expect(messages(page).last()).toContainText(`assistant 0/${MESSAGES - 1}:`);
}

test('a 2,000-message conversation opens at its newest message with only a window of it in the page', async ({ page }) => {
  await openLongConversation(page);
  await expect(messages(page).last()).toBeInViewport();
  const rendered = await messages(page).count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(100);
  // Screen readers hear where each message sits in the whole conversation.
  await expect(messages(page).last()).toHaveAttribute('aria-posinset', String(MESSAGES));
  await expect(messages(page).first()).toHaveAttribute('aria-setsize', String(MESSAGES));
});

test('Home reaches the first message and End the newest, and the window follows', async ({ page }) => {
  await openLongConversation(page);
  // Keyboard: the chat history scrolls with Home/End once focused.
  await chat(page).focus();
  await expect(async () => {
    await page.keyboard.press('Home');
    await expect(page.getByText('user 0/0:', { exact: false })).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(messages(page).first()).toHaveAttribute('aria-posinset', '1');
  expect(await messages(page).count()).toBeLessThan(100);
  await expect(page.getByText(`assistant 0/${MESSAGES - 1}:`)).toHaveCount(0);

  await page.keyboard.press('End');
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(messages(page).last()).toContainText(`assistant 0/${MESSAGES - 1}:`, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test('a new question at the end of a long conversation is followed to the bottom, and its answer says why it cannot fit', async ({ page }) => {
  await openLongConversation(page);
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('Hello');
  await composer.press('Enter');
  // The new answer, not the imported one before it (which is complete).
  const answer = page.locator(`[data-testid="message"][data-role="assistant"][aria-posinset="${MESSAGES + 2}"]`);
  // This conversation is far longer than the tiny model's window: the local model refuses rather than
  // silently answering from its last few turns, and says what to do.
  await expect(answer).toHaveAttribute('data-status', 'error');
  await expect(answer.getByRole('alert')).toContainText('too long for the local model');
  await expect(page.locator('[data-testid="message"][data-role="user"]').last()).toHaveText(/Hello/);
  await expect(answer).toBeInViewport();
});

test('a long Markdown answer opens whole, at its end, as Markdown', async ({ page }) => {
  // About 75 KB of Markdown: shown over a few frames rather than in one long task, all of it in the end.
  const parts = 700;
  let answer = '';
  for (let i = 0; i < parts; i++)
    answer += `## Part ${i}\n\nStep ${i} has **bold words** and \`code\`.\n\n- a point\n- another point\n\n\`\`\`ts\nconst x${i} = ${i};\n\`\`\`\n\n`;
  const node = (id: string, role: string, text: string, parent: string, child: string | null) => ({
    message: { author: { role }, content: { content_type: 'text', parts: [text] }, create_time: 1_800_000_000, metadata: {} },
    parent,
    children: child ? [child] : [],
  });
  const conversation = {
    title: 'A long answer',
    create_time: 1_800_000_000,
    update_time: 1_800_000_001,
    id: 'long-answer-conversation',
    mapping: {
      root: { message: null, parent: null, children: ['q'] },
      q: node('q', 'user', 'Explain everything', 'root', 'a'),
      a: node('a', 'assistant', answer, 'q', null),
    },
    current_node: 'a',
  };
  await new BridgeClient(server.url).call('history.import', { fileName: 'conversations.json', content: JSON.stringify([conversation]) });
  await page.goto(server.url);
  await page.getByTestId('conversation-item').filter({ hasText: 'A long answer' }).click();
  const shown = messages(page).last();
  await expect(shown.getByRole('heading', { name: `Part ${parts - 1}`, exact: true })).toBeVisible();
  await expect(shown.getByRole('heading')).toHaveCount(parts);
  await expect(shown.locator('pre code')).toHaveCount(parts);
  // Opened at its end, which stays in view while the rest is shown.
  await expect(shown.getByText(`const x${parts - 1} = ${parts - 1};`)).toBeInViewport();
});
