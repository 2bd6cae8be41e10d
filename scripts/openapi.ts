import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

// `npm run openapi` writes docs/openapi.json from the code; `--check` fails when the committed
// document has drifted from it (CI runs the check).
const target = path.resolve('docs/openapi.json');
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: path.join(tmpdir(), `chat-api-openapi-${process.pid}`),
  PUBLIC_URL: 'http://localhost:3000',
});
const database = await openDatabase({ pgliteDir: 'memory://' });
await migrateToLatest(database.db);
const app = await buildApp(config, { database });
await app.ready();
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing document is drift too.
  }
  if (committed !== document) {
    process.stderr.write('docs/openapi.json is out of date: run `npm run openapi` and commit it\n');
    process.exit(1);
  }
  process.stdout.write('docs/openapi.json is up to date\n');
} else {
  writeFileSync(target, document);
  process.stdout.write(`wrote ${target}\n`);
}
