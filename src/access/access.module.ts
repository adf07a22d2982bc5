import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthTokensModule } from '../auth/auth-tokens.module';
import { AbilityFactory } from './ability.factory';
import { AccessGuard } from './access.guard';
import { PrincipalLoader } from './principal.loader';

/** The ability factory for every module, and the global guard that applies it to each route. */
@Global()
@Module({
  imports: [AuthTokensModule],
  providers: [AbilityFactory, PrincipalLoader, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AbilityFactory, PrincipalLoader],
})
export class AccessModule {}
