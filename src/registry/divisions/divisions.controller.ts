import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import { ListDivisionsQueryDto, ReplaceDivisionsDto } from './divisions.dto';
import { type DivisionList, DivisionsService } from './divisions.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('laos/:code/divisions')
export class DivisionsController {
  constructor(private readonly divisions: DivisionsService) {}

  @Get()
  @Policy('read', 'Division')
  list(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Query() query: ListDivisionsQueryDto,
  ): Promise<DivisionList> {
    return this.divisions.list(caller, code, query.includeInactive ?? false);
  }

  @Put()
  @Policy('update', 'Division')
  replace(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Body() body: ReplaceDivisionsDto,
  ): Promise<DivisionList> {
    return this.divisions.replace(caller, code, body);
  }
}
