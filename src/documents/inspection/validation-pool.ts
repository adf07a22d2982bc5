import { Worker } from 'node:worker_threads';
import { childEnv } from './child-env';
import { killProcessGroup } from './child-process';
import { rejected, type ValidationResult } from './validate-document';
import type { WorkerInput, WorkerMessage, WorkerTask } from './validate-worker';

/** The sandbox itself failed (missing build, a bug in the worker): not a verdict on the document; retry the job. */
export class SandboxError extends Error {
  override name = 'SandboxError';
}

export interface PoolLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

export interface PoolOptions extends PoolLimits {
  /** Compiled worker entry (validate-worker.js). */
  entry: string;
  /** Threads at most; documents beyond that wait (their wall-clock limit starts when a thread takes them). */
  size: number;
  /** A thread is replaced after this many documents, whatever its heap says. */
  maxTasksPerThread?: number;
  /** …or when its heap in use after a document exceeds this share of its old-generation limit. */
  retireHeapShare?: number;
  /** An idle thread is ended after this long (ms); the next document starts a new one. */
  idleMs?: number;
}

interface Task {
  id: number;
  input: WorkerInput;
  timeoutMs: number;
  /** Not yet retried: a budget overrun on a reused thread gets one more try on a fresh thread. */
  retryable: boolean;
  done: (result: ValidationResult) => void;
  fail: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The document this thread works on (or will, once ready); at most one. */
  task?: Task;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  /** OCR child processes the thread has running. */
  children: Set<number>;
  served: number;
  /** Set once the thread is being terminated: it takes no more work and its events are ignored. */
  ended: boolean;
}

let nextTaskId = 1;

/**
 * Warm worker threads for `validateDocument`. Starting a thread and loading pdf.js costs far more than
 * validating a 1-3 page order, so threads are reused; the budgets stay per document:
 * - wall clock: a timer per document; when it fires, the thread is terminated (with its OCR children) and the
 *   document is DOCUMENT_TOO_COMPLEX;
 * - memory: each thread has its own V8 heap limit and validates one document at a time, so running out of heap
 *   is that document's doing (DOCUMENT_TOO_COMPLEX); the thread dies and is replaced. A thread whose heap stays
 *   large after a document, or that has served `maxTasksPerThread`, is replaced before it takes another one,
 *   so leftovers of earlier documents cannot push an innocent one over the limit;
 * - a document rejected DOCUMENT_TOO_COMPLEX by validateDocument's own parse timeout may leave pdf.js work
 *   behind: its thread is replaced too;
 * - a document that overruns either budget on a reused thread may be paying for leftovers of earlier ones
 *   (near its heap cap V8 spins in GC until the clock runs out rather than failing fast), so it is tried once
 *   more on a fresh thread before the verdict; on a fresh thread the verdict is final.
 * Other documents never share a thread with one being killed, so they are unaffected.
 */
