import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import errorsPlugin from '../../src/plugins/errors.js';
import webAppPlugin from '../../src/plugins/web-app.js';

let root: string;
let app: FastifyInstance;

async function build(dir: string): Promise<FastifyInstance> {
  const instance = Fastify();
  await instance.register(errorsPlugin);
  await instance.register(webAppPlugin, { root: dir });
  instance.get('/messages/:id', async () => ({ api: true }));
  instance.post('/login', async () => ({ api: true }));
  await instance.register(async (child) => {
    child.get('/groups/:groupId', async () => ({ group: true }));
  });
  return instance;
}

before(async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'web-app-'));
  root = path.join(parent, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(parent, 'secret.txt'), 'not for the web');
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Chat</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'favicon.svg'), '<svg/>');
  app = await build(root);
});
after(async () => {
  await app.close();
  await rm(path.dirname(root), { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

test('GET / is the app; its files are served with their types, hashed assets cached for good', async () => {
  const index = await app.inject({ url: '/', headers: html });
  assert.equal(index.statusCode, 200);
  assert.match(index.headers['content-type'] as string, /^text\/html/);
  assert.equal(index.headers['cache-control'], 'no-cache');
  assert.ok(index.body.includes('<title>Chat</title>'));

  const script = await app.inject({ url: '/assets/index-abc.js' });
  assert.equal(script.statusCode, 200);
  assert.match(script.headers['content-type'] as string, /^text\/javascript/);
  assert.match(script.headers['cache-control'] as string, /immutable/);
  assert.equal((await app.inject({ url: '/favicon.svg' })).headers['content-type'], 'image/svg+xml');
  assert.equal((await app.inject({ method: 'HEAD', url: '/' })).statusCode, 200);
});

test('a browser navigation to an unknown app path gets index.html (SPA fallback)', async () => {
  const page = await app.inject({ url: '/welcome/back', headers: html });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('<title>Chat</title>'));
});

test('no fallback for API paths, non-HTML requests, files, other methods or paths outside the app', async () => {
  const problems = [
    await app.inject({ url: '/welcome' }), // not a browser navigation
    await app.inject({ url: '/welcome', headers: { accept: 'application/json' } }),
    await app.inject({ url: '/messages/1/unknown', headers: html }), // under an API path
    await app.inject({ url: '/groups/1/nope', headers: html }), // an API path of a child context
    await app.inject({ url: '/login', headers: html }), // an API path with another method
    await app.inject({ url: '/missing.js', headers: html }), // a file that does not exist
    await app.inject({ method: 'POST', url: '/welcome', headers: html }),
    await app.inject({ url: '/../secret.txt', headers: html }), // outside the app's directory
    await app.inject({ url: '/%2e%2e/secret.txt', headers: html }),
    await app.inject({ url: '/assets/%2e%2e/%2e%2e/secret.txt', headers: html }),
  ];
  for (const response of problems) {
    assert.equal(response.statusCode, 404, response.body);
    assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
  }
  assert.deepEqual((await app.inject({ url: '/messages/1', headers: html })).json(), { api: true });
  assert.deepEqual((await app.inject({ url: '/groups/1' })).json(), { group: true });
});

test('without a build, GET / stays the 404 it was', async () => {
  const bare = await build(path.join(root, 'nowhere'));
  try {
    const response = await bare.inject({ url: '/', headers: html });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'not_found');
    assert.equal((await bare.inject({ url: '/welcome', headers: html })).statusCode, 404);
  } finally {
    await bare.close();
  }
});
