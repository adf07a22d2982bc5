import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import type { Page } from '../pagination/keyset-cursor';
import type { LaoView } from './lao.presenter';
import { ListLaosQueryDto, UpdateLaoDto } from './laos.dto';
import { LaosService } from './laos.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('laos')
export class LaosController {
  constructor(private readonly laos: LaosService) {}

  @Get()
  @Policy('read', 'Lao')
  list(@CurrentCaller() caller: Caller, @Query() query: ListLaosQueryDto): Promise<Page<LaoView>> {
    return this.laos.list(caller, query);
  }

  @Get(':code')
  @Policy('read', 'Lao')
  get(@CurrentCaller() caller: Caller, @Param('code') code: string): Promise<LaoView> {
    return this.laos.get(caller, code);
  }

  @Patch(':code')
  @Policy('update', 'Lao')
  update(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Body() body: UpdateLaoDto,
  ): Promise<LaoView> {
    return this.laos.update(caller, code, body);
  }
}