export class ValidationPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Task[] = [];
  /**
   * Documents that overran once and get their fresh-thread try: a lane of their own, served after every
   * waiting document and one at a time, so a few pathological files cannot hold every thread twice.
   */
  private readonly retries: Task[] = [];
  private retrying = 0;
  private closed = false;
  private spawned = 0;

  constructor(private readonly options: PoolOptions) {}

  /** Threads currently alive (for tests and figures). */
  get threads(): number {
    return this.slots.size;
  }

  /** Threads started since the pool was made (for tests and figures). */
  get threadsStarted(): number {
    return this.spawned;
  }

  validate(input: WorkerInput, timeoutMs: number): Promise<ValidationResult> {
    if (this.closed) return Promise.reject(new SandboxError('validation pool is closed'));
    return new Promise<ValidationResult>((done, fail) => {
      this.waiting.push({ id: nextTaskId++, input, timeoutMs, retryable: true, done, fail });
      this.dispatch();
    });
  }

  /** Ends every thread; documents in flight fail with SandboxError (retried like any outage). */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of [...this.waiting.splice(0), ...this.retries.splice(0)]) {
      task.fail(new SandboxError('validation pool closed'));
    }
    await Promise.all(
      [...this.slots].map((slot) =>
        this.end(slot, () => slot.task?.fail(new SandboxError('validation pool closed'))),
      ),
    );
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const idle = [...this.slots].find((s) => s.ready && !s.task && !s.ended);
      if (idle) {
        this.assign(idle, this.waiting.shift()!);
        continue;
      }
      if (this.live() >= this.options.size) return;
      // A new thread is bound to the document that made it start; the clock runs from here, as it always has.
      this.assign(this.spawn(), this.waiting.shift()!);
    }
    this.dispatchRetry();
  }

  /** The retry lane: only when nobody else waits, one at a time, always on a fresh thread. */
  private dispatchRetry(): void {
    if (this.retries.length === 0 || this.retrying > 0 || this.closed) return;
    if (this.live() >= this.options.size) {
      // Make room by ending an idle warm thread: the retry must not run on a reused one.
      const idle = [...this.slots].find((s) => s.ready && !s.task && !s.ended);
      if (!idle) return;
      void this.end(idle, () => undefined);
    }
    const task = this.retries.shift()!;
    this.retrying += 1;
    const finish = (): void => {
      this.retrying -= 1;
    };
    const { done, fail } = task;
    task.done = (result) => {
      finish();
      done(result);
    };
    task.fail = (error) => {
      finish();
      fail(error);
    };
    this.assign(this.spawn(), task);
  }

  private live(): number {
    return [...this.slots].filter((s) => !s.ended).length;
  }

  private assign(slot: Slot, task: Task): void {
    clearTimeout(slot.idleTimer);
    slot.task = task;
    slot.timer = setTimeout(
      () => this.end(slot, () => this.overrun(slot, task, `validation exceeded ${task.timeoutMs} ms`)),
      task.timeoutMs,
    );
    if (slot.ready) this.post(slot, task);
  }

  /** Over a budget: once more on a fresh thread when this one had served others, else the verdict. */
  private overrun(slot: Slot, task: Task, detail: string): void {
    if (slot.served > 0 && task.retryable && !this.closed) {
      task.retryable = false;
      this.retries.push(task);
      return;
    }
    task.done(rejected('DOCUMENT_TOO_COMPLEX', detail));
  }

  private post(slot: Slot, task: Task): void {
    // A reused thread may need a retry elsewhere, so it gets a copy; otherwise input.bytes is the sandbox's
    // own copy: moved, not cloned (up to 20 MB).
    const keep = slot.served > 0 && task.retryable;
    const bytes = keep ? task.input.bytes.slice() : task.input.bytes;
    const message: WorkerTask = { type: 'validate', id: task.id, input: { ...task.input, bytes } };
    slot.worker.postMessage(message, [bytes.buffer as ArrayBuffer]);
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.entry, {
      // The thread runs pdf.js over hostile input: it gets no secrets either (see child-env.ts).
      env: childEnv(),
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: this.options.maxYoungGenerationSizeMb,
        stackSizeMb: 4,
      },
    });
    // Idle threads must not keep the process alive; a document in flight does (its timer is ref'd).
    worker.unref();
    this.spawned += 1;
    const slot: Slot = { worker, ready: false, children: new Set(), served: 0, ended: false };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.once('error', (err: Error & { code?: string }) => {
      if (slot.ended) return;
      const task = slot.task;
      void this.end(slot, () => {
        if (!task) return;
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.overrun(slot, task, `validation exceeded ${this.options.maxOldGenerationSizeMb} MB of heap`);
        } else task.fail(new SandboxError(`validation worker failed: ${err.message}`));
      });
    });
    worker.once('exit', (code) => {
      if (slot.ended) return;
      const task = slot.task;
      void this.end(slot, () =>
        task?.fail(new SandboxError(`validation worker exited (${code}) without a result`)),
      );
    });
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.ended) return;
    if (message.type === 'child') {
      if (message.running) slot.children.add(message.pid);
      else slot.children.delete(message.pid);
      return;
    }
    if (message.type === 'ready') {
      slot.ready = true;
      if (slot.task) this.post(slot, slot.task);
      else this.dispatch();
      return;
    }
    const task = slot.task;
    if (!task || message.id !== task.id) return;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.served += 1;
    // OCR tools are awaited by validateDocument; anything still registered is killed, as with a finished thread.
    slot.children.forEach(killProcessGroup);
    slot.children.clear();
    const reply = message.reply;
    const tooComplex = reply.ok && reply.result.rejection?.code === 'DOCUMENT_TOO_COMPLEX';
    const retire =
      tooComplex ||
      slot.served >= (this.options.maxTasksPerThread ?? 200) ||
      message.heapUsedMb > this.options.maxOldGenerationSizeMb * (this.options.retireHeapShare ?? 0.5);
    if (retire) void this.end(slot, () => undefined);
    else this.idle(slot);
    if (reply.ok) task.done(reply.result);
    else task.fail(new SandboxError(reply.error));
    this.dispatch();
  }

  private idle(slot: Slot): void {
    const idleMs = this.options.idleMs ?? 60_000;
    slot.idleTimer = setTimeout(() => void this.end(slot, () => undefined), idleMs);
    slot.idleTimer.unref();
  }

  /**
   * Takes the thread out of the pool at once (a new one may start for the next document), terminates it, kills
   * its OCR children, and only then calls `after`: a caller told its document is finished may delete the work
   * directory the killed tools were using.
   */
  private async end(slot: Slot, after: () => void): Promise<void> {
    if (slot.ended) return;
    slot.ended = true;
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    try {
      await slot.worker.terminate();
    } finally {
      slot.children.forEach(killProcessGroup);
      slot.children.clear();
      after();
      if (!this.closed) this.dispatch();
    }
  }
}
