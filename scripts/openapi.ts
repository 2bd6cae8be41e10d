import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

// `npm run openapi` writes docs/openapi.json and docs/asyncapi.yaml from the code (as the server
// serves them at /openapi.json and /asyncapi.yaml); `--check` fails when a committed document has
// drifted from it (CI runs the check).
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
const documents = {
  'docs/openapi.json': `${JSON.stringify(app.swagger(), null, 2)}\n`,
  'docs/asyncapi.yaml': (await app.inject({ url: '/asyncapi.yaml' })).body,
};
await app.close();

let drifted = false;
for (const [file, document] of Object.entries(documents)) {
  const target = path.resolve(file);
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // A missing document is drift too.
    }
    if (committed !== document) {
      process.stderr.write(`${file} is out of date: run \`npm run openapi\` and commit it\n`);
      drifted = true;
    } else {
      process.stdout.write(`${file} is up to date\n`);
    }
  } else {
    writeFileSync(target, document);
    process.stdout.write(`wrote ${target}\n`);
  }
}
if (drifted) process.exit(1);
