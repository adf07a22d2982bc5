import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { ReadinessService } from './readiness.service';

/** Readiness of the LAOs for the rollout: per LAO, per province and national, computed in SQL. */
@Module({
  controllers: [DashboardController],
  providers: [ReadinessService],
})
export class DashboardModule {}
