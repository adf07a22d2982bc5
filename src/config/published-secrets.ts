/**
 * Secrets anyone can read in this repository (docker-compose.yml, .env.example, README, dev defaults, test
 * and benchmark support) or in the upstream images' documentation. Production refuses each of them: a
 * deployment that copied an example would otherwise run with a key the whole internet knows.
 */
export const PUBLISHED_SECRETS = {
  JWT_SECRET: [
    'dev-only-secret-change-me-0123456789abcdef',
    'change-me-to-a-long-random-secret-of-your-own-0123456789',
  ],
  BOOTSTRAP_ADMIN_PASSWORD: [
    'ChangeMe-DLA-2569',
    'Bootstrap-Admin-2569',
    'Bench-Admin-Password-2569',
    'Bench-Admin-Pass-2569',
    'Bench-Officer-Pass-2569',
  ],
  // The compose example, MinIO's own default, and the test S3 server's fixed key.
  S3_SECRET_KEY: ['dla-minio-secret-change-me', 'minioadmin', 'S3RVER'],
} as const satisfies Record<string, readonly string[]>;

/** Passwords in connection URLs (DATABASE_URL, REDIS_URL, SMTP_URL): the compose example and image defaults. */
export const PUBLISHED_URL_PASSWORDS: readonly string[] = ['dla', 'postgres', 'minioadmin'];

/** Placeholders people leave in when they copy an example ("change-me", "ChangeMe", "change_me"). */
const PLACEHOLDER = /change[-_ .]?me/i;

const URL_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'] as const;

function urlPassword(value: string): string {
  try {
    return decodeURIComponent(new URL(value).password);
  } catch {
    return '';
  }
}

/** One problem per variable whose secret is published or a placeholder (production only); empty when none. */
export function publishedSecretProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, published] of Object.entries(PUBLISHED_SECRETS)) {
    const value = env[name]?.trim();
    if (!value) continue;
    if ((published as readonly string[]).includes(value) || PLACEHOLDER.test(value)) {
      problems.push(
        `${name} is a value published in the repository (or a placeholder): set a secret of your own in production`,
      );
    }
  }
  for (const name of URL_VARIABLES) {
    const password = urlPassword(env[name]?.trim() ?? '');
    if (password && (PUBLISHED_URL_PASSWORDS.includes(password) || PLACEHOLDER.test(password))) {
      problems.push(
        `${name} has a password published in the repository (or a placeholder): set one of your own in production`,
      );
    }
  }
  return problems;
}
