import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type JobName } from './job-catalogue';
import type { JobHandler } from './job-handler';
import { WorkerBootError } from './worker-boot-error';

type HandlerTable = { [N in JobName]?: JobHandler<N> };

/**
 * One handler per catalogue job. Processors (`workers/*.processor.ts`) register theirs in
 * `onModuleInit`; the workers start in `onApplicationBootstrap`, after every registration, and
 * refuse to start while a job has none (principle 5).
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers: HandlerTable = {};

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    // A second registration is a wiring mistake (two processors claim one job): fail loudly.
    if (this.handlers[name]) throw new WorkerBootError(`Job "${name}" already has a handler`);
    this.table<N>()[name] = handler;
  }

  get<N extends JobName>(name: N): JobHandler<N> | undefined {
    return this.table<N>()[name];
  }

  /** The table seen through one job name, so TS can relate the name to its handler type. */
  private table<N extends JobName>(): { [K in N]?: JobHandler<K> } {
    return this.handlers;
  }

  missing(): JobName[] {
    return JOB_NAMES.filter((name) => !this.handlers[name]);
  }

  assertComplete(): void {
    const missing = this.missing();
    if (missing.length > 0) {
      throw new WorkerBootError(
        `No handler registered for job(s): ${missing.join(', ')}. ` +
          'Register one in a workers/*.processor.ts (JobHandlerRegistry.register) and add it to WorkerModule.',
      );
    }
  }
}
