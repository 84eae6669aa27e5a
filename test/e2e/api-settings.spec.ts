import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { expect, test, type Page } from './duet-test.js';

let dataDir: string;
let server: RunningServer | null = null;
/** A server the test holds open (a port taken, a web page's site); closed after each test. */
let blocker: net.Server | http.Server | null = null;

test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-api-settings-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  const held = blocker;
  blocker = null;
  if (held instanceof http.Server) held.closeAllConnections();
  if (held) await new Promise<void>((resolve) => held.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts Duet with no model (the endpoint lists its models without one) and the given policy file contents. */
async function start(policy: object | null = null): Promise<RunningServer> {
  const policyFile = path.join(dataDir, 'policy.json');
  if (policy) writeFileSync(policyFile, JSON.stringify(policy));
  server = await startServer({ model: null, dataDir, env: { DUET_POLICY_FILE: policyFile, DUET_API_KEY: '' } });
  return server;
}

/** A TCP server on 127.0.0.1 at a port the system picked (above 1024), for as long as the test runs. */
async function listenAnywhere(): Promise<net.Server> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  return probe;
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = await listenAnywhere();
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function openApiSettings(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.goto(server!.url);
  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog.getByRole('heading', { name: 'API for other apps' })).toBeVisible();
  return dialog;
}

/** Types a port and saves it the way a person does: the field saves when it loses focus. */
async function setPort(dialog: ReturnType<Page['getByTestId']>, port: number): Promise<void> {
  const field = dialog.getByLabel('Port', { exact: true });
  await field.fill(String(port));
  await field.blur();
  await expect(dialog.getByTestId('api-port-status')).toHaveText('Saved.');
}

/** What `GET /v1/models` answers with a key, or the connection error's code when nothing listens. */
async function listModels(baseUrl: string, key: string): Promise<{ status: number; ids: string[] } | { refused: string }> {
  try {
    const response = await fetch(`${baseUrl}/models`, { headers: { authorization: `Bearer ${key}` } });
    const body = (await response.json()) as { data?: { id: string }[] };
    return { status: response.status, ids: (body.data ?? []).map((model) => model.id) };
  } catch (error) {
    return { refused: String((error as { cause?: { code?: string } }).cause?.code ?? error) };
  }
}

