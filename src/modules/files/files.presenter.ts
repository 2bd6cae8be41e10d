import type { FileRow } from '../../db/schema.js';
import type { FileDto } from './files.schemas.js';
import type { UrlSigner } from './file-urls.js';

export function toFileDto(row: FileRow, signer: UrlSigner): FileDto {
  return {
    id: row.id,
    name: row.name,
    mimeType: row.mimeType,
    size: Number(row.size),
    url: signer.url(row.id, 'original'),
    thumbnailUrl: row.thumbnailKey ? signer.url(row.id, 'thumbnail') : null,
    width: row.width,
    height: row.height,
    createdAt: row.createdAt.toISOString(),
  };
}
