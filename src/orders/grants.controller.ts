import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import type { GrantView } from '../accounts/account.presenter';
import type { HistoryEntryView } from '../workflow/history.presenter';
import { ReasonDto } from './dto/order.dto';
import { OrderActions } from './order-actions.service';

/** Grants as workflow items: read with history, revoke directly (staff leaves). */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsController {
  constructor(private readonly actions: OrderActions) {}

  @Get(':id')
  @Policy('read', 'AccountGrant')
  get(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<GrantView & { history: HistoryEntryView[] }> {
    return this.actions.getGrant(caller, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Policy('revoke', 'AccountGrant')
  revoke(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<GrantView> {
    return this.actions.revokeGrant(caller, id, body);
  }
}
