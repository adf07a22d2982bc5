import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { AppConfig } from './app-config';
import { PUBLISHED_SECRETS, publishedSecretProblems } from './published-secrets';
import { parseTrustProxy } from './trust-proxy';

type Env = Record<string, string | undefined>;

/** Raised when the environment is unusable; names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = PUBLISHED_SECRETS.JWT_SECRET[0];
const DEV_BOOTSTRAP_PASSWORD = PUBLISHED_SECRETS.BOOTSTRAP_ADMIN_PASSWORD[0];

/**
 * Reads and validates the environment. Defaults point at PostgreSQL and Redis on loopback and
 * embedded storage so a fresh machine starts with no .env; production refuses every published secret.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback?: string): string => {
    const value = env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    problems.push(`${name} is required`);
    return '';
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, fallback: string, protocols: string[]): string => {
    const value = str(name, fallback);
    if (!value) return value;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const value = (env[name]?.trim() || fallback) as T;
    if (!allowed.includes(value)) problems.push(`${name} must be one of ${allowed.join(', ')}`);
    return value;
  };

  const nodeEnv = oneOf('NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const s3Endpoint = env.S3_ENDPOINT?.trim() ?? '';
  if (s3Endpoint) url('S3_ENDPOINT', s3Endpoint, ['http:', 'https:']);
  const jwtSecret = str('JWT_SECRET', nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (nodeEnv === 'production') problems.push(...publishedSecretProblems(env));
  const mailFrom = str('MAIL_FROM', 'Digital DLA <no-reply@dla.localhost>');
  if (mailFrom && !/@/.test(mailFrom)) problems.push('MAIL_FROM must contain an e-mail address');
  const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
  const bucketQuarantine = str('S3_BUCKET_QUARANTINE', 'dla-quarantine');
  const bucketDocuments = str('S3_BUCKET_DOCUMENTS', 'dla-documents');
  for (const [name, value] of [
    ['S3_BUCKET_QUARANTINE', bucketQuarantine],
    ['S3_BUCKET_DOCUMENTS', bucketDocuments],
  ] as const) {
    if (value && !bucketName.test(value)) problems.push(`${name} is not a valid bucket name`);
  }
  const holidays = (env.HOLIDAYS?.trim() || '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const day of holidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
      problems.push(`HOLIDAYS has an invalid date "${day}" (use YYYY-MM-DD)`);
  }

  const config: AppConfig = {
    nodeEnv,
    port: int('PORT', 3000, 1, 65535),
    databaseUrl: url('DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/dla', [
      'postgres:',
      'postgresql:',
    ]),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    queuePrefix: str('QUEUE_PREFIX', 'dla'),
    storage: {
      s3Endpoint,
      s3AccessKey: s3Endpoint ? str('S3_ACCESS_KEY') : (env.S3_ACCESS_KEY ?? ''),
      s3SecretKey: s3Endpoint ? str('S3_SECRET_KEY') : (env.S3_SECRET_KEY ?? ''),
      s3Region: str('S3_REGION', 'us-east-1'),
      bucketQuarantine,
      bucketDocuments,
      dir: resolve(str('STORAGE_DIR', 'var/storage')),
    },
    smtpUrl: url('SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp:', 'smtps:']),
    mailFrom,
    publicBaseUrl: url('PUBLIC_BASE_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, ''),
    jwt: {
      secret: jwtSecret,
      issuer: str('JWT_ISSUER', 'digital-dla'),
      audience: str('JWT_AUDIENCE', 'digital-dla-api'),
      accessTtlSeconds: int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86_400),
      refreshTtlDays: int('JWT_REFRESH_TTL_DAYS', 14, 1, 90),
      refreshMaxDays: int('JWT_REFRESH_MAX_DAYS', 30, 1, 365),
    },
    bootstrapAdmin: {
      username: str('BOOTSTRAP_ADMIN_USERNAME', 'dla.admin'),
      password: str(
        'BOOTSTRAP_ADMIN_PASSWORD',
        nodeEnv === 'production' ? undefined : DEV_BOOTSTRAP_PASSWORD,
      ),
    },
    logLevel: oneOf('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    outboxPollMs: int('OUTBOX_POLL_MS', 500, 10, 60_000),
    workerConcurrency: int('WORKER_CONCURRENCY', 4, 1, 64),
    holidays,
    // The OpenAPI UI maps every route for whoever asks: on while developing, opt-in in production.
    apiDocsPublic: bool('API_DOCS_PUBLIC', nodeEnv !== 'production'),
    documents: {
      quarantineRetentionHours: int('QUARANTINE_RETENTION_HOURS', 72, 0, 24 * 365),
      stuckAfterMinutes: int('DOCUMENT_STUCK_AFTER_MINUTES', 10, 1, 24 * 60),
      maintenanceIntervalMinutes: int('DOCUMENT_MAINTENANCE_INTERVAL_MINUTES', 60, 1, 24 * 60),
      scrubBatchSize: int('INTEGRITY_SCRUB_BATCH', 200, 1, 100_000),
      uploadSpoolDir: resolve(str('UPLOAD_SPOOL_DIR', tmpdir())),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY, problems),
    integration: {
      audience: str('INTEGRATION_TOKEN_AUDIENCE', 'digital-dla-integration'),
      tokenTtlSeconds: int('INTEGRATION_TOKEN_TTL_SECONDS', 300, 30, 3600),
      secretGraceHours: int('INTEGRATION_SECRET_GRACE_HOURS', 24, 0, 24 * 30),
    },
    helpdesk: {
      phone: (env.HELPDESK_PHONE ?? '').trim().slice(0, 100),
      line: (env.HELPDESK_LINE ?? '').trim().slice(0, 300),
      manualUrl: env.MANUAL_URL?.trim() ? url('MANUAL_URL', '', ['http:', 'https:']) : '',
    },
  };
  if (config.bootstrapAdmin.password && config.bootstrapAdmin.password.length < 10) {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 10 characters');
  }
  if (config.integration.audience === config.jwt.audience) {
    problems.push('INTEGRATION_TOKEN_AUDIENCE must differ from JWT_AUDIENCE');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
