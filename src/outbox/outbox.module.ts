import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';

/** For the API and the workers: write jobs into the outbox inside your transaction. */
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
