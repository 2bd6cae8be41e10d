/**
 * Builds the web app (`web/` → `web/dist`) with Vite. `--if-stale` (what `npm start` runs first)
 * builds only when `web/dist` is missing or older than a source of the app or of the client library.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const repo = fileURLToPath(new URL('..', import.meta.url));
const web = path.join(repo, 'web');
const built = path.join(web, 'dist', 'index.html');
const sources = [
  path.join(web, 'src'),
  path.join(web, 'public'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(repo, 'packages', 'client', 'src'),
];

function newest(entry: string): number {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

function stale(): boolean {
  const output = statSync(built, { throwIfNoEntry: false });
  return !output || Math.max(...sources.map(newest)) > output.mtimeMs;
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);

let build: (config: InlineConfig) => Promise<unknown>;
try {
  ({ build } = await import('vite'));
} catch {
  // A production install (`npm ci --omit=dev`) has no Vite: serve whatever was built before.
  process.stderr.write('web: Vite is not installed, the web app is not rebuilt (npm ci installs it)\n');
  process.exit(0);
}
process.stdout.write('web: building the web app into web/dist (once; again after a change)…\n');
await build({ root: web, configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
process.stdout.write('web: built\n');
