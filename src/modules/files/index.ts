export { filesRoutes } from './files.routes.js';
export { createFilesService, type FilesService } from './files.service.js';
export { createUrlSigner } from './file-urls.js';
export { FileSchema, type FileDto } from './files.schemas.js';
export { startFileSweeper, sweepUnattachedFiles } from './file-sweeper.js';
