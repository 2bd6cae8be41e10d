import { createECDH, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/** Thrown for a bad environment value; the message names the variable in one line. */
export class ConfigError extends Error {}

type Parser<T> = (raw: string, name: string) => T;

const str: Parser<string> = (raw) => raw;
const int =
  (min: number, max: number): Parser<number> =>
  (raw, name) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    }
    return n;
  };
const bool: Parser<boolean> = (raw, name) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
};
const url =
  (...protocols: string[]): Parser<string> =>
  (raw, name) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`${name} must be a URL, got "${redactUrl(raw)}"`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    }
    return raw;
  };
const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw, name) => {
    if (!(values as string[]).includes(raw)) {
      throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };

/** `true`/`1` (trust every hop), or a comma-separated list of addresses, CIDR ranges or proxy-addr's names. */
const trustProxyList: Parser<boolean | string> = (raw, name) => {
  if (/^(true|1)$/i.test(raw)) return true;
  if (/^(false|0)$/i.test(raw)) return false;
  const entries = list(raw, name);
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const maxBits = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!named && (family === 0 || !okBits || rest.length > 0)) {
      throw new ConfigError(`${name} must be true or a list of proxy addresses or CIDR ranges, got "${entry}"`);
    }
  }
  return entries.join(',');
};

function redactUrl(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}

function read<T>(env: NodeJS.ProcessEnv, name: string, parse: Parser<T>, fallback: T): T;
function read<T>(env: NodeJS.ProcessEnv, name: string, parse: Parser<T>): T | undefined;
function read<T>(env: NodeJS.ProcessEnv, name: string, parse: Parser<T>, fallback?: T) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return parse(raw, name);
}

/**
 * Every setting of the server. Built once from the environment by `loadConfig`; the only place
 * that reads `process.env`. See the README's configuration table for descriptions.
 */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Named prepared statements on PostgreSQL connections (off behind poolers that cannot keep them). */
  databasePreparedStatements: boolean;
  /** PostgreSQL connections per process. */
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** Prefix of Redis keys and the bus channel, so several deployments can share one Redis. */
  redisPrefix: string;
  smtpUrl: string | undefined;
  /** Mail written to DATA_DIR/outbox instead of sent (the default without SMTP_URL outside production). */
  mailOutbox: boolean;
  mailFrom: string;
  jwtSecret: string;
  /** Key (≥ 32 bytes) that encrypts TOTP secrets at rest and keys recovery-code HMACs. */
  encryptionKey: string;
  /** Former keys: still decrypt and verify what they sealed; new writes use `encryptionKey`. */
  encryptionKeysPrevious: string[];
  accessTokenTtl: number;
  refreshTokenTtl: number;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** `true` trusts X-Forwarded-For from anyone (warned about in production); a string lists the proxies trusted. */
  trustProxy: boolean | string;
  /** Bearer token required on GET /metrics wherever it is served. */
  metricsToken: string | undefined;
  /** A separate listener for GET /metrics (then the API port answers 404 there). */
  metricsPort: number | undefined;
  metricsHost: string;
  corsOrigins: string[];
  maxUploadBytes: number;
  /** Bytes of files one user may keep (what they uploaded and is not deleted). */
  storageQuotaBytes: number;
  /** Seconds after which an upload that is no message's attachment, avatar or group picture is deleted. */
  unattachedFileTtlSeconds: number;
  /** Seconds between two sweeps for such uploads (one also runs at start-up). */
  fileSweepIntervalSeconds: number;
  maxMessageLength: number;
  maxGroupMembers: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  requireEmailVerification: boolean;
  eventRetentionDays: number;
  /** Seconds a user stays online after their last connection closes (flapping links make no noise). */
  presenceGraceSeconds: number;
  /** Seconds a node's presence heartbeat lives in Redis; the connections of a node silent that long are swept. */
  presenceNodeTtlSeconds: number;
  /** Seconds between WebSocket pings; a socket that missed the previous pong is dropped. */
  wsHeartbeatSeconds: number;
  /** Open WebSockets per user across all nodes (through the presence store); more close with 4029. */
  wsMaxConnectionsPerUser: number;
  /** Open WebSockets per client address on one node, authenticated or not; more close with 4029. */
  wsMaxConnectionsPerIp: number;
  passwordHashCost: number;
  rateLimits: boolean;
  clusterWorkers: number;
  /** Push notifications and webhooks (`docs/push.md`, `docs/webhooks.md`). */
  delivery: DeliveryConfig;
}

