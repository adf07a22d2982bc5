import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import { ActivationScheduler } from './activation-scheduler';
import { bangkokDate } from './bangkok-date';
import { TransitionService } from './transition.service';

export type ActivationOutcome = 'activated' | 'not-verified' | 'not-yet' | 'missing' | 'conflict';

/**
 * Applies `activate` to verified orders whose effective date has come: for one order (the
 * `workflow.activate-order` job) and for all of them (the sweep at worker start and every hour,
 * which catches jobs lost with Redis or delayed past a restart). Both are idempotent.
 */
@Injectable()
export class ActivationService {
  private readonly logger = new Logger(ActivationService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly transitions: TransitionService,
    private readonly scheduler: ActivationScheduler,
  ) {}

  async activate(em: EntityManager, orderId: string): Promise<ActivationOutcome> {
    return em.transactional(async (tx) => {
      const order = await tx.findOne(AppointmentOrder, orderId);
      if (!order) return 'missing';
      if (order.state !== 'verified') return 'not-verified';
      if (order.effectiveDate > bangkokDate()) {
        // Still ahead (a capped delay, or the date was moved): hop again.
        this.scheduler.schedule(tx, order);
        return 'not-yet';
      }
      await this.transitions.applyOrder(tx, order, 'activate', { actor: 'scheduler' });
      return 'activated';
    });
  }

  /** Every verified order that is due; each in its own transaction so one failure does not stop the rest. */
  async sweep(): Promise<{ activated: number; failed: number }> {
    const due = await this.em
      .fork()
      .find(
        AppointmentOrder,
        { state: 'verified', effectiveDate: { $lte: bangkokDate() } },
        { fields: ['id'], orderBy: { effectiveDate: 'asc', id: 'asc' }, limit: 5000 },
      );
    let activated = 0;
    let failed = 0;
    for (const { id } of due) {
      try {
        if ((await this.activate(this.em.fork(), id)) === 'activated') activated += 1;
      } catch (error) {
        // A concurrent activation (another worker, the job) wins with a version conflict: not a failure.
        if (error instanceof AppError && error.status === 409) continue;
        failed += 1;
        this.logger.error(`activation sweep: order ${id} failed: ${(error as Error).message}`);
      }
    }
    if (activated || failed) this.logger.log(`activation sweep: ${activated} activated, ${failed} failed`);
    return { activated, failed };
  }
}
