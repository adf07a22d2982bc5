import { ConfigError, loadConfig } from '../../src/config/load-config';

describe('typed configuration', () => {
  it('starts on embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/dla');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.storage.s3Endpoint).toBe('');
    expect(config.port).toBe(3000);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'S3_ACCESS_KEY'],
    [{ S3_BUCKET_DOCUMENTS: 'Bad_Bucket' }, 'S3_BUCKET_DOCUMENTS'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'BOOTSTRAP_ADMIN_PASSWORD'],
    [{ HOLIDAYS: '2026-13-5' }, 'HOLIDAYS'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(new RegExp(name));
  });
});
