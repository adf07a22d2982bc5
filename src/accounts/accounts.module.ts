import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { AccountAccessService } from './account-access.service';
import { AccountsController } from './accounts.controller';
import { AccountCreationService } from './account-creation.service';
import { AccountsService } from './accounts.service';
import { BootstrapAdmin } from './bootstrap-admin';
import { GrantChangeService } from './grant-change.service';
import { MeController } from './me.controller';

@Module({
  imports: [AuthModule, NotificationsCoreModule],
  controllers: [AccountsController, MeController],
  providers: [
    AccountsService,
    AccountAccessService,
    AccountCreationService,
    GrantChangeService,
    BootstrapAdmin,
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
