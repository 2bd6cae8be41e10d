import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, startServerProcess, type ServerProcess } from '../../test/helpers/process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Why the browser tests skip on this machine, or undefined when they can run. */
export const skipReason = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH to run the browser tests`;

export const password = 'correct horse battery';

/** The server as `npm start` runs it (embedded PGlite, outbox mail, development), on a free port. */
export async function startServer(env: Record<string, string> = {}): Promise<{ server: ServerProcess; close(): Promise<void> }> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts', '--if-stale']);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chat-web-'));
  const port = await freePort();
  const server = await startServerProcess({
    NODE_ENV: 'development',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    RATE_LIMITS: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
  return {
    server,
    async close() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, headless, with a fresh user-data dir (Playwright takes it as the persistent
 * context's directory; each test person then gets a context of their own from the same browser).
 */
export async function launch(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'chat-web-chromium-'));
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const browser = persistent.browser();
  if (!browser) throw new Error('Chromium gave no browser for the persistent context');
  return {
    browser,
    async close() {
      await persistent.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface Person {
  context: BrowserContext;
  page: Page;
  username: string;
  email: string;
}

/** Signs up through the app, follows the verification link from the development outbox, signs in. */
export async function signUp(
  browser: Browser,
  url: string,
  name: string,
  options: { screenshot?: string } = {},
): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, baseURL: url });
  const page = await context.newPage();
  const username = `${name}_${Date.now().toString(36)}`;
  const email = `${username}@example.test`;
  await page.goto('/#/signup');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password (8 characters or more)').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Check your mail' }).waitFor();
  const link = page.getByRole('region', { name: 'Development outbox' }).getByRole('link', { name: 'Open the link' });
  const href = await link.getAttribute('href');
  if (options.screenshot) await screenshot(page, options.screenshot);
  if (!href) throw new Error('no verification link in the outbox');
  await page.goto(href);
  await page.getByRole('heading', { name: 'E-mail confirmed' }).waitFor();
  await page.goto('/#/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('complementary', { name: 'Conversations' }).waitFor();
  await page.getByText('Online', { exact: true }).waitFor();
  return { context, page, username, email };
}

/** Saves a screenshot into docs/screenshots when UPDATE_SCREENSHOTS=1 (`npm run web:screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: path.join('docs', 'screenshots', `${name}.png`) });
}
