import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { useTestApp } from '../../../test/helpers/app.js';

// docs/client.md's complete example, run against the real server as a reader would run it.
const t = useTestApp({ env: { REQUIRE_EMAIL_VERIFICATION: 'false' } });

async function example(name: string): Promise<string> {
  const doc = await readFile(new URL('../../../docs/client.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`<!-- example: ${name} -->`);
  assert.ok(start >= 0, `docs/client.md has the example ${name}`);
  const open = doc.indexOf('```ts\n', start) + '```ts\n'.length;
  return doc.slice(open, doc.indexOf('\n```', open));
}

test('the complete example of docs/client.md runs: sign-up, friends, live message, typed error', async () => {
  const source = (await example('chat'))
    .replace(`from '@chat-api/client'`, `from '${new URL('../src/index.ts', import.meta.url).href}'`)
    .replace(`from 'ws'`, `from '${import.meta.resolve('ws')}'`);
  const file = path.join(tmpdir(), `chat-client-example-${process.pid}.mts`);
  await writeFile(file, source);
  const lines: string[] = [];
  // The example prints its progress; collect it instead.
  // eslint-disable-next-line no-console
  const log = console.log;
  // eslint-disable-next-line no-console
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  process.env.API_URL = t.current.url;
  try {
    await import(file);
  } finally {
    // eslint-disable-next-line no-console
    console.log = log;
    await rm(file, { force: true });
  }
  assert.match(lines[0] ?? '', /^shown at once: local:\S+ pending$/);
  assert.match(lines[1] ?? '', /^bob got "Hi Bob!" from \S+$/);
  assert.match(lines[2] ?? '', /^sent as [0-9a-f-]{36}$/);
  assert.equal(lines[3], 'refused: 404 not_found');
});
