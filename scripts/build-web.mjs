// Builds the web console into web/dist when its sources are present (the API serves it at /).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (existsSync('web/vite.config.ts')) {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
