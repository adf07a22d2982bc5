import { Module } from '@nestjs/common';
import { JobDispatcher } from './job-dispatcher';
import { JobHandlerRegistry } from './job-handler-registry';
import { QueueProducers } from './queue-producers';
import { QueueWorkers } from './queue-workers';

/** Producers: BullMQ queues (with QUEUE_PREFIX) for code that adds jobs directly, i.e. the outbox relay. */
@Module({ providers: [QueueProducers], exports: [QueueProducers] })
export class QueueModule {}

/**
 * The worker side, for the worker process only: processors inject JobHandlerRegistry to register
 * their handlers; QueueWorkers starts one BullMQ Worker per queue once all are registered. Needs the
 * MikroORM module (global) for the EntityManager forks.
 */
@Module({
  providers: [JobHandlerRegistry, JobDispatcher, QueueWorkers],
  exports: [JobHandlerRegistry],
})
export class QueueWorkersModule {}
