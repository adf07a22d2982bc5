import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load-config';

interface ComposeService {
  environment?: Record<string, string>;
  command?: string[];
  image?: string;
  build?: string;
}

/** The secrets compose takes from the operator's environment (or the `.env` beside it). */
const OPERATOR_SECRETS = ['JWT_SECRET', 'BOOTSTRAP_ADMIN_PASSWORD', 'POSTGRES_PASSWORD', 'S3_SECRET_KEY'];

/** Compose's `${NAME}` / `${NAME:?message}` interpolation, refusing a name the operator did not give. */
function interpolate(env: Record<string, string>, given: Record<string, string>): Record<string, string> {
  const fill = (value: string): string =>
    value.replace(/\$\{([A-Z0-9_]+)(?::\?[^}]*)?\}/g, (_m, name: string) => {
      if (!(name in given)) throw new Error(`compose needs ${name}`);
      return given[name];
    });
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(String(v))]));
}

/** docker compose cannot run here; this checks that the api and worker would boot with its settings. */
describe('docker-compose.yml', () => {
  const given = Object.fromEntries(OPERATOR_SECRETS.map((n) => [n, randomBytes(24).toString('hex')]));
  const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
  };

  it('has the full stack: postgres, redis, minio, mailpit, api and worker', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'minio', 'mailpit', 'api', 'worker']),
    );
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['noeviction', '--appendonly']));
  });

  it.each(['api', 'worker'])('gives %s every variable the config requires in production', (name) => {
    const env = compose.services[name].environment ?? {};
    for (const fixed of [
      'DATABASE_URL',
      'REDIS_URL',
      'QUEUE_PREFIX',
      'S3_ENDPOINT',
      'S3_ACCESS_KEY',
      'S3_SECRET_KEY',
      'S3_REGION',
      'S3_BUCKET_QUARANTINE',
      'S3_BUCKET_DOCUMENTS',
      'SMTP_URL',
      'MAIL_FROM',
      'PUBLIC_BASE_URL',
      'JWT_SECRET',
      'BOOTSTRAP_ADMIN_USERNAME',
      'BOOTSTRAP_ADMIN_PASSWORD',
      'PORT',
    ]) {
      expect(env).toHaveProperty(fixed);
    }
    const config = loadConfig(interpolate(env, given));
    expect(config.nodeEnv).toBe('production');
    expect(config.storage.s3Endpoint).toBe('http://minio:9000');
  });

  it('writes no secret itself: each comes from the operator (compose stops when one is missing)', () => {
    const raw = readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8');
    for (const name of OPERATOR_SECRETS) expect(raw).toContain(`\${${name}:?`);
    for (const service of Object.values(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET/.test(key)) expect([key, value]).toEqual([key, expect.stringMatching(/^\$\{/)]);
      }
    }
    expect(compose.services.api.environment?.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(() => interpolate(compose.services.api.environment ?? {}, {})).toThrow(/compose needs/);
  });

  it('lists every variable in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const names = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    const env = compose.services.api.environment ?? {};
    for (const name of Object.keys(env)) expect(names).toContain(name);
  });

  it('builds an image whose runtime stage carries the API, the console and the migrations', () => {
    const dockerfile = readFileSync(join(__dirname, '../../Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    // The API serves web/dist at / (src/web-console): without it the console answers 404 in Docker.
    for (const path of ['dist', 'web/dist', 'migrations', 'node_modules']) {
      expect(runtime).toMatch(new RegExp(`^COPY --from=build /app/${path} \\./${path}$`, 'm'));
    }
  });
});
