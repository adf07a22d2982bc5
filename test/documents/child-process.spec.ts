import { readdir, readFile } from 'node:fs/promises';
import {
  killProcessGroup,
  observeChildProcesses,
  runTool,
} from '../../src/documents/inspection/child-process';

/** The sandbox kills OCR tools through the pids the worker reports: check that the kill really ends them. */
async function running(marker: string): Promise<boolean> {
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').includes(marker)) return true;
  }
  return false;
}

describe('runTool / killProcessGroup', () => {
  // The first run also probes for coreutils `timeout`; keep that probe out of the observed events.
  beforeAll(() => runTool('true', [], 5_000));
  afterEach(() => observeChildProcesses(undefined));

  it('reports the child and kills the tool together with its timeout wrapper', async () => {
    const marker = '31.4159'; // sleep accepts fractional seconds; the argument identifies our process
    const started = new Promise<number>((resolve) =>
      observeChildProcesses((event) => {
        if (event.running) resolve(event.pid);
      }),
    );
    const run = runTool('sleep', [marker], 60_000);
    const pid = await started;
    await new Promise((r) => setTimeout(r, 200));
    expect(await running(marker)).toBe(true);
    killProcessGroup(pid);
    await expect(run).rejects.toThrow();
    expect(await running(marker)).toBe(false);
  });

  it('enforces its own time limit', async () => {
    const started = Date.now();
    await expect(runTool('sleep', ['27.1828'], 1_000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await running('27.1828')).toBe(false);
  });

  it('reports when the child has ended', async () => {
    const events: boolean[] = [];
    observeChildProcesses((event) => events.push(event.running));
    await runTool('true', [], 5_000);
    expect(events).toEqual([true, false]);
  });
});
