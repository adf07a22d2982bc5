import { Module } from '@nestjs/common';
import { NotificationsCoreModule } from '../notifications/notifications-core.module';
import { AuthTokensModule } from './auth-tokens.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ForgotPasswordService } from './forgot-password.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens.service';
import { SetPasswordLinks } from './set-password-links.service';

@Module({
  imports: [AuthTokensModule, NotificationsCoreModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    ForgotPasswordService,
    PasswordHasher,
    RefreshTokens,
    LoginThrottleService,
    SetPasswordLinks,
  ],
  exports: [PasswordHasher, SetPasswordLinks, LoginThrottleService],
})
export class AuthModule {}
