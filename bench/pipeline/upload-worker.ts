import { parentPort, workerData } from 'node:worker_threads';
import { runUploads, type UploadJob, type UploadResult } from './clients';

export interface UploadWorkerInput {
  baseUrl: string;
  jobs: UploadJob[];
  concurrency: number;
}

/**
 * The uploading admins run on their own thread (own event loop), so the API's event loop serves uploads
 * instead of building multipart bodies for them.
 */
async function main(): Promise<void> {
  const input = workerData as UploadWorkerInput;
  const jobs = input.jobs.map((j) => ({ ...j, pdf: Buffer.from(j.pdf) }));
  const results: UploadResult[] = await runUploads(input.baseUrl, jobs, input.concurrency);
  parentPort?.postMessage(results);
}

void main();
