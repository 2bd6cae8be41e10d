import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Dependency rules that keep the layers pointing one way (see docs/architecture.md). Import
// cycles are checked separately by madge.
const root = path.resolve('src');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (full.endsWith('.ts')) yield full;
  }
}

function imports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return found.map((spec) => path.relative(root, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts'));
}

const area = (rel: string) => rel.split(path.sep)[0] ?? '';
// Files directly under modules/ (ports.ts, the shared contracts) belong to no single module.
const moduleOf = (rel: string) =>
  rel.startsWith(`modules${path.sep}`) && rel.split(path.sep).length > 2 ? rel.split(path.sep)[1] : undefined;

const isSchemasFile = (rel: string) => area(rel) === 'modules' && rel.endsWith('.schemas.ts');

/** Returns why `from` may not import `to`, or undefined when it may. */
function violation(from: string, to: string): string | undefined {
  const [a, b] = [area(from), area(to)];
  if (from.includes(`${path.sep}migrations${path.sep}`)) return 'migrations are frozen in time and import no application code';
  if (a === 'lib' && !['lib'].includes(b)) return 'lib/ holds dependency-free helpers';
  if (a === 'db' && !['db', 'lib'].includes(b)) return 'db/ depends only on lib/';
  // The event catalog types each payload with the API object it carries: a module's schemas file,
  // which is plain TypeBox over lib/ (and other schemas files).
  if (a === 'events' && !['events', 'db', 'lib'].includes(b) && !isSchemasFile(to)) {
    return 'events/ depends only on db/, lib/ and modules’ *.schemas.ts';
  }
  if (a === 'plugins' && ['modules', 'realtime'].includes(b)) return 'plugins/ are infrastructure and know no feature';
  if (a === 'modules') {
    if (b === 'realtime') return 'modules emit events; only realtime/ talks to sockets';
    const [ma, mb] = [moduleOf(from), moduleOf(to)];
    if (ma && mb && ma !== mb && !/(index|\.schemas|\.presenter)\.ts$/.test(to)) {
      return `another module is reached through its index.ts or its schemas, not ${to}`;
    }
  }
  if (from.endsWith('.routes.ts') && to.endsWith('.repository.ts')) return 'routes call services, never repositories';
  if (from.endsWith('.repository.ts') && /\.(service|routes)\.ts$/.test(to)) return 'repositories sit below services';
  if (from.endsWith('.service.ts') && to.endsWith('.routes.ts')) return 'services know nothing of routes';
  return undefined;
}

const problems: string[] = [];
for (const file of files(root)) {
  const from = path.relative(root, file);
  for (const to of imports(file)) {
    const why = violation(from, to);
    if (why) problems.push(`src/${from} → src/${to}: ${why}`);
  }
}
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('layers: ok\n');
