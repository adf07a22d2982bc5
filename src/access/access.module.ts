import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthTokensModule } from '../auth/auth-tokens.module';
import { AbilityFactory } from './ability.factory';
import { AccessGuard } from './access.guard';
import { DenialAuditInterceptor } from './denial-audit.interceptor';
import { ClientPrincipalLoader } from './client-principal.loader';
import { PrincipalLoader } from './principal.loader';

/** The ability factory for every module, the global guard that applies it to each route, denial audit. */
@Global()
@Module({
  imports: [AuthTokensModule],
  providers: [
    AbilityFactory,
    PrincipalLoader,
    ClientPrincipalLoader,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: DenialAuditInterceptor },
  ],
  exports: [AbilityFactory, PrincipalLoader],
})
export class AccessModule {}
