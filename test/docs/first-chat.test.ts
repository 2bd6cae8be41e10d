import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { useTestApp } from '../helpers/app.js';
import { firstChatOutput } from './first-chat.expected.js';

// docs/first-chat.md shows docs/examples/* verbatim; these tests run them against a real server in
// embedded mode (outbox mail), so the walkthrough cannot rot.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const examples = path.join(root, 'docs/examples');
const guide = readFileSync(path.join(root, 'docs/first-chat.md'), 'utf8');
const t = useTestApp({ realMailer: true });

const expected = firstChatOutput;

/** The fenced block of the guide that follows `<!-- file: name -->`. */
function blockOf(name: string): string {
  const start = guide.indexOf(`<!-- file: ${name} -->`);
  assert.ok(start >= 0, `the guide shows ${name}`);
  const open = guide.indexOf('\n', guide.indexOf('```', start)) + 1;
  return guide.slice(open, guide.indexOf('\n```\n', open) + 1);
}

for (const file of ['first-chat.mjs', 'first_chat.py']) {
  test(`docs/first-chat.md shows ${file} exactly as it is tested`, () => {
    assert.equal(blockOf(file), readFileSync(path.join(examples, file), 'utf8'));
  });
}

test('the JavaScript walkthrough runs as written (Node, WebSocket from the runtime or ws)', async () => {
  const { stdout } = await run(process.execPath, [path.join(examples, 'first-chat.mjs'), t.current.url], {
    cwd: examples,
    timeout: 60_000,
  });
  for (const line of expected) assert.match(stdout, line);
});

test('the Python walkthrough runs as written (standard library only)', async (ctx) => {
  const python = await run('python3', ['--version']).then(
    () => 'python3',
    () => undefined,
  );
  // CI has python3: there a missing interpreter is a broken set-up, not a reason to skip.
  if (!python && process.env.CI) assert.fail('python3 is not installed, so the Python walkthrough cannot run');
  if (!python) return ctx.skip('python3 is not installed');
  const { stdout } = await run(python, [path.join(examples, 'first_chat.py'), t.current.url], { cwd: examples, timeout: 60_000 });
  for (const line of expected) assert.match(stdout, line);
});
