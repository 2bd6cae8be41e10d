import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { indexUnindexed } from '../src/modules/messages/search-index.js';

// `npm run search:reindex`: gives every live text message that has none its search document
// (messages written before the search index existed). Safe to run again, also while serving.
try {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pg') });
  try {
    await migrateToLatest(database.db);
    let total = 0;
    for (let n = await indexUnindexed(database.db); n > 0; n = await indexUnindexed(database.db)) total += n;
    process.stdout.write(`indexed ${total} messages\n`);
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error' : 'Reindex failed'}: ${(error as Error).message}\n`,
  );
  process.exitCode = 1;
}
