import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { clusterRefusal, runPrimary } from './cluster.js';
import { ConfigError, loadConfig, type Config } from './config.js';

function configOrExit(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  if (config.clusterWorkers > 0 && cluster.isPrimary) {
    const refusal = clusterRefusal(config);
    if (refusal) {
      process.stderr.write(`Configuration error: ${refusal}\n`);
      process.exit(1);
    }
    runPrimary(config.clusterWorkers);
    return;
  }
  await serve(config);
}

/** One server: builds the app, listens, and closes gracefully on SIGTERM/SIGINT. */
async function serve(config: Readonly<Config>): Promise<void> {
  const app = await buildApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (config.nodeEnv === 'production' && config.trustProxy === true) {
    app.log.warn(
      'TRUST_PROXY=true trusts X-Forwarded-For from anyone who reaches this port: clients can pick the address ' +
        "every per-IP rate limit and session sees. Set TRUST_PROXY to the load balancer's address instead.",
    );
  }
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    `Chat API ready (${app.infra.database.kind}${config.redisUrl ? ' + redis' : ''}) — docs at ${config.publicUrl}/docs`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
