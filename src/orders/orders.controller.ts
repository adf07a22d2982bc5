import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Policy } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import type { HistoryEntryView } from '../workflow/history.presenter';
import {
  CreateOrderDto,
  ListOrdersDto,
  ReasonDto,
  UpdateOrderDto,
  VerifyDto,
  VersionDto,
} from './dto/order.dto';
import { OrderActions } from './order-actions.service';
import { OrderQueries } from './order-queries.service';
import type { OrderView } from './order.presenter';
import { OrdersService } from './orders.service';

/** Appointment orders (API.md): parse, call one service method, return. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly queries: OrderQueries,
    private readonly actions: OrderActions,
  ) {}

  @Post('laos/:code/orders')
  @Policy('create', 'AppointmentOrder')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Body() body: CreateOrderDto,
  ): Promise<OrderView> {
    return this.orders.create(caller, code, body);
  }

  @Get('laos/:code/orders')
  @Policy('read', 'AppointmentOrder')
  list(
    @CurrentCaller() caller: Caller,
    @Param('code') code: string,
    @Query() query: ListOrdersDto,
  ): Promise<{ items: OrderView[]; nextCursor: string | null }> {
    return this.queries.listForLao(caller, code, query);
  }

  @Get('orders/:id')
  @Policy('read', 'AppointmentOrder')
  get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<OrderView> {
    return this.queries.get(caller, id);
  }

  @Patch('orders/:id')
  @Policy('update', 'AppointmentOrder')
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrderDto,
  ): Promise<OrderView> {
    return this.orders.update(caller, id, body);
  }

  @Get('orders/:id/history')
  @Policy('read', 'AppointmentOrder')
  history(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ items: HistoryEntryView[] }> {
    return this.queries.history(caller, id);
  }

  @Post('orders/:id/withdraw')
  @HttpCode(200)
  @Policy('withdraw', 'AppointmentOrder')
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VersionDto,
  ): Promise<OrderView> {
    return this.actions.apply(caller, id, 'withdraw', body);
  }

  @Post('orders/:id/verify')
  @HttpCode(200)
  @Policy('verify', 'AppointmentOrder')
  verify(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VerifyDto,
  ): Promise<OrderView> {
    return this.actions.apply(caller, id, 'verify', body);
  }

  @Post('orders/:id/return')
  @HttpCode(200)
  @Policy('return', 'AppointmentOrder')
  return(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<OrderView> {
    return this.actions.apply(caller, id, 'return', body);
  }

  @Post('orders/:id/revoke')
  @HttpCode(200)
  @Policy('revoke', 'AppointmentOrder')
  revoke(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<OrderView> {
    return this.actions.apply(caller, id, 'revoke', body);
  }
}
