import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import { CreateIntegrationClientDto } from './dto/integration-clients.dto';
import {
  IntegrationClientsService,
  type IntegrationClientView,
  type IssuedClientSecret,
} from './integration-clients.service';

@ApiTags('integration')
@ApiBearerAuth()
@Controller('integration-clients')
export class IntegrationClientsController {
  constructor(private readonly clients: IntegrationClientsService) {}

  @Post()
  @Policy('create', 'IntegrationClient')
  register(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateIntegrationClientDto,
  ): Promise<IssuedClientSecret> {
    return this.clients.register(caller, body);
  }

  @Get()
  @Policy('read', 'IntegrationClient')
  list(): Promise<{ items: IntegrationClientView[]; nextCursor: null }> {
    return this.clients.list();
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Policy('update', 'IntegrationClient')
  rotate(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<IssuedClientSecret> {
    return this.clients.rotate(caller, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Policy('revoke', 'IntegrationClient')
  revoke(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<IntegrationClientView> {
    return this.clients.revoke(caller, id);
  }
}
