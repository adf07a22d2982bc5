import { Module } from '@nestjs/common';
import { QueueModule } from '../../queue/queue.module';
import { IntegrityScrubService } from './integrity-scrub.service';
import { DocumentsMaintenanceScheduler } from './maintenance-scheduler';
import { QuarantineSweepService } from './quarantine-sweep.service';

/** Worker side: the scheduled quarantine sweep and integrity scrub (storage, audit and ORM are global). */
@Module({
  imports: [QueueModule],
  providers: [QuarantineSweepService, IntegrityScrubService, DocumentsMaintenanceScheduler],
  exports: [QuarantineSweepService, IntegrityScrubService],
})
export class DocumentsMaintenanceModule {}
