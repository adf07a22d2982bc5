import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExpectedOrder } from './cross-check';
import {
  MAX_DOCUMENT_BYTES,
  rejected,
  type ValidateOptions,
  type ValidationResult,
} from './validate-document';
import { SandboxError, ValidationPool, type PoolLimits } from './validation-pool';

export { SandboxError } from './validation-pool';

export interface SandboxOptions extends ValidateOptions {
  /** Wall-clock limit for the whole validation, OCR included; the worker is terminated when it is exceeded. */
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
  /** Where per-validation work directories are created (default: the OS temp directory). */
  workRoot?: string;
}

/**
 * Wall clock per document, OCR included. Measured: raw pdf-parse on pdf.js's 949 parseable test PDFs
 * takes p99 0.56 s, at most 1.6 s; OCR reads at most 3 pages (~1.2 s each here, 2-3x that on the slower
 * machine). 30 s is about twice the worst legitimate case on the slower machine, and a quarter of the
 * 120 s a decompression bomb used to hold a thread for (docs/decisions.md).
 */
export const DEFAULT_SANDBOX_TIMEOUT_MS = 30_000;

/**
 * Runs `validateDocument` in a pooled worker thread (see ValidationPool) with a V8 heap limit and a wall-clock
 * limit. pdf.js on hostile input can allocate or loop without bound; running out of either budget means
 * DOCUMENT_TOO_COMPLEX, the thread is replaced, and the process that serves other jobs survives.
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
    const pool = poolFor({
      maxOldGenerationSizeMb: maxOldGenerationSizeMb ?? 256,
      maxYoungGenerationSizeMb: maxYoungGenerationSizeMb ?? 32,
    });
    return await pool.validate(
      { bytes: new Uint8Array(buf), expected, opts: { ...validateOpts, ocr } },
      timeoutMs ?? DEFAULT_SANDBOX_TIMEOUT_MS,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** One pool per pair of heap limits (they are fixed when a thread starts); production uses only the defaults. */
const pools = new Map<string, ValidationPool>();

function poolFor(limits: PoolLimits): ValidationPool {
  const key = `${limits.maxOldGenerationSizeMb}/${limits.maxYoungGenerationSizeMb}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new ValidationPool({ ...limits, entry: workerEntryPath(), size: validationThreads() });
    pools.set(key, pool);
  }
  return pool;
}

/** Parsing is CPU-bound: one warm thread per core; more would only share the cores and multiply the heaps. */
export function validationThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Ends the pooled threads (worker shutdown; tests). A later validation starts new ones. */
export async function closeValidationPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
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
