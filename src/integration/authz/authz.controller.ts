import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { type ClientCaller, CurrentClient } from '../../access/request-context';
import type { Decision } from './authz-decision.service';
import { AuthzCheckBatchDto, AuthzCheckDto } from './authz.dto';
import { AuthzService } from './authz.service';

/** Decisions for integration clients (scope `authz:check`); a person's token is refused (403). */
@ApiTags('integration')
@ApiBearerAuth()
@Controller('authz')
export class AuthzController {
  constructor(private readonly authz: AuthzService) {}

  @Post('check')
  @HttpCode(200)
  @Policy('check', 'AuthzDecision')
  check(@CurrentClient() caller: ClientCaller, @Body() body: AuthzCheckDto): Promise<Decision> {
    return this.authz.check(caller, body);
  }

  @Post('check-batch')
  @HttpCode(200)
  @Policy('check', 'AuthzDecision')
  checkBatch(
    @CurrentClient() caller: ClientCaller,
    @Body() body: AuthzCheckBatchDto,
  ): Promise<{ results: Decision[] }> {
    return this.authz.checkBatch(caller, body.checks);
  }
}
