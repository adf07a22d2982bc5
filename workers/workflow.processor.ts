import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { JobHandlerRegistry } from '../src/queue/job-handler-registry';
import { ActivationService } from '../src/workflow/activation.service';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** `workflow.activate-order`, plus the activation sweep at start and every hour. */
@Injectable()
export class WorkflowProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowProcessor.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly activation: ActivationService,
  ) {}

  onModuleInit(): void {
    this.registry.register('workflow.activate-order', async (payload, context) => {
      await this.activation.activate(context.em, payload.orderId);
    });
  }

  /** The first sweep runs in the background: a slow database must not hold the worker's boot. */
  onApplicationBootstrap(): void {
    this.runSweep();
    this.timer = setInterval(() => this.runSweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Resolves when the sweep started at boot (or the latest one) has finished; for tests and tooling. */
  whenSwept(): Promise<unknown> {
    return this.sweeping ?? Promise.resolve();
  }

  private runSweep(): void {
    if (this.sweeping) return;
    this.sweeping = this.activation
      .sweep()
      .catch((error: unknown) => this.logger.error(`activation sweep failed: ${String(error)}`))
      .finally(() => (this.sweeping = undefined));
  }
}
