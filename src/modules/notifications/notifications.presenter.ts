import type { NotificationRow } from '../../db/schema.js';
import type { PublicUserDto } from '../users/users.schemas.js';
import type { NotificationDto } from './notifications.schemas.js';

export function toNotificationDto(row: NotificationRow, actors: Map<string, PublicUserDto>): NotificationDto {
  return {
    id: row.id,
    type: row.type,
    actor: row.actorId ? (actors.get(row.actorId) ?? null) : null,
    data: row.data,
    read: row.read,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
