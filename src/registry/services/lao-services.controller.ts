import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import type { LaoServiceView } from './lao-service.presenter';
import { UpdateLaoServiceDto } from './lao-services.dto';
import { LaoServicesService } from './lao-services.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('laos/:code/services')
export class LaoServicesController {
  constructor(private readonly services: LaoServicesService) {}

  @Get()
  @Policy('read', 'LaoService')
  list(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
  ): Promise<{ items: LaoServiceView[]; nextCursor: null }> {
    return this.services.list(caller, code);
  }

  @Put(':serviceKey')
  @Policy('update', 'LaoService')
  update(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Param('serviceKey') serviceKey: string,
    @Body() body: UpdateLaoServiceDto,
  ): Promise<LaoServiceView> {
    return this.services.update(caller, code, serviceKey, body);
  }
}
