import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The worker as production runs it (`node dist/workers/main.js`), watched for its resident memory. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Highest RSS seen by sampling every 100 ms, and the kernel's own high-water mark (VmHWM), in MB. */
  peakRssMb(): { sampled: number; hwm: number };
  stop(): Promise<void>;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(/(\d+)/.exec(line)?.[1] ?? 0) : 0;
  } catch {
    return 0; // not Linux, or the process is gone
  }
}

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the worker.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(__dirname, '../../workers/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('worker ready')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)),
    );
  });
  child.stdout?.resume();
  const pid = child.pid ?? 0;
  let sampled = 0;
  const timer = setInterval(() => (sampled = Math.max(sampled, statusKb(pid, 'VmRSS'))), 100);
  let hwm = 0;
  return {
    child,
    peakRssMb: () => {
      hwm = Math.max(hwm, statusKb(pid, 'VmHWM'));
      return { sampled: sampled / 1024, hwm: hwm / 1024 };
    },
    stop: async () => {
      hwm = Math.max(hwm, statusKb(pid, 'VmHWM'));
      clearInterval(timer);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
