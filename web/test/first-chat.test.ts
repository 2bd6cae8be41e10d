import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { firstChatOutput } from '../../test/docs/first-chat.expected.js';
import { freePort } from '../../test/helpers/process.js';
import { launch, skipReason, startServer } from './support.js';

// docs/first-chat.md says its JavaScript walkthrough runs unchanged in a browser as a module
// script, from a page whose origin CORS_ORIGINS allows. This runs the very file that way in
// Chromium and reads what it prints to the console.
const example = path.resolve(import.meta.dirname, '../../docs/examples/first-chat.mjs');

describe('docs/examples/first-chat.mjs in Chromium', { skip: skipReason, timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let pageOrigin: string;
  let files: Server;

  before(async () => {
    // The page comes from a static file server of its own, so the example's requests are
    // cross-origin as in the guide.
    const port = await freePort();
    pageOrigin = `http://localhost:${port}`;
    [server, chromium] = await Promise.all([startServer({ CORS_ORIGINS: pageOrigin }), launch()]);
    files = await serveWalkthrough(port, server.server.url);
  });
  after(async () => {
    await chromium?.close();
    await server?.close();
    files?.close();
  });

  test('runs as a module script and prints every step', async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const lines: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => lines.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    const finished = page.waitForEvent('console', { predicate: (message) => message.text() === 'done', timeout: 180_000 });
    const failed = new Promise<never>((_, reject) => {
      page.once('pageerror', (error) => reject(new Error(`the example failed in the browser: ${String(error)}`)));
    });
    failed.catch(() => {}); // observed through the race below
    await page.goto(`${pageOrigin}/`);
    await Promise.race([finished, failed]);
    const output = lines.join('\n');
    for (const line of firstChatOutput) assert.match(output, line);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/**
 * Serves the example file as it is, and a page that loads it as a module script. Only the page
 * says which server to use: the example reads `process.argv[2]` when there is one (else it would
 * try http://localhost:3000).
 */
async function serveWalkthrough(port: number, apiUrl: string): Promise<Server> {
  const source = await readFile(example, 'utf8');
  const html = `<!doctype html><title>first chat</title>
<script>globalThis.process = { argv: ['', '', ${JSON.stringify(apiUrl)}], env: {} };</script>
<script type="module" src="first-chat.mjs"></script>`;
  const files = createServer((req, res) => {
    const script = req.url === '/first-chat.mjs';
    res.writeHead(200, { 'content-type': script ? 'text/javascript' : 'text/html' });
    res.end(script ? source : html);
  });
  await new Promise<void>((resolve) => files.listen(port, '127.0.0.1', resolve));
  return files;
}