export interface DeliveryConfig {
  pushEnabled: boolean;
  /** Seconds a pushable event waits for an ack from one of the user's connections (0: push at once). */
  pushDelaySeconds: number;
  pushIncludeContent: boolean;
  /** Matrix push gateways (`/_matrix/push/v1/notify` URLs) that subscriptions may name. */
  pushGateways: string[];
  vapid: { publicKey: string; privateKey: string; subject: string };
  webhookUrl: string | undefined;
  /** The raw HMAC key (base64-decoded from `whsec_…`). */
  webhookSecret: Buffer | undefined;
  /** Webhook event types sent (all when WEBHOOK_EVENTS is unset). */
  webhookEvents: string[];
  /** Seconds one delivery attempt may take. */
  timeoutSeconds: number;
  /** The first retry delay; each further one doubles (with jitter) until a day has passed. */
  retryBaseMs: number;
  /** Endpoints on loopback and private addresses accepted (never in production). */
  allowPrivateEndpoints: boolean;
}

export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.deleted',
  'message.created',
  'message.updated',
  'message.deleted',
  'friend.request_accepted',
  'friend.removed',
  'group.created',
  'group.updated',
  'group.member_added',
  'group.member_removed',
] as const;

/** A missing or unreadable certificate or key is named in one line, not a raw ENOENT at listen time. */
function checkTlsFiles(certFile: string, keyFile: string): void {
  const pem = (file: string, name: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(`${name} cannot be read: ${file} (${code})`);
    }
  };
  try {
    new X509Certificate(pem(certFile, 'TLS_CERT_FILE'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`TLS_CERT_FILE is not a PEM certificate: ${certFile}`);
  }
  try {
    createPrivateKey(pem(keyFile, 'TLS_KEY_FILE'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`TLS_KEY_FILE is not a PEM private key (or it is encrypted): ${keyFile}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const nodeEnv = read(env, 'NODE_ENV', oneOf('development', 'production', 'test'), 'development');
  const port = read(env, 'PORT', int(0, 65535), 3000);
  const host = read(env, 'HOST', str, '0.0.0.0');
  const tlsCertFile = read(env, 'TLS_CERT_FILE', str);
  const tlsKeyFile = read(env, 'TLS_KEY_FILE', str);
  if (Boolean(tlsCertFile) !== Boolean(tlsKeyFile)) {
    throw new ConfigError('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
  }
  if (tlsCertFile && tlsKeyFile) checkTlsFiles(tlsCertFile, tlsKeyFile);
  const scheme = tlsCertFile ? 'https' : 'http';
  const dataDir = path.resolve(read(env, 'DATA_DIR', str, './data'));
  const jwtSecret = read(env, 'JWT_SECRET', str) ?? defaultSecret(nodeEnv, dataDir);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
  const encryption = encryptionKeys(env, nodeEnv, dataDir, jwtSecret);
  const smtpUrl = read(env, 'SMTP_URL', url('smtp:', 'smtps:'));
  const mailOutbox = read(env, 'MAIL_OUTBOX', bool, !smtpUrl && nodeEnv !== 'production');
  if (nodeEnv === 'production' && !smtpUrl && !mailOutbox) {
    throw new ConfigError(
      'SMTP_URL is required when NODE_ENV=production (or set MAIL_OUTBOX=true to write mail to DATA_DIR/outbox)',
    );
  }
  const metricsPort = read(env, 'METRICS_PORT', int(0, 65535));
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port) {
    throw new ConfigError('METRICS_PORT must differ from PORT');
  }
  const metricsToken = read(env, 'METRICS_TOKEN', str);
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  }
  const config: Config = {
    nodeEnv,
    host,
    port,
    publicUrl: read(env, 'PUBLIC_URL', url('http:', 'https:'), `${scheme}://localhost:${port}`).replace(/(?<!\/)\/+$/, ''),
    dataDir,
    databaseUrl: read(env, 'DATABASE_URL', url('postgres:', 'postgresql:')),
    databasePreparedStatements: read(env, 'DATABASE_PREPARED_STATEMENTS', bool, true),
    databasePoolSize: read(env, 'DATABASE_POOL_SIZE', int(1, 500), 10),
    redisUrl: read(env, 'REDIS_URL', url('redis:', 'rediss:')),
    redisPrefix: read(env, 'REDIS_PREFIX', str, 'chat'),
    smtpUrl,
    mailOutbox,
    mailFrom: read(env, 'MAIL_FROM', str, 'Chat <no-reply@localhost>'),
    jwtSecret,
    encryptionKey: encryption.current,
    encryptionKeysPrevious: encryption.previous,
    accessTokenTtl: read(env, 'ACCESS_TOKEN_TTL', int(10, 3600), 900),
    refreshTokenTtl: read(env, 'REFRESH_TOKEN_TTL', int(60, 31_536_000), 30 * 86_400),
    tlsCertFile,
    tlsKeyFile,
    trustProxy: read(env, 'TRUST_PROXY', trustProxyList, false),
    metricsToken,
    metricsPort,
    metricsHost: read(env, 'METRICS_HOST', str, '127.0.0.1'),
    corsOrigins: read(env, 'CORS_ORIGINS', list, []),
    maxUploadBytes: read(env, 'MAX_UPLOAD_BYTES', int(1, 2 ** 31), 25 * 1024 * 1024),
    storageQuotaBytes: read(env, 'STORAGE_QUOTA_BYTES', int(1, 2 ** 50), 1024 ** 3),
    unattachedFileTtlSeconds: read(env, 'UNATTACHED_FILE_TTL_SECONDS', int(0, 365 * 86_400), 86_400),
    fileSweepIntervalSeconds: read(env, 'FILE_SWEEP_INTERVAL_SECONDS', int(1, 86_400), 3600),
    maxMessageLength: read(env, 'MAX_MESSAGE_LENGTH', int(1, 100_000), 4000),
    maxGroupMembers: read(env, 'MAX_GROUP_MEMBERS', int(2, 100_000), 1000),
    logLevel: read(
      env,
      'LOG_LEVEL',
      oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    requireEmailVerification: read(env, 'REQUIRE_EMAIL_VERIFICATION', bool, true),
    eventRetentionDays: read(env, 'EVENT_RETENTION_DAYS', int(1, 3650), 7),
    presenceGraceSeconds: read(env, 'PRESENCE_GRACE_SECONDS', int(0, 3600), 15),
    presenceNodeTtlSeconds: read(env, 'PRESENCE_NODE_TTL_SECONDS', int(3, 3600), 30),
    wsHeartbeatSeconds: read(env, 'WS_HEARTBEAT_SECONDS', int(1, 3600), 30),
    wsMaxConnectionsPerUser: read(env, 'WS_MAX_CONNECTIONS_PER_USER', int(1, 10_000), 20),
    wsMaxConnectionsPerIp: read(env, 'WS_MAX_CONNECTIONS_PER_IP', int(1, 1_000_000), 200),
    passwordHashCost: read(env, 'PASSWORD_HASH_COST', int(1, 10), nodeEnv === 'test' ? 1 : 3),
    rateLimits: read(env, 'RATE_LIMITS', bool, true),
    clusterWorkers: read(env, 'CLUSTER_WORKERS', int(0, 256), 0),
    delivery: deliveryConfig(env, nodeEnv, dataDir),
  };
  return Object.freeze(config);
}

const MIN_KEY_BYTES = 32;

/**
 * ENCRYPTION_KEY is its own secret, so JWT_SECRET can rotate without touching what is stored.
 * Production must set it; elsewhere one is generated once under DATA_DIR, and JWT_SECRET (the
 * key of earlier versions) stays a previous key so existing TOTP secrets still open.
 */
function encryptionKeys(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv'], dataDir: string, jwtSecret: string) {
  const checked = (name: string) => (key: string) => {
    if (Buffer.byteLength(key) < MIN_KEY_BYTES) throw new ConfigError(`${name} must be at least ${MIN_KEY_BYTES} bytes`);
    return key;
  };
  const previous = read(env, 'ENCRYPTION_KEY_PREVIOUS', list, []).map(checked('ENCRYPTION_KEY_PREVIOUS'));
  const set = read(env, 'ENCRYPTION_KEY', str);
  if (set !== undefined) {
    checked('ENCRYPTION_KEY')(set);
    if (nodeEnv === 'production' && set === jwtSecret) throw new ConfigError('ENCRYPTION_KEY must differ from JWT_SECRET');
    return { current: set, previous };
  }
  if (nodeEnv === 'production') {
    throw new ConfigError(
      `ENCRYPTION_KEY is required when NODE_ENV=production (at least ${MIN_KEY_BYTES} bytes, not JWT_SECRET; list former keys in ENCRYPTION_KEY_PREVIOUS)`,
    );
  }
  const generated = nodeEnv === 'test' ? randomBytes(32).toString('hex') : persistedSecret(dataDir, 'encryption-key');
  return { current: generated, previous: [...previous, jwtSecret] };
}

/** Outside production a secret is generated once and kept under DATA_DIR so restarts keep sessions. */
function defaultSecret(nodeEnv: Config['nodeEnv'], dataDir: string): string {
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  return persistedSecret(dataDir, 'jwt-secret');
}

function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function deliveryConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['nodeEnv'], dataDir: string): DeliveryConfig {
  const production = nodeEnv === 'production';
  // In production push is on by default once the VAPID keys are set; PUSH_ENABLED=true requires them.
  const pushEnabled = read(env, 'PUSH_ENABLED', bool, !production || Boolean(env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY));
  const webhookUrl = read(env, 'WEBHOOK_URL', url(...(production ? ['https:'] : ['http:', 'https:'])));
  const rawSecret = read(env, 'WEBHOOK_SECRET', str);
  if (webhookUrl && !rawSecret) throw new ConfigError('WEBHOOK_SECRET is required with WEBHOOK_URL (whsec_ and base64)');
  const secret = rawSecret === undefined ? undefined : Buffer.from(rawSecret.replace(/^whsec_/, ''), 'base64');
  if (rawSecret !== undefined && (!rawSecret.startsWith('whsec_') || secret!.length < 24 || secret!.length > 64)) {
    throw new ConfigError('WEBHOOK_SECRET must be whsec_ followed by 24 to 64 base64 bytes');
  }
  const webhookEvents = read(env, 'WEBHOOK_EVENTS', list, [...WEBHOOK_EVENT_TYPES]);
  const unknown = webhookEvents.find((type) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type));
  if (unknown)
    throw new ConfigError(`WEBHOOK_EVENTS lists an unknown type "${unknown}" (known: ${WEBHOOK_EVENT_TYPES.join(', ')})`);
  const pushGateways = read(env, 'PUSH_GATEWAYS', list, []).map((entry) => url('http:', 'https:')(entry, 'PUSH_GATEWAYS'));
  return {
    pushEnabled,
    pushDelaySeconds: read(env, 'PUSH_DELAY_SECONDS', int(0, 3600), 10),
    pushIncludeContent: read(env, 'PUSH_INCLUDE_CONTENT', bool, true),
    pushGateways,
    vapid: vapidKeys(env, pushEnabled && production, dataDir, nodeEnv === 'test'),
    webhookUrl,
    webhookSecret: secret,
    webhookEvents,
    timeoutSeconds: read(env, 'DELIVERY_TIMEOUT_SECONDS', int(1, 60), 10),
    retryBaseMs: read(env, 'DELIVERY_RETRY_BASE_MS', int(production ? 1000 : 10, 3_600_000), 10_000),
    allowPrivateEndpoints: !production,
  };
}

/** VAPID keys (base64url: the 65-byte public point, the 32-byte private scalar). */
function vapidKeys(env: NodeJS.ProcessEnv, required: boolean, dataDir: string, test: boolean): DeliveryConfig['vapid'] {
  const subject = read(env, 'VAPID_SUBJECT', url('mailto:', 'https:'));
  const publicKey = read(env, 'VAPID_PUBLIC_KEY', str);
  // A scalar with leading zero bytes may come shortened (as ECDH.getPrivateKey() gives it): pad it.
  const privateKey = read(env, 'VAPID_PRIVATE_KEY', (raw) => padScalar(Buffer.from(raw, 'base64url')).toString('base64url'));
  if (publicKey !== undefined || privateKey !== undefined) {
    if (Buffer.from(publicKey ?? '', 'base64url').length !== 65)
      throw new ConfigError('VAPID_PUBLIC_KEY must be 65 bytes, base64url');
    if (Buffer.from(privateKey ?? '', 'base64url').length !== 32)
      throw new ConfigError('VAPID_PRIVATE_KEY must be 32 bytes, base64url');
  }
  if (required && (!publicKey || !privateKey || !subject)) {
    throw new ConfigError(
      'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are required for push when NODE_ENV=production (or PUSH_ENABLED=false)',
    );
  }
  if (publicKey && privateKey) {
    let derived = '';
    try {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
      derived = ecdh.getPublicKey().toString('base64url');
    } catch {
      // reported below
    }
    if (derived !== publicKey) throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not one P-256 key pair');
    return { publicKey, privateKey, subject: subject ?? 'mailto:admin@localhost' };
  }
  const file = path.join(dataDir, 'vapid-keys.json');
  if (!test && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...saved, subject: subject ?? 'mailto:admin@localhost' };
  }
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const keys = {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: padScalar(ecdh.getPrivateKey()).toString('base64url'),
  };
  if (!test) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return { ...keys, subject: subject ?? 'mailto:admin@localhost' };
}

function padScalar(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes.length < 32 ? Buffer.concat([Buffer.alloc(32 - bytes.length), bytes]) : bytes;
}
