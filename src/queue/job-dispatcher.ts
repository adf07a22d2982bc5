import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { isJobName, queueOf, type JobName } from './job-catalogue';
import { JobHandlerRegistry } from './job-handler-registry';
import { InvalidJobPayloadError, parseJobPayload } from './job-payload';

/** Turns a BullMQ job into a typed handler call with its own EntityManager fork. */
@Injectable()
export class JobDispatcher {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly em: EntityManager,
  ) {}

  async dispatch(job: Job<unknown, unknown, string>): Promise<void> {
    const name = job.name;
    // Unknown or misplaced jobs and bad payloads never get better by retrying.
    if (!isJobName(name)) throw new UnrecoverableError(`Unknown job "${name}" (not in the job catalogue)`);
    if (queueOf(name) !== job.queueName) {
      throw new UnrecoverableError(
        `Job "${name}" belongs to queue "${queueOf(name)}", not "${job.queueName}"`,
      );
    }
    await this.run(name, job);
  }

  private async run<N extends JobName>(name: N, job: Job<unknown, unknown, string>): Promise<void> {
    const handler = this.registry.get(name);
    if (!handler) throw new Error(`No handler registered for job "${name}"`);
    let payload;
    try {
      payload = parseJobPayload(name, job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
    await handler(payload, {
      jobId: job.id ?? '',
      attempt: job.attemptsMade + 1,
      em: this.em.fork(),
    });
  }
}
