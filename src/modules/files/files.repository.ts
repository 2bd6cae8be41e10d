import type { Db } from '../../db/database.js';
import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool } from 'kysely';
import type { DB, FileRow, FilesTable } from '../../db/schema.js';

export type NewFileRow = Insertable<FilesTable>;

export async function insertFile(db: Db, file: NewFileRow): Promise<FileRow> {
  return db.insertInto('files').values(file).returningAll().executeTakeFirstOrThrow();
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFiles(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
}

/**
 * How many of `ids` were uploaded by `ownerId` (optionally only images). The rows are locked
 * (`FOR KEY SHARE`) until the caller's transaction ends, so a file being attached cannot be swept
 * meanwhile; one the sweeper has just deleted is not counted.
 */
export async function countOwnFiles(
  db: Db,
  ownerId: string,
  ids: readonly string[],
  mimeTypes?: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  let query = db.selectFrom('files').where('id', 'in', ids).where('ownerId', '=', ownerId);
  if (mimeTypes) query = query.where('mimeType', 'in', mimeTypes).where('width', 'is not', null);
  const rows = await query.select('id').forKeyShare().execute();
  return rows.length;
}

/** Bytes of every file `ownerId` has stored. */
export async function storageUsed(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('files')
    .where('ownerId', '=', ownerId)
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), eb.lit(0)).as('bytes'))
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/** Serialises the quota checks of one owner's uploads until the transaction ends. */
export async function lockStorageOf(trx: Db, ownerId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`files:${ownerId}`}, 0))`.execute(trx);
}

/** Nothing refers to the file: no message attachment, no user's avatar, no group's picture. */
function unreferenced(eb: ExpressionBuilder<DB, 'files'>): Expression<SqlBool> {
  const one = eb.lit(1).as('one');
  return eb.and([
    eb.not(eb.exists(eb.selectFrom('messageAttachments as ma').whereRef('ma.fileId', '=', 'files.id').select(one))),
    eb.not(eb.exists(eb.selectFrom('users as u').whereRef('u.avatarFileId', '=', 'files.id').select(one))),
    eb.not(eb.exists(eb.selectFrom('groups as g').whereRef('g.avatarFileId', '=', 'files.id').select(one))),
  ]);
}

export interface SweptFile {
  id: string;
  storageKey: string;
  thumbnailKey: string | null;
}

/**
 * Deletes up to `limit` files with ids in `[fromId, toId)` (ids are time-ordered) that nothing
 * refers to, and returns them. Candidates are locked `FOR UPDATE SKIP LOCKED` (another node's
 * sweep, or a transaction attaching the file, holds them otherwise), then deleted by a second
 * statement that checks the references again with a fresh snapshot: an attachment committed in
 * between keeps its file, and one attempted afterwards waits for the lock, then finds no file.
 */
export async function deleteUnreferencedFiles(
  trx: Db,
  range: { fromId: string; toId: string },
  limit: number,
): Promise<SweptFile[]> {
  const candidates = await trx
    .selectFrom('files')
    .where('id', '>=', range.fromId)
    .where('id', '<', range.toId)
    .where((eb) => unreferenced(eb))
    .orderBy('id')
    .limit(limit)
    .select('id')
    .forUpdate()
    .skipLocked()
    .execute();
  if (candidates.length === 0) return [];
  return trx
    .deleteFrom('files')
    .where(
      'id',
      'in',
      candidates.map((c) => c.id),
    )
    .where((eb) => unreferenced(eb))
    .returning(['id', 'storageKey', 'thumbnailKey'])
    .execute();
}

/**
 * Whether `userId` may read a file they did not upload: it is attached to a non-deleted message
 * of a conversation they are a current member of, or it is a user's current avatar, or the
 * picture of a group they are a member of.
 */
export async function isVisibleTo(db: Db, fileId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('messageAttachments as ma')
              .innerJoin('messages as m', 'm.id', 'ma.messageId')
              .innerJoin('conversationMembers as cm', 'cm.conversationId', 'm.conversationId')
              .where('ma.fileId', '=', fileId)
              .where('m.deletedAt', 'is', null)
              .where('cm.userId', '=', userId)
              .select(eb.lit(1).as('one')),
          ),
          eb.exists(
            eb
              .selectFrom('users as u')
              .where('u.avatarFileId', '=', fileId)
              .where('u.deletedAt', 'is', null)
              .select(eb.lit(1).as('one')),
          ),
          eb.exists(
            eb
              .selectFrom('groups as g')
              .innerJoin('conversationMembers as gm', 'gm.conversationId', 'g.conversationId')
              .where('g.avatarFileId', '=', fileId)
              .where('g.deletedAt', 'is', null)
              .where('gm.userId', '=', userId)
              .select(eb.lit(1).as('one')),
          ),
        ])
        .as('visible'),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.visible);
}
