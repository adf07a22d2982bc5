import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Policy } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import { ReadinessCsvQueryDto, ReadinessQueryDto } from './readiness-query.dto';
import { ReadinessService } from './readiness.service';
import type { ReadinessReport } from './readiness.view';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('readiness')
  @Policy('read', 'Dashboard')
  report(@CurrentCaller() caller: Caller, @Query() query: ReadinessQueryDto): Promise<ReadinessReport> {
    return this.readiness.report(caller, query);
  }

  @Get('readiness.csv')
  @Policy('read', 'Dashboard')
  @ApiProduces('text/csv')
  async csv(@CurrentCaller() caller: Caller, @Query() query: ReadinessCsvQueryDto): Promise<StreamableFile> {
    const csv = await this.readiness.csv(caller, query);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="readiness.csv"',
    });
  }
}
