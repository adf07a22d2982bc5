import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { RetentionScheduler } from './retention-scheduler';
import { RetentionSweepService } from './retention-sweep.service';

/** Worker side: the scheduled deletion of personal data kept past its retention (ORM is global). */
@Module({
  imports: [QueueModule],
  providers: [RetentionSweepService, RetentionScheduler],
  exports: [RetentionSweepService],
})
export class RetentionModule {}
