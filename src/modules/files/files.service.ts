import type { Db } from '../../db/database.js';
import type { Readable } from 'node:stream';
import type { FileRow } from '../../db/schema.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isId, newId } from '../../lib/ids.js';
import type { RateLimiter, Rule } from '../../lib/rate-limiter.js';
import type { ByteRange, Storage } from '../../lib/storage/storage.js';
import type { FilesPort } from '../ports.js';
import { parseRange } from './byte-range.js';
import { MAX_RAW_NAME_BYTES, sanitizeFileName } from './file-names.js';
import { Inspector, RASTER_IMAGE_TYPES, REFUSED_TYPES, sniffType } from './file-inspection.js';
import type { FileVariant, UrlSigner } from './file-urls.js';
import {
  type NewFileRow,
  countOwnFiles,
  findFile,
  findFiles,
  insertFile,
  isVisibleTo,
  lockStorageOf,
  storageUsed,
} from './files.repository.js';
import { toFileDto } from './files.presenter.js';
import type { FileDto } from './files.schemas.js';
import { processImage, putThrough, THUMBNAIL_TYPE } from './image-processing.js';

/** Uploads per user: bursts of 20, then one every 3 s. */
export const UPLOAD_RULE: Rule = { burst: 20, perSecond: 1 / 3 };
/** Room for the multipart envelope around the file when checking `Content-Length` up front. */
const MULTIPART_SLACK = 64 * 1024;

export interface UploadPart {
  fieldName: string;
  fileName: string | undefined;
  /** The file's bytes; `truncated` is set when the size limit cut it. */
  stream: Readable & { truncated?: boolean };
}

export interface UploadInput {
  /** `Content-Length` of the whole request, when the client declared one. */
  declaredLength: number | undefined;
  /** Opens the first file part of the multipart body; undefined when there is none. */
  openFile: () => Promise<UploadPart | undefined>;
}

export interface ReadInput {
  fileId: string;
  variant: FileVariant;
  /** The signed-in reader, when a Bearer token came with the request. */
  viewerId: string | null;
  signature: { expires: number; sig: string } | null;
  range: string | undefined;
  ifNoneMatch: string | undefined;
  ifRange: string | undefined;
}

/** What to send back for a read; the route turns it into headers. */
export interface ServedFile {
  outcome: 'whole' | 'partial' | 'not_modified' | 'unsatisfiable';
  etag: string;
  mimeType: string;
  name: string;
  /** Bytes of the whole object. */
  size: number;
  range: ByteRange | null;
  inline: boolean;
  body: Readable | null;
}

export interface FilesDeps {
  db: Db;
  storage: Storage;
  limiter: RateLimiter;
  signer: UrlSigner;
  maxUploadBytes: number;
  /** Bytes one user may keep stored. */
  storageQuotaBytes: number;
  log: { warn(obj: unknown, msg?: string): void };
}

export type FilesService = ReturnType<typeof createFilesService>;

