import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Infra } from './infra.js';
import { createLocalStorage } from './lib/storage/local-storage.js';
import { createFilesService, createUrlSigner, filesRoutes } from './modules/files/index.js';

/**
 * Wires the feature modules: builds each service from the infrastructure and the services it
 * needs, then registers its routes. The only place that knows how modules depend on each other.
 */
export async function registerModules(app: FastifyInstance, infra: Infra): Promise<void> {
  const { config, database } = infra;
  const files = createFilesService({
    db: database.db,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    limiter: infra.limiter,
    signer: createUrlSigner(config.jwtSecret, config.publicUrl),
    maxUploadBytes: config.maxUploadBytes,
    log: infra.log.child({ module: 'files' }),
  });
  await app.register(filesRoutes, { files, maxUploadBytes: config.maxUploadBytes });
  // Other modules take `files.port` (FilesPort) for avatars, attachments and group pictures.
  void files.port;
}
