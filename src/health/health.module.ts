import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';
import { WorkerReports } from './worker-reports';

@Module({ controllers: [HealthController], providers: [ReadinessService, WorkerReports] })
export class HealthModule {}
