import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../support/redis-keys';

const WORKER_MAIN = join(__dirname, '../../../dist/workers/main.js');

/** `node dist/workers/main.js` as production runs it, with a test's environment; its output kept by line. */
export interface ChildWorker {
  child: ChildProcess;
  lines: string[];
  output(): string;
  /** SIGKILL: no shutdown hooks, no lock release, in-flight jobs left active in Redis. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful path (in-flight jobs finish). */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startChildWorker(env: Record<string, string>): Promise<ChildWorker> {
  if (!existsSync(WORKER_MAIN)) throw new Error(`Build first: ${WORKER_MAIN} is missing`);
  // Jest's NODE_OPTIONS are for Jest, not for the worker.
  const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...inherited, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
    });
  }
  const output = (): string => lines.join('\n');
  await waitFor(
    () => /worker ready/.test(output()) || child.exitCode !== null,
    'the worker to be ready',
    30_000,
  );
  if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}):\n${output()}`);
  return {
    child,
    lines,
    output,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
