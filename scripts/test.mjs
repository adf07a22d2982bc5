// `npm test`: builds (the migrations the tests apply are the compiled deploy artefacts), then runs Jest.
import { spawnSync } from 'node:child_process';

const run = (cmd, args, env = process.env) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

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
