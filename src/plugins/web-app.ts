import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { MAX_PARAM_LENGTH, paramTooLong } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface WebAppOptions {
  /** The built web app (`web/dist`); while it is absent, `/` stays a 404 like any unknown path. */
  root: string;
}

async function fileAt(root: string, urlPath: string): Promise<string | undefined> {
  if (urlPath.includes('\0')) return undefined;
  const full = path.join(root, path.posix.normalize(`/${urlPath}`));
  if (full !== root && !full.startsWith(root + path.sep)) return undefined;
  const info = await stat(full).catch(() => undefined);
  return info?.isFile() ? full : undefined;
}

function send(reply: FastifyReply, file: string, immutable: boolean): FastifyReply {
  reply.header('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  // Vite names assets by content hash: they never change; index.html must be checked every time.
  reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  return reply.send(createReadStream(file));
}

/** A browser navigating (not fetch or curl asking for JSON), to a path that is not the API's. */
function isAppNavigation(request: FastifyRequest, urlPath: string, apiSegments: ReadonlySet<string>): boolean {
  const accept = request.headers.accept ?? '';
  const first = urlPath.split('/')[0] ?? '';
  const last = urlPath.split('/').at(-1) ?? '';
  return accept.includes('text/html') && !apiSegments.has(first) && !last.includes('.');
}

/**
 * Serves the web app (`web/`, built by Vite) at `/` and its files under their own paths. Unknown
 * paths fall back to `index.html` only for GET navigations of a browser (Accept: text/html) whose
 * first segment is none of the API's (collected from the routes as they are registered), so an API
 * path never answers with the app: everything else keeps the problem+json 404.
 */
async function webAppPlugin(app: FastifyInstance, opts: WebAppOptions): Promise<void> {
  const root = path.resolve(opts.root);
  const apiSegments = new Set<string>();
  app.addHook('onRoute', (route) => {
    const first = route.url.split('/')[1] ?? '';
    if (first && first !== '*' && !first.startsWith(':')) apiSegments.add(first);
  });
  const schema = { hide: true };

  app.get('/', { schema }, async (request, reply) => {
    const index = await fileAt(root, 'index.html');
    return index ? send(reply, index, false) : reply.callNotFound();
  });

  app.get('/*', { schema }, async (request, reply) => {
    const urlPath = (request.params as { '*': string })['*'];
    // An API path with a parameter longer than the router keeps matches no API route, so it lands
    // here: answer it as the router answers one when no catch-all exists.
    const segments = urlPath.split('/');
    if (apiSegments.has(segments[0] ?? '') && segments.some((s) => s.length > MAX_PARAM_LENGTH)) throw paramTooLong();
    const file = await fileAt(root, urlPath);
    if (file && !file.endsWith(`${path.sep}index.html`)) return send(reply, file, urlPath.startsWith('assets/'));
    const index = isAppNavigation(request, urlPath, apiSegments) ? await fileAt(root, 'index.html') : undefined;
    return index ? send(reply, index, false) : reply.callNotFound();
  });
}

export default fp(webAppPlugin, { name: 'web-app' });
