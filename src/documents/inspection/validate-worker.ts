import { parentPort, workerData } from 'node:worker_threads';
import { observeChildProcesses } from './child-process';
import type { ExpectedOrder } from './cross-check';
import { validateDocument, type ValidateOptions, type ValidationResult } from './validate-document';

/** Worker-thread entry of `sandboxedValidate`; always loaded from its compiled .js (see sandboxed-validate.ts). */
export interface WorkerInput {
  bytes: Uint8Array;
  expected: ExpectedOrder;
  opts: ValidateOptions;
}

export type WorkerReply = { ok: true; result: ValidationResult } | { ok: false; error: string };

/** OCR child processes are reported as they start and end, so the parent can kill them with the worker. */
export type WorkerMessage =
  { type: 'child'; pid: number; running: boolean } | { type: 'result'; reply: WorkerReply };

async function main(input: WorkerInput): Promise<WorkerReply> {
  try {
    const buf = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    return { ok: true, result: await validateDocument(buf, input.expected, input.opts) };
  } catch (e: unknown) {
    return { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  observeChildProcesses((child) => post({ type: 'child', ...child }));
  void main(workerData as WorkerInput).then((reply) => post({ type: 'result', reply }));
}
