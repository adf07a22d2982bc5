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

/** docker compose cannot run here; this checks that the api and worker would boot with its settings. */
describe('docker-compose.yml', () => {
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
    const config = loadConfig(env);
    expect(config.nodeEnv).toBe('production');
    expect(config.storage.s3Endpoint).toBe('http://minio:9000');
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
