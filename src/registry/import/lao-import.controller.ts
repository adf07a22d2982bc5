import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import type { UpsertCounts } from '../laos/upsert-laos';
import { CsvBody } from './csv-body.decorator';
import { CsvBodyReader } from './csv-body.reader';
import { LaoImportService } from './lao-import.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('laos')
export class LaoImportController {
  constructor(private readonly importer: LaoImportService) {}

  /** Upserts LAOs by code from `code,name_th,type,district_th,province_code[,address,phone,email,website,phase1_target]`. */
  @Post('import')
  @HttpCode(200)
  @Policy('import', 'Lao')
  @UseGuards(CsvBodyReader)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'code,name_th,type,district_th,province_code\n6360507,องค์การบริหารส่วนตำบลคูเมือง,sao,หนองบัวแดง,36',
    },
  })
  import(@CurrentCaller() caller: Caller, @CsvBody() csv: string): Promise<UpsertCounts> {
    return this.importer.import(caller, csv);
  }
}
