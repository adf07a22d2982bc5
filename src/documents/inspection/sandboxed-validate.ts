import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExpectedOrder } from './cross-check';
import {
  MAX_DOCUMENT_BYTES,
  rejected,
  type ValidateOptions,
  type ValidationResult,
} from './validate-document';
import { killProcessGroup } from './child-process';
import type { WorkerInput, WorkerMessage } from './validate-worker';

export interface SandboxOptions extends ValidateOptions {
  /** Wall-clock limit for the whole validation, OCR included; the worker is terminated when it is exceeded. */
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
  /** Where per-validation work directories are created (default: the OS temp directory). */
  workRoot?: string;
}

export const DEFAULT_SANDBOX_TIMEOUT_MS = 120_000;

/** The sandbox itself failed (missing build, a bug in the worker): not a verdict on the document; retry the job. */
export class SandboxError extends Error {
  override name = 'SandboxError';
}

/**
 * Runs `validateDocument` in a worker thread with a V8 heap limit and a wall-clock limit. pdf.js on hostile
 * input can allocate or loop without bound; running out of either budget means DOCUMENT_TOO_COMPLEX, and the
 * process that serves other jobs survives.
 */
export async function sandboxedValidate(
  buf: Buffer,
  expected: ExpectedOrder,
  opts: SandboxOptions = {},
): Promise<ValidationResult> {
  const { timeoutMs, maxOldGenerationSizeMb, maxYoungGenerationSizeMb, workRoot, ...validateOpts } = opts;
  const maxBytes = validateOpts.maxBytes ?? MAX_DOCUMENT_BYTES;
  // Refused before copying it into a worker.
  if (buf.length > maxBytes) return rejected('DOCUMENT_TOO_LARGE', `${buf.length} bytes (max ${maxBytes})`);
  // OCR temp files live under a directory this thread owns and deletes even when the worker is killed mid-OCR.
  const workDir = await mkdtemp(join(workRoot ?? tmpdir(), 'dla-validate-'));
  try {
    const ocr = validateOpts.ocr === false ? false : { ...validateOpts.ocr, workDir };
    return await runWorker(
      { bytes: new Uint8Array(buf), expected, opts: { ...validateOpts, ocr } },
      {
        timeoutMs: timeoutMs ?? DEFAULT_SANDBOX_TIMEOUT_MS,
        maxOldGenerationSizeMb: maxOldGenerationSizeMb ?? 256,
        maxYoungGenerationSizeMb: maxYoungGenerationSizeMb ?? 32,
      },
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

interface Limits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

function runWorker(input: WorkerInput, limits: Limits): Promise<ValidationResult> {
  const worker = new Worker(workerEntryPath(), {
    workerData: input,
    // input.bytes is our own copy: move it instead of cloning up to 20 MB again.
    transferList: [input.bytes.buffer as ArrayBuffer],
    resourceLimits: {
      maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
      maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      stackSizeMb: 4,
    },
  });
  return new Promise<ValidationResult>((done, fail) => {
    const children = new Set<number>();
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Answer only once the thread and its OCR tools are gone, so the caller may delete the work directory.
      void worker.terminate().finally(() => {
        children.forEach(killProcessGroup);
        outcome();
      });
    };
    const timer = setTimeout(
      () =>
        finish(() => done(rejected('DOCUMENT_TOO_COMPLEX', `validation exceeded ${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'child') {
        if (message.running) children.add(message.pid);
        else children.delete(message.pid);
        return;
      }
      const reply = message.reply;
      finish(() => (reply.ok ? done(reply.result) : fail(new SandboxError(reply.error))));
    });
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() =>
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? done(
              rejected(
                'DOCUMENT_TOO_COMPLEX',
                `validation exceeded ${limits.maxOldGenerationSizeMb} MB of heap`,
              ),
            )
          : fail(new SandboxError(`validation worker failed: ${err.message}`)),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => fail(new SandboxError(`validation worker exited (${code}) without a result`))),
    );
  });
}

/**
 * The worker must be plain JavaScript that Node can load by itself: a Worker does not go through Jest's swc
 * transform, and `@swc/register`/ts-node are not installed. tsc (tsconfig.build.json) compiles
 * validate-worker.ts next to this file in dist/, so:
 * - running from dist (production), the entry is ./validate-worker.js beside this compiled file;
 * - running from src under Jest, __dirname is src/documents/inspection and the entry is the compiled copy in
 *   dist/src/documents/inspection. `npm test` runs tsc first; a stale dist means testing stale code, which the
 *   corpus spec checks.
 * A hand-written .js entry in src would not reach dist: the build has no allowJs and copies no assets.
 */
export function workerEntryPath(): string {
  const candidates = [
    join(__dirname, 'validate-worker.js'),
    resolve(__dirname, '../../../dist/src/documents/inspection/validate-worker.js'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new SandboxError(
      `compiled validation worker not found (run tsc -p tsconfig.build.json): ${candidates.join(', ')}`,
    );
  return found;
}