export function createFilesService(deps: FilesDeps) {
  const { db, storage, signer } = deps;

  /**
   * Stores an upload: streamed to storage while hashed and measured, typed from its bytes,
   * refused (415) when the type is on the refused list, images measured, thumbnailed and cleaned
   * of metadata. Over `maxUploadBytes` answers 413, over the owner's storage quota 507; either
   * way nothing is kept.
   */
  async function upload(ownerId: string, input: UploadInput): Promise<FileDto> {
    await deps.limiter.consume(`upload:${ownerId}`, UPLOAD_RULE);
    if (input.declaredLength !== undefined && input.declaredLength > deps.maxUploadBytes + MULTIPART_SLACK) {
      throw tooLarge(deps.maxUploadBytes);
    }
    // Refused before any byte is read when the quota is spent, or the declared body cannot fit.
    const room = deps.storageQuotaBytes - (await storageUsed(db, ownerId));
    if (room <= 0 || (input.declaredLength !== undefined && input.declaredLength > room + MULTIPART_SLACK)) {
      throw quotaExceeded(deps.storageQuotaBytes);
    }
    const part = await input.openFile();
    if (!part || part.fieldName !== 'file') {
      part?.stream.resume();
      throw new AppError('validation_failed', 'A multipart field named "file" is required', {
        errors: [{ path: 'body.file', message: 'is required' }],
      });
    }
    if (part.fileName !== undefined && Buffer.byteLength(part.fileName) > MAX_RAW_NAME_BYTES) {
      part.stream.resume();
      throw new AppError('validation_failed', `File names are limited to ${MAX_RAW_NAME_BYTES} bytes`, {
        errors: [{ path: 'body.file', message: `file name must be at most ${MAX_RAW_NAME_BYTES} bytes` }],
      });
    }
    const id = newId();
    const keys = storageKeys(id);
    const created: string[] = [keys.source];
    try {
      const row = await ingest(id, ownerId, part, keys, created);
      return toFileDto(await insertWithinQuota(row), signer);
    } catch (error) {
      await Promise.all(created.map((key) => storage.delete(key).catch(() => {})));
      throw error;
    }
  }

  /** Concurrent uploads of one owner are checked one after the other, so together they cannot pass the quota. */
  async function insertWithinQuota(row: NewFileRow): Promise<FileRow> {
    return db.transaction().execute(async (trx) => {
      await lockStorageOf(trx, row.ownerId);
      if ((await storageUsed(trx, row.ownerId)) + Number(row.size) > deps.storageQuotaBytes) {
        throw quotaExceeded(deps.storageQuotaBytes);
      }
      return insertFile(trx, row);
    });
  }

  async function ingest(id: string, ownerId: string, part: UploadPart, keys: StorageKeys, created: string[]) {
    const inspector = new Inspector();
    await putThrough(storage, keys.source, part.stream, inspector);
    if (part.stream.truncated) throw tooLarge(deps.maxUploadBytes);
    const inspection = inspector.result();
    if (inspection.size === 0) throw new AppError('validation_failed', 'The file is empty');
    const mimeType = await sniffType(inspection);
    if (REFUSED_TYPES.has(mimeType)) {
      throw new AppError('unsupported_media_type', `Files of type ${mimeType} are not accepted`);
    }
    const base = { id, ownerId, name: sanitizeFileName(part.fileName), mimeType, width: null, height: null };
    if (!RASTER_IMAGE_TYPES.has(mimeType)) {
      return { ...base, size: inspection.size, sha256: inspection.sha256, storageKey: keys.source, thumbnailKey: null };
    }
    created.push(keys.thumb, keys.clean);
    const image = await processImage(storage, keys, mimeType).catch((err: unknown) => {
      deps.log.warn({ err, fileId: id }, 'image did not decode');
      throw new AppError('unsupported_media_type', `The ${mimeType} image could not be decoded`);
    });
    await storage.delete(keys.source);
    return {
      ...base,
      width: image.width,
      height: image.height,
      size: image.cleaned.size,
      sha256: image.cleaned.sha256,
      storageKey: keys.clean,
      thumbnailKey: keys.thumb,
    };
  }

  /**
   * A file (or its thumbnail) for a reader allowed to see it: its uploader; a current member of
   * a conversation where it is attached to a non-deleted message; any signed-in user while it is
   * someone's avatar or a picture of a group they are in; anyone with a valid signed URL.
   * Everyone else gets `not_found`. Honours `If-None-Match` and a single `Range`.
   */
  async function read(input: ReadInput): Promise<ServedFile> {
    const row = isId(input.fileId) ? await findFile(db, input.fileId) : undefined;
    if (!row || !(await mayRead(row, input))) throw notFound('File');
    const thumbnail = input.variant === 'thumbnail';
    if (thumbnail && !row.thumbnailKey) throw notFound('Thumbnail');
    const etag = `"${row.sha256}${thumbnail ? '-thumb' : ''}"`;
    const served = {
      etag,
      mimeType: thumbnail ? THUMBNAIL_TYPE : row.mimeType,
      name: row.name,
      inline: thumbnail || RASTER_IMAGE_TYPES.has(row.mimeType),
    };
    if (matchesEtag(input.ifNoneMatch, etag)) {
      return { ...served, outcome: 'not_modified', size: 0, range: null, body: null };
    }
    const key = thumbnail ? row.thumbnailKey! : row.storageKey;
    const size = thumbnail ? await storage.size(key) : Number(row.size);
    const wanted = input.ifRange && input.ifRange !== etag ? { kind: 'whole' as const } : parseRange(input.range, size);
    if (wanted.kind === 'unsatisfiable') return { ...served, outcome: 'unsatisfiable', size, range: null, body: null };
    const range = wanted.kind === 'partial' ? wanted.range : null;
    return { ...served, outcome: range ? 'partial' : 'whole', size, range, body: storage.read(key, range ?? undefined) };
  }

  async function mayRead(row: FileRow, input: ReadInput): Promise<boolean> {
    if (input.viewerId === row.ownerId) return true;
    if (input.signature && signer.verify(row.id, input.variant, input.signature.expires, input.signature.sig)) return true;
    return input.viewerId !== null && isVisibleTo(db, row.id, input.viewerId);
  }

  const port: FilesPort = {
    async presentFiles(ids: readonly string[], executor?: Db) {
      const rows = await findFiles(executor ?? db, [...new Set(ids)].filter(isId));
      return new Map(rows.map((row) => [row.id, toFileDto(row, signer)]));
    },
    async assertOwnFiles(userId: string, ids: readonly string[], executor?: Db) {
      const unique = [...new Set(ids)];
      if (!unique.every(isId) || (await countOwnFiles(executor ?? db, userId, unique)) !== unique.length) {
        throw notFound('File');
      }
    },
    async assertOwnImage(userId: string, id: string, executor?: Db) {
      if (!isId(id) || (await countOwnFiles(executor ?? db, userId, [id], [...RASTER_IMAGE_TYPES])) !== 1) {
        throw notFound('Image');
      }
    },
  };

  return { upload, read, port };
}

interface StorageKeys {
  source: string;
  thumb: string;
  clean: string;
}

/** Objects spread over 256 directories by the id's random tail. */
function storageKeys(id: string): StorageKeys {
  const base = `${id.slice(-2)}/${id}`;
  return { source: base, thumb: `${base}.thumb`, clean: `${base}.clean` };
}

function quotaExceeded(quota: number): AppError {
  return new AppError(
    'storage_quota_exceeded',
    `Your files may take at most ${quota} bytes; delete some or attach fewer uploads`,
  );
}

function tooLarge(max: number): AppError {
  return new AppError('payload_too_large', `Uploads are limited to ${max} bytes`);
}

/** `If-None-Match`: a list of entity tags or `*`; weak comparison (W/ prefixes ignored). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
