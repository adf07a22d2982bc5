import { execFile } from 'node:child_process';
import { childEnv } from './child-env';

/**
 * Runs the external OCR tools with hard time limits. The sandbox worker registers an observer so that its parent
 * learns every child pid and can kill the children when it terminates the worker (their execFile timers die with
 * the worker thread; `timeout` alone would let them run to the end of their own limit).
 */
export type ChildObserver = (event: { pid: number; running: boolean }) => void;

let observer: ChildObserver | undefined;

export function observeChildProcesses(next: ChildObserver | undefined): void {
  observer = next;
}

export interface RunOutput {
  stdout: string;
  stderr: string;
}

let hasTimeoutCommand: Promise<boolean> | undefined;

/**
 * execFile with a time limit. With coreutils `timeout` (Debian) the limit is also enforced outside Node, and the
 * tool runs in timeout's own process group, which `killProcessGroup` ends as a whole.
 */
export async function runTool(cmd: string, args: string[], timeoutMs: number): Promise<RunOutput> {
  hasTimeoutCommand ??= exec('timeout', ['--version'], 5_000).then(
    () => true,
    () => false,
  );
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  return (await hasTimeoutCommand)
    ? exec('timeout', ['-s', 'KILL', seconds, cmd, ...args], timeoutMs + 2_000)
    : exec(cmd, args, timeoutMs);
}

function exec(cmd: string, args: string[], timeoutMs: number): Promise<RunOutput> {
  return new Promise((resolve, fail) => {
    const child = execFile(
      cmd,
      args,
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        // PATH, LANG and TESSDATA_PREFIX only: the tools parse hostile PDFs (see child-env.ts).
        env: childEnv(),
      },
      (error, stdout, stderr) => {
        if (pid !== undefined) observer?.({ pid, running: false });
        if (error) fail(error);
        else resolve({ stdout, stderr });
      },
    );
    const pid = child.pid;
    if (pid !== undefined) observer?.({ pid, running: true });
  });
}

/** SIGKILL a child's process group (the `timeout` wrapper and its tool), or the child alone. */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
