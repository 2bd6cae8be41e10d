import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DB } from './schema.js';
import * as initial from './migrations/0001_initial.js';
import * as eventLogWithoutForeignKeys from './migrations/0002_event_log_without_foreign_keys.js';
import * as eventPayloadsAsJson from './migrations/0003_event_payloads_as_json.js';
import * as derivedMessageNotifications from './migrations/0004_derived_message_notifications.js';
import * as fileReferenceIndexes from './migrations/0005_file_reference_indexes.js';
import * as reactionsPinsSearch from './migrations/0007_reactions_pins_search.js';
import * as pushAndWebhooks from './migrations/0008_push_and_webhooks.js';

/** Migrations are listed here in order; the files themselves are frozen once shipped. */
const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_event_log_without_foreign_keys': eventLogWithoutForeignKeys,
  '0003_event_payloads_as_json': eventPayloadsAsJson,
  '0004_derived_message_notifications': derivedMessageNotifications,
  '0005_file_reference_indexes': fileReferenceIndexes,
  '0007_reactions_pins_search': reactionsPinsSearch,
  '0008_push_and_webhooks': pushAndWebhooks,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Applies every pending migration; throws (never exits 0) when one fails. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}
