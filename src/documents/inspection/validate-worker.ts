import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { observeChildProcesses } from './child-process';
import type { ExpectedOrder } from './cross-check';
import { validateDocument, type ValidateOptions, type ValidationResult } from './validate-document';

/**
 * Worker-thread entry of the validation pool (`sandboxedValidate`); always loaded from its compiled .js (see
 * sandboxed-validate.ts). A thread validates one document at a time and then waits for the next one.
 */
export interface WorkerInput {
  bytes: Uint8Array;
  expected: ExpectedOrder;
  opts: ValidateOptions;
}

export type WorkerReply = { ok: true; result: ValidationResult } | { ok: false; error: string };

/** Parent → thread: validate one document (its bytes are transferred, not copied). */
export interface WorkerTask {
  type: 'validate';
  id: number;
  input: WorkerInput;
}

/**
 * Thread → parent: `ready` once pdf.js is loaded; OCR child processes as they start and end (so the parent can
 * kill them with the thread); one `result` per task, with the heap in use after it (the pool retires a thread
 * whose heap keeps growing).
 */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'child'; pid: number; running: boolean }
  | { type: 'result'; id: number; reply: WorkerReply; heapUsedMb: number };

async function validate(input: WorkerInput): Promise<WorkerReply> {
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
  port.on('message', (task: WorkerTask) => {
    void validate(task.input).then((reply) =>
      post({
        type: 'result',
        id: task.id,
        reply,
        heapUsedMb: getHeapStatistics().used_heap_size / 1024 / 1024,
      }),
    );
  });
  post({ type: 'ready' });
}
