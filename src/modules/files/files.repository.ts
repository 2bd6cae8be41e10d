import type { Insertable, Kysely } from 'kysely';
import type { DB, FileRow, FilesTable } from '../../db/schema.js';

export type NewFileRow = Insertable<FilesTable>;

export async function insertFile(db: Kysely<DB>, file: NewFileRow): Promise<FileRow> {
  return db.insertInto('files').values(file).returningAll().executeTakeFirstOrThrow();
}

export async function findFile(db: Kysely<DB>, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFiles(db: Kysely<DB>, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
}

/** How many of `ids` were uploaded by `ownerId` (optionally only images). */
export async function countOwnFiles(
  db: Kysely<DB>,
  ownerId: string,
  ids: readonly string[],
  mimeTypes?: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  let query = db.selectFrom('files').where('id', 'in', ids).where('ownerId', '=', ownerId);
  if (mimeTypes) query = query.where('mimeType', 'in', mimeTypes).where('width', 'is not', null);
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Whether `userId` may read a file they did not upload: it is attached to a non-deleted message
 * of a conversation they are a current member of, or it is a user's current avatar, or the
 * picture of a group they are a member of.
 */
export async function isVisibleTo(db: Kysely<DB>, fileId: string, userId: string): Promise<boolean> {
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
