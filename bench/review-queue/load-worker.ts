import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { runLoad, type LoadOptions } from './load';
import { percentile, Recorder, type Sample } from './stats';

export interface LoadWorkerInput extends Omit<LoadOptions, 'recorder'> {
  databaseUrl: string;
  /** The list endpoint's own SQL, timed directly while the load runs. */
  sql: string;
}

export interface LoadWorkerOutput {
  samples: [string, Sample[]][];
  rawUnderLoadP50: number;
  /** Event-loop utilisation of the load generator's own thread over the run. */
  clientElu: number;
}

/**
 * The simulated officers run on their own thread (own event loop, the second core), so the API's
 * event loop serves requests instead of generating them, and the raw SQL is timed from here too.
 */
async function main(): Promise<void> {
  const input = workerData as LoadWorkerInput;
  const recorder = new Recorder();
  const elu = performance.eventLoopUtilization();
  const pg = new Client({ connectionString: input.databaseUrl });
  await pg.connect();
  const times: number[] = [];
  const deadline = Date.now() + input.seconds * 1000;
  const sampler = (async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      await pg.query(input.sql);
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await runLoad({ ...input, recorder });
  const clientElu = performance.eventLoopUtilization(elu).utilization;
  await sampler;
  await pg.end();
  const output: LoadWorkerOutput = {
    samples: [...recorder.samples.entries()],
    rawUnderLoadP50: percentile(
      times.sort((a, b) => a - b),
      50,
    ),
    clientElu,
  };
  parentPort?.postMessage(output);
}

void main();
