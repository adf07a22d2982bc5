import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import { type ProvinceView, ProvincesService } from './provinces.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('provinces')
export class ProvincesController {
  constructor(private readonly provinces: ProvincesService) {}

  @Get()
  @Policy('read', 'Province')
  list(@CurrentCaller() caller: Caller): Promise<{ items: ProvinceView[]; nextCursor: null }> {
    return this.provinces.list(caller);
  }
}