test('turning the API on in Settings serves other apps with the key shown, and turning it off stops it', async ({ page, context }) => {
  await start();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const dialog = await openApiSettings(page);
  const toggle = dialog.getByRole('switch', { name: 'Let other apps on this computer use Duet' });
  await expect(toggle).not.toBeChecked();
  await expect(dialog.getByTestId('api-status')).toHaveText('Not running: turned off.');

  await setPort(dialog, port);
  await toggle.check();
  await expect(dialog.getByTestId('api-status')).toHaveText(`Running at ${baseUrl}`);
  await expect(dialog.getByTestId('api-base-url')).toHaveText(baseUrl);
  await expect(dialog.getByTestId('api-hint')).toContainText(`set the base URL to ${baseUrl}`);

  // The key is masked until Show is pressed.
  const keyShown = dialog.getByTestId('api-key');
  await expect(keyShown).not.toContainText('sk-duet-');
  await dialog.getByRole('button', { name: 'Show the key' }).click();
  await expect(keyShown).toContainText('sk-duet-');
  const key = (await keyShown.textContent())!.trim();

  const models = await listModels(baseUrl, key);
  expect(models).toMatchObject({ status: 200 });
  expect((models as { ids: string[] }).ids).toContain('duet-auto');

  // Copy puts the base URL on the clipboard and says so.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server!.url).origin });
  await dialog.getByRole('button', { name: 'Copy the base URL' }).click();
  await expect(dialog.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(baseUrl);

  await toggle.uncheck();
  await expect(dialog.getByTestId('api-status')).toHaveText('Not running: turned off.');
  expect(await listModels(baseUrl, key)).toEqual({ refused: 'ECONNREFUSED' });
});

test('a new key shuts out apps holding the old one, after a confirmation', async ({ page }) => {
  await start();
  // This browser refuses clipboard writes: Copy must say it failed rather than claim it copied.
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const dialog = await openApiSettings(page);
  await setPort(dialog, port);
  await dialog.getByRole('switch', { name: 'Let other apps on this computer use Duet' }).check();
  await expect(dialog.getByTestId('api-status')).toHaveText(`Running at ${baseUrl}`);
  await dialog.getByRole('button', { name: 'Show the key' }).click();
  const keyShown = dialog.getByTestId('api-key');
  await expect(keyShown).toContainText('sk-duet-');
  const oldKey = (await keyShown.textContent())!.trim();
  await dialog.getByRole('button', { name: 'Copy the key' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Could not copy (Write permission denied.). Select the text and copy it yourself.');

  await dialog.getByRole('button', { name: 'New key…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Make a new API key?' });
  await expect(confirm).toContainText('Apps that use the current key stop working');
  await confirm.getByRole('button', { name: 'Make a new key' }).click();
  await expect(confirm).toBeHidden();
  await expect(keyShown).not.toHaveText(oldKey);
  const newKey = (await keyShown.textContent())!.trim();

  expect(await listModels(baseUrl, oldKey)).toMatchObject({ status: 401 });
  expect(await listModels(baseUrl, newKey)).toMatchObject({ status: 200 });
});

test('a port another program holds is named as the problem, and a port below 1024 is refused', async ({ page }) => {
  await start();
  blocker = await listenAnywhere();
  const { port } = blocker.address() as AddressInfo;
  const dialog = await openApiSettings(page);

  const field = dialog.getByLabel('Port', { exact: true });
  await field.fill('80');
  await field.blur();
  await expect(dialog.getByTestId('api-port-error')).toContainText('Pick a port from 1024 to 65535.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await setPort(dialog, port);
  await expect(dialog.getByTestId('api-port-error')).toBeHidden();
  await dialog.getByRole('switch', { name: 'Let other apps on this computer use Duet' }).check();
  await expect(dialog.getByTestId('api-status')).toHaveText(
    `Not running: Port ${port} is in use by another program. Pick another port for the API (Settings → API for other apps, or --api-port when headless).`,
  );
});

test('when the administrator turned the API off, the switch is locked and says why', async ({ page }) => {
  await start({ allowApi: false });
  const dialog = await openApiSettings(page);
  const toggle = dialog.getByRole('switch', { name: 'Let other apps on this computer use Duet' });
  await expect(toggle).toBeDisabled();
  await expect(toggle).toHaveAccessibleDescription(/Set by your administrator/);
  await expect(dialog.getByTestId('api-status')).toContainText('Not running');
});

test('a web page may call the API from the browser only once it is among the allowed web pages', async ({ page, context }) => {
  await start();
  // Some web page served from this computer (Duet's own page may not call other addresses: its CSP says so).
  const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>A web app</title>'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  blocker = site;
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const dialog = await openApiSettings(page);
  await setPort(dialog, port);
  await dialog.getByRole('switch', { name: 'Let other apps on this computer use Duet' }).check();
  await expect(dialog.getByTestId('api-status')).toHaveText(`Running at ${baseUrl}`);
  await dialog.getByRole('button', { name: 'Show the key' }).click();
  await expect(dialog.getByTestId('api-key')).toContainText('sk-duet-');
  const key = (await dialog.getByTestId('api-key').textContent())!.trim();

  const webPage = await context.newPage();
  await webPage.goto(siteOrigin);
  const callFromPage = (): Promise<string> =>
    webPage.evaluate(
      async ({ url, bearer }) => {
        try {
          const response = await fetch(`${url}/models`, { headers: { authorization: `Bearer ${bearer}` } });
          const body = (await response.json()) as { data: { id: string }[] };
          return body.data.map((model) => model.id).join(' ');
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      },
      { url: baseUrl, bearer: key },
    );

  expect(await callFromPage()).toMatch(/^refused/);
  const origins = dialog.getByLabel('Allowed web pages');
  await origins.fill(`${siteOrigin}/`);
  await dialog.getByRole('button', { name: 'Allow these web pages' }).click();
  await expect(dialog.getByTestId('api-origins-status')).toHaveText('Saved.');
  expect(await callFromPage()).toContain('duet-auto');

  await origins.fill('http://localhost:3000/app');
  await dialog.getByRole('button', { name: 'Allow these web pages' }).click();
  await expect(dialog.getByTestId('api-origins-error')).toContainText('Enter an origin such as http://localhost:3000 (no path).');
});

test("an app's conversation shows under its name; with Keep API conversations off, the next one leaves nothing behind", async ({ page }) => {
  const port = await freePort();
  server = await startServer({ model: TINY_MODEL_FILE, dataDir, args: ['--api-port', String(port)], env: { DUET_API_KEY: 'sk-duet-e2e-keep' } });
  const ask = (content: string) =>
    fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-duet-e2e-keep', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'duet-local', user: 'notes-app', messages: [{ role: 'user', content }] }),
    });
  await page.goto(server.url);
  expect((await ask('Kept question')).status).toBe(200);
  const item = page.getByTestId('conversation-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('conversation-client')).toHaveText('via notes-app');

  await page.getByTestId('open-settings').click();
  const keep = page.getByTestId('settings-dialog').getByRole('checkbox', { name: 'Keep API conversations' });
  await expect(keep).toBeChecked();
  await keep.uncheck();
  await expect(keep).not.toBeChecked();
  await page.keyboard.press('Escape');

  expect((await ask('Unkept question')).status).toBe(200);
  await page.reload();
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Kept question');
});
