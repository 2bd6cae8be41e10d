import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    // The app is built on the client library's sources (a workspace), no separate build step.
    alias: { '@chat-api/client': fileURLToPath(new URL('../packages/client/src/index.ts', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 300 },
  // `npm run web:dev`: the app on :5173 with hot reload, the API proxied to a running `npm start`.
  server: {
    proxy: Object.fromEntries(
      [
        'ws',
        'signup',
        'verify-email',
        'login',
        'token',
        'logout',
        'sessions',
        'password',
        'profile',
        'mfa',
        'users',
        'friends',
        'blocks',
        'files',
        'messages',
        'conversations',
        'groups',
        'notifications',
        'dev',
        'search',
        'reset-password',
        'push',
      ].map((p) => [`/${p}`, { target: api, ws: p === 'ws', changeOrigin: true }]),
    ),
  },
});
