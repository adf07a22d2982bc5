// `npm start`: build, migrate, seed, then run the API, the worker and a local mail catcher together.
// Meant for a fresh machine with PostgreSQL and Redis on loopback; production runs the pieces
// separately (see docker-compose.yml).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const env = { ...process.env };
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['run', 'build', '--silent']);
if (spawnSync('node', ['-e', "require.resolve('vite')"], { stdio: 'ignore' }).status === 0) {
  run('npm', ['run', 'build:web', '--if-present']);
}
run('node', ['dist/src/database/cli/migrate.js']);
run('node', ['dist/src/database/cli/seed.js']);

const children = [];
if (!process.env.SMTP_URL) {
  // No SMTP server configured: catch mail locally so set-password links can be followed.
  env.SMTP_URL = 'smtp://127.0.0.1:1025';
  children.push(await startMailCatcher(1025, 'var/mail'));
}

const start = (name, script) => {
  const child = spawn('node', [script], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    console.error(`${name} exited (${signal ?? code}); stopping everything`);
    shutdown(code ?? 1);
  });
  children.push(child);
};
start('api', 'dist/src/main.js');
start('worker', 'dist/workers/main.js');

let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (typeof child.kill === 'function') child.kill('SIGTERM');
    else child.close();
  }
  setTimeout(() => process.exit(code), 5000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const user = env.BOOTSTRAP_ADMIN_USERNAME ?? 'dla.admin';
const password = env.BOOTSTRAP_ADMIN_PASSWORD ?? 'ChangeMe-DLA-2569';
console.log(`\nDigital DLA: http://localhost:${env.PORT ?? 3000}  (API docs: /api/docs)`);
console.log(
  `Sign in as ${user} / ${password}. Mail is caught in var/mail/ and its links are printed here.\n`,
);

async function startMailCatcher(port, dir) {
  const { SMTPServer } = await import('smtp-server');
  const { simpleParser } = await import('mailparser');
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const mail = await simpleParser(raw);
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.eml`);
        writeFileSync(file, raw);
        const link = /https?:\/\/\S+set-password\S+/.exec(mail.text ?? '')?.[0];
        console.log(`mail to ${mail.to?.text}: ${mail.subject}${link ? `\n  link: ${link}` : ''}`);
        done();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { close: () => server.close(), kill: undefined };
}
