import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/load-config';
import { PUBLISHED_SECRETS, PUBLISHED_URL_PASSWORDS } from '../../src/config/published-secrets';
import { BOOTSTRAP } from '../support/test-app';

const root = join(__dirname, '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** A production environment with secrets of its own: the baseline each case spoils one variable of. */
const ownSecrets = (): Record<string, string> => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  BOOTSTRAP_ADMIN_PASSWORD: `Own-${randomBytes(8).toString('hex')}`,
});

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '(accepted)';
}

/** Which variable a secret found in a file configures, and the environment that would carry it. */
const CARRIERS: Record<string, (value: string) => [string, Record<string, string>]> = {
  JWT_SECRET: (v) => ['JWT_SECRET', { JWT_SECRET: v }],
  BOOTSTRAP_ADMIN_PASSWORD: (v) => ['BOOTSTRAP_ADMIN_PASSWORD', { BOOTSTRAP_ADMIN_PASSWORD: v }],
  S3_SECRET_KEY: (v) => ['S3_SECRET_KEY', { S3_SECRET_KEY: v }],
  MINIO_ROOT_PASSWORD: (v) => ['S3_SECRET_KEY', { S3_SECRET_KEY: v }],
  POSTGRES_PASSWORD: (v) => ['DATABASE_URL', { DATABASE_URL: `postgresql://dla:${v}@db:5432/dla` }],
};

/** Every literal secret assigned in a published file (`NAME: value`, `NAME=value`, README table cells). */
function secretsIn(path: string): { name: string; value: string }[] {
  const text = read(path);
  const found: { name: string; value: string }[] = [];
  for (const name of Object.keys(CARRIERS)) {
    for (const m of text.matchAll(
      new RegExp(`(?<!\\{)\\b${name}\\b["']?[ \\t]*[:=][ \\t]*["']?([^\\s"'\`]+)`, 'g'),
    )) {
      if (!m[1].startsWith('$')) found.push({ name, value: m[1] });
    }
    // README: | `JWT_SECRET` | default | ... and | `A`, `B` | `a`, `b` |
    for (const m of text.matchAll(/^\|([^|]+)\|([^|]+)\|/gm)) {
      const names = [...m[1].matchAll(/`([A-Z0-9_]+)`/g)].map((x) => x[1]);
      const values = [...m[2].matchAll(/`([^`]+)`/g)].map((x) => x[1]);
      const at = names.indexOf(name);
      if (at >= 0 && values[at]) found.push({ name, value: values[at] });
    }
  }
  return found;
}

describe('production refuses every secret published in the repository', () => {
  it('starts with secrets of its own', () => {
    expect(loadConfig(ownSecrets()).nodeEnv).toBe('production');
  });

  const listed = Object.entries(PUBLISHED_SECRETS).flatMap(([name, values]) =>
    values.map((value) => [name, value] as const),
  );
  it.each(listed)('refuses %s=%s, naming the variable', (name, value) => {
    expect(refusal({ ...ownSecrets(), [name]: value })).toMatch(new RegExp(`${name} is a value published`));
  });

  it.each([...PUBLISHED_URL_PASSWORDS])(
    'refuses the database password %j inside DATABASE_URL',
    (password) => {
      const env = { ...ownSecrets(), DATABASE_URL: `postgresql://dla:${password}@db:5432/dla` };
      expect(refusal(env)).toMatch(/DATABASE_URL has a password published/);
    },
  );

  it('refuses placeholders people leave in, whatever their spelling', () => {
    expect(refusal({ ...ownSecrets(), JWT_SECRET: `CHANGE_ME-${'x'.repeat(40)}` })).toMatch(/JWT_SECRET/);
    expect(refusal({ ...ownSecrets(), REDIS_URL: 'redis://:changeme@redis:6379' })).toMatch(/REDIS_URL/);
  });

  it('refuses the development defaults (what the config falls back to outside production)', () => {
    const dev = loadConfig({});
    expect(refusal({ ...ownSecrets(), JWT_SECRET: dev.jwt.secret })).toMatch(/JWT_SECRET/);
    const devPassword = dev.bootstrapAdmin.password;
    expect(refusal({ ...ownSecrets(), BOOTSTRAP_ADMIN_PASSWORD: devPassword })).toMatch(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
    expect(refusal({ ...ownSecrets(), BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP.password })).toMatch(/BOOTSTRAP/);
  });

  it.each(['docker-compose.yml', '.env.example', 'README.md'])(
    'refuses each secret written in %s',
    (path) => {
      for (const { name, value } of secretsIn(path)) {
        const [variable, env] = CARRIERS[name](value);
        expect([name, value, refusal({ ...ownSecrets(), ...env })]).toEqual([
          name,
          value,
          expect.stringMatching(new RegExp(`${variable} (is a value|has a password) published`)),
        ]);
      }
    },
  );

  it('finds the secrets the published files do carry (the scan above is not vacuous)', () => {
    expect(secretsIn('README.md').map((s) => s.value)).toContain('ChangeMe-DLA-2569');
    expect(secretsIn('.env.example').map((s) => s.name)).toContain('BOOTSTRAP_ADMIN_PASSWORD');
  });
});
