import { performance } from 'node:perf_hooks';

export interface UploadJob {
  orderId: string;
  token: string;
  pdf: Buffer;
  filename: string;
}

export interface UploadResult {
  orderId: string;
  /** performance.timeOrigin-based epoch ms when the PUT started (compared with database timestamps). */
  startedAt: number;
  requestMs: number;
  status: number;
}

/**
 * `concurrency` clients, each taking the next job as soon as its previous upload was answered (202): how
 * admins uploading at the same moment look to the API. Multipart bodies are built by fetch's FormData.
 */
export async function runUploads(
  baseUrl: string,
  jobs: UploadJob[],
  concurrency: number,
): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  let next = 0;
  const client = async (): Promise<void> => {
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i];
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(job.pdf)], { type: 'application/pdf' }), job.filename);
      const started = performance.now();
      const startedAt = performance.timeOrigin + started;
      const res = await fetch(`${baseUrl}/api/orders/${job.orderId}/document`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${job.token}` },
        body: form,
      });
      await res.arrayBuffer();
      results.push({
        orderId: job.orderId,
        startedAt,
        requestMs: performance.now() - started,
        status: res.status,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return results;
}
