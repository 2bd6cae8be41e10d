import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

// `npm run client:types` writes the REST types of the client from docs/openapi.json; `--check`
// fails when the committed file differs from what the document generates (npm run check runs it).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const source = path.join(root, 'docs/openapi.json');
const target = path.join(root, 'packages/client/src/generated/openapi.ts');

const header = [
  '// Generated from docs/openapi.json by `npm run client:types`. Do not edit by hand.',
  '/* eslint-disable */',
  '',
].join('\n');
const ast = await openapiTS(JSON.parse(readFileSync(source, 'utf8')) as Parameters<typeof openapiTS>[0], {
  exportType: true,
  alphabetize: false,
});
const generated = `${header}${astToString(ast)}`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is drift too.
  }
  if (committed !== generated) {
    process.stderr.write('packages/client/src/generated/openapi.ts is out of date: run `npm run client:types` and commit it\n');
    process.exit(1);
  }
  process.stdout.write('packages/client/src/generated/openapi.ts is up to date\n');
} else {
  writeFileSync(target, generated);
  process.stdout.write(`wrote ${target}\n`);
}
