import type { TrustProxy } from './trust-proxy';
/** The typed, validated configuration every module reads. Built once by `loadConfig`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  storage: StorageConfig;
  smtpUrl: string;
  mailFrom: string;
  publicBaseUrl: string;
  jwt: {
    secret: string;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    /** A refresh family's absolute lifetime, however often it rotates (then the person signs in again). */
    refreshMaxDays: number;
  };
  bootstrapAdmin: { username: string; password: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  outboxPollMs: number;
  workerConcurrency: number;
  holidays: string[];
  /** Serve `/api/docs` and `/api/docs-json` (API_DOCS_PUBLIC; default on outside production). */
  apiDocsPublic: boolean;
  documents: DocumentsConfig;
  helpdesk: HelpdeskConfig;
  /** Which proxies may tell the client's address (X-Forwarded-For); see trust-proxy.ts. */
  trustProxy: TrustProxy;
  integration: IntegrationConfig;
}

/** Integration clients (the e-service platform): their tokens and secrets (see src/integration). */
export interface IntegrationConfig {
  /** Audience of client-credentials tokens: never accepted where a person's token is, and vice versa. */
  audience: string;
  tokenTtlSeconds: number;
  /** After a rotation the previous secret still works this long, so the platform can roll over. */
  secretGraceHours: number;
}

/** Where people get help (the letter's phone line, LINE OpenChat and manual); empty = not shown. */
export interface HelpdeskConfig {
  phone: string;
  line: string;
  manualUrl: string;
}

/** The document pipeline's deadlines and housekeeping (see src/documents/pipeline). */
export interface DocumentsConfig {
  /** Rejected uploads stay in quarantine this long (for questions and forensics), then the sweep removes them. */
  quarantineRetentionHours: number;
  /** A document still `processing` this long after its job was queued is listed as stuck. */
  stuckAfterMinutes: number;
  /** How often the worker runs the quarantine sweep and the integrity scrub. */
  maintenanceIntervalMinutes: number;
  /** Stored documents re-hashed per scrub run (oldest check first, so every document comes round). */
  scrubBatchSize: number;
  /** Where uploads are spooled while they arrive; each file is deleted when its request ends. */
  uploadSpoolDir: string;
}

export interface StorageConfig {
  /** Empty means embedded local-folder storage under `dir`. */
  s3Endpoint: string;
  s3AccessKey: string;
  s3SecretKey: string;
  s3Region: string;
  bucketQuarantine: string;
  bucketDocuments: string;
  dir: string;
}

/** Injection token for AppConfig (an interface has no runtime value). */
export const APP_CONFIG = Symbol('APP_CONFIG');
