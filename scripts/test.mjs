// `npm test`: makes sure the system packages the tests use are there (installing the missing ones, see
// system-packages.mjs), builds (the migrations the tests apply are the compiled deploy artefacts), then runs Jest.
import { spawnSync } from 'node:child_process';
import { ensureSystemPackages } from './system-packages.mjs';

const run = (cmd, args, env = process.env) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// First, so a machine that cannot install them stops before anything has run (no build, no failing tests).
ensureSystemPackages();
run('npm', ['run', 'build', '--silent']);
const nodeOptions = [
  process.env.NODE_OPTIONS,
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
]
  .filter(Boolean)
  .join(' ');
run('npx', ['jest', ...process.argv.slice(2)], {
  ...process.env,
  NODE_OPTIONS: nodeOptions,
  NODE_ENV: 'test',
});
